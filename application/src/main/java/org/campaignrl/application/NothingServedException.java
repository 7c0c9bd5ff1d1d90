package org.campaignrl.application;

/** No model is active yet: ingest and train first. */
public class NothingServedException extends RuntimeException {
    public NothingServedException() {
        super("no model is active yet: ingest campaign logs and train a model first");
    }
}
