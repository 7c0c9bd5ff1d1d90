package org.campaignrl.adapters.serving;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.campaignrl.application.model.RetrainingDecision;
import org.campaignrl.application.port.in.RetrainingUseCase;
import org.campaignrl.application.port.in.RetrainingUseCase.RetrainCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retraining on a daemon thread: once at start (logs already waiting are picked up), then
 * {@code every} after each run ends, so that a long run never overlaps the next.
 */
public final class ScheduledRetraining implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRetraining.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scheduled-retraining");
        thread.setDaemon(true);
        return thread;
    });

    private ScheduledRetraining() {}

    public static ScheduledRetraining start(RetrainingUseCase retraining, Duration every, RetrainCommand command) {
        if (every.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("retrain at most every second, not every " + every);
        }
        retraining.scheduled(every, command);
        ScheduledRetraining scheduled = new ScheduledRetraining();
        scheduled.scheduler.scheduleWithFixedDelay(
                () -> run(retraining, command), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return scheduled;
    }

    private static void run(RetrainingUseCase retraining, RetrainCommand command) {
        try {
            RetrainingDecision decision = retraining.retrain(command);
            if (decision.outcome() == RetrainingDecision.Outcome.NOTHING_NEW) {
                LOG.debug("retraining: {}", decision.reason());
            } else {
                LOG.info("retraining {}: {}", decision.outcome(), decision.reason());
            }
        } catch (RuntimeException e) {
            // A failure is recorded by the service; this is for what it could not record. The schedule goes on.
            LOG.error("retraining run failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
