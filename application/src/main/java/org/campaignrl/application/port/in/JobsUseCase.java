package org.campaignrl.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;

/**
 * Long work (ingest, training) run in the background, one job at a time, with progress that pages and
 * API clients poll. Jobs live as long as the server process.
 */
public interface JobsUseCase {

    JobView startIngest(IngestLogsCommand command);

    /**
     * The same, running {@code afterwards} once the job has ended, whatever the outcome (succeeded, failed,
     * cancelled, queued and cancelled): where an upload's copies are removed.
     */
    JobView startIngest(IngestLogsCommand command, Runnable afterwards);

    JobView startTraining(TrainModelCommand command);

    Optional<JobView> job(long id);

    /** Newest first. */
    List<JobView> jobs();

    /**
     * Cancels a job: a queued one never starts; a running one stops at its next progress report (an ingest
     * every few megabytes, a training every hundredth of its episodes), storing nothing, and its run is
     * recorded as cancelled, "cancelled: …"; one already storing its result, or finished, is not changed. A
     * cancelled job's outcome says when it stopped ("before it started", "stopped before storing anything").
     *
     * @return the job as it is now (still RUNNING until the work has stopped), or empty for an unknown id
     */
    Optional<JobView> cancel(long id);

    enum Kind {
        INGEST,
        TRAINING
    }

    enum State {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED
    }

    /**
     * A moment of a job. {@code resultId} is the dataset or model version made (0 until it succeeded);
     * {@code outcome} says in words what came of it, or why it failed.
     */
    record JobView(
            long id,
            Kind kind,
            State state,
            String stage,
            long done,
            long total,
            Instant submitted,
            Instant finished,
            long resultId,
            String outcome) {

        public double fraction() {
            if (state == State.SUCCEEDED) {
                return 1;
            }
            return total <= 0 ? 0 : Math.min(1, (double) done / total);
        }

        public boolean finishedRunning() {
            return state == State.SUCCEEDED || state == State.FAILED || state == State.CANCELLED;
        }
    }
}
