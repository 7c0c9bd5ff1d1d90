package org.campaignrl.application;

/**
 * A running ingest or training was cancelled (its job, from the API, the page or the CLI) and stopped at its
 * next progress report, storing nothing: the previous dataset and model serve on.
 */
public class RunCancelledException extends RuntimeException {
    public RunCancelledException(String message) {
        super(message);
    }
}
