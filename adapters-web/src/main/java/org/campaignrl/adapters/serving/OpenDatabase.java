package org.campaignrl.adapters.serving;

import org.campaignrl.adapters.web.Metrics;
import org.campaignrl.application.CampaignRl;

/** The use cases wired over an open database, and how to stop them cleanly. */
public interface OpenDatabase {
    CampaignRl app();

    /** Which database, for people: "H2 file …" or "PostgreSQL …". */
    String storage();

    /** The process's metrics: its ingests and trainings counted, for the server to serve. */
    Metrics metrics();

    /** Whether this process made its database, so that it is known to be empty without asking it. */
    boolean databaseIsNew();

    /**
     * Stops cleanly, for a process that is shutting down: the ingest or training running (a command's,
     * a background job's, scheduled retraining's) stops at its next progress report, storing nothing,
     * and is recorded as failed, "abandoned: {@code why}"; then, once it has ended or a bounded wait
     * has passed, closes the database. Later runs are refused.
     */
    void stop(String why);
}
