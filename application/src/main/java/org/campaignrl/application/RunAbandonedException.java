package org.campaignrl.application;

/**
 * A running ingest or training was told to stop (its process is shutting down) and stopped at its
 * next progress report, storing nothing.
 */
public class RunAbandonedException extends RuntimeException {
    public RunAbandonedException(String message) {
        super(message);
    }
}
