package org.campaignrl.application.port;

/**
 * Where long work reports how far it is: a terminal bar, a page, a log. Called from the working
 * thread, a few hundred times per stage at most.
 */
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> { };

    /** {@code done} of {@code total} units (rows, bytes, episodes) of the named stage. */
    void progress(String stage, long done, long total);
}
