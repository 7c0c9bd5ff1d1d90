package org.campaignrl.application.port.out;

import java.time.Instant;
import java.util.List;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.model.RunOwner;

/**
 * The record of every ingest and training: started, then succeeded, failed or cancelled. A run whose process
 * died before it ended (killed, crashed, the machine off) stays running here until
 * {@link #markInterrupted} finds its owner gone.
 */
public interface RunLog {

    /** Records a run as running and returns its id. */
    long start(Run.Kind kind, String subject, RunOwner owner, Instant startedAt);

    /**
     * Records that a running run made the dataset or model {@code resultId}.
     *
     * @return false, changing nothing, when there is no such run or it is no longer running (it was
     *         marked interrupted meanwhile)
     */
    boolean succeeded(long id, long resultId, String message, Instant finishedAt);

    /** Records why a running run failed; false, changing nothing, as for {@link #succeeded}. */
    boolean failed(long id, String message, Instant finishedAt);

    /** Records that a running run was cancelled on request, and where it stopped; false as for {@link #succeeded}. */
    boolean cancelled(long id, String message, Instant finishedAt);

    /** The newest {@code limit} runs, newest first. */
    List<Run> recent(int limit);

    /**
     * Fails, with {@link Run#INTERRUPTED}, every run still running whose process has ended, as far as
     * {@code self}, the process asking, can tell; called when storage is opened.
     *
     * @return how many runs it failed
     */
    int markInterrupted(RunOwner self, Instant at);
}
