package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.notNull;
import static org.campaignrl.application.Validate.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.model.RetrainingDecision;

/**
 * Scheduled retraining: when the watched folder holds logs other than the latest dataset's, ingest
 * them, train a candidate with the active model's settings, measure both, and activate the
 * candidate only if no watched quality figure is worse than the active model's by more than the
 * tolerance; otherwise keep the active model. Every decision is recorded with its reason.
 */
public interface RetrainingUseCase {

    /** One run, now. */
    RetrainingDecision retrain(RetrainCommand command);

    /** Tells what the scheduler will do, so that {@link #status()} can show it. */
    void scheduled(Duration every, RetrainCommand command);

    RetrainingStatus status();

    /**
     * @param watchDir  the folder where the three logs arrive, under their default names
     * @param tolerance how much worse than the active model's a figure may be, as a share of it (0.02: 2 %)
     */
    record RetrainCommand(Path watchDir, double tolerance) {
        public RetrainCommand {
            notNull(watchDir, "watchDir");
            within(tolerance, 0, 1, "tolerance");
        }
    }

    record Schedule(Duration every, Path watchDir, double tolerance, Instant nextRunAt) {
        public Schedule {
            if (every == null || every.isZero() || every.isNegative()) {
                throw new InvalidCommandException("every", "must be a positive duration");
            }
        }
    }

    /** The schedule if there is one, the last run (recorded or not), and the recorded decisions, newest first. */
    record RetrainingStatus(
            Optional<Schedule> schedule, Optional<RetrainingDecision> lastRun, List<RetrainingDecision> decisions) {
        public RetrainingStatus {
            decisions = List.copyOf(decisions);
        }
    }
}
