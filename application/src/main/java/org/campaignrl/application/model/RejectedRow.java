package org.campaignrl.application.model;

/** One row an ingest rejected, as its report recorded it. */
public record RejectedRow(String file, long line, String field, String reason, String value) {}
