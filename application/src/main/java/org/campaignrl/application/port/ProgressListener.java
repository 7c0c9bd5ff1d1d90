package org.campaignrl.application.port;

/**
 * Where long work reports how far it is: a terminal bar, a page, a log. Called from the working
 * thread, a few hundred times per stage at most.
 */
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> {};

    /** {@code done} of {@code total} units (rows, bytes, episodes) of the named stage. */
    void progress(String stage, long done, long total);

    /**
     * Why the work this listener watches is to stop (a job that was cancelled), or null while it is to go on.
     * Recorded work asks at each progress report, before anything is stored, and stops with
     * {@link org.campaignrl.application.RunCancelledException}.
     */
    default String cancelled() {
        return null;
    }
}
