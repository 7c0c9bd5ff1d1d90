package org.campaignrl.adapters.csv;

import org.apache.commons.csv.CSVRecord;

/**
 * The row being read, as its handler sees it. One instance per file, moved from row to row, so that
 * reading allocates nothing of its own. A row is accepted unless its handler rejects it.
 */
final class Row {
    private final LogFile file;
    private final RejectsReport report;
    private CSVRecord record;
    private long line;
    private String rejectedFor;

    Row(LogFile file, RejectsReport report) {
        this.file = file;
        this.report = report;
    }

    void moveTo(CSVRecord record, long line) {
        this.record = record;
        this.line = line;
        this.rejectedFor = null;
    }

    /** The value in a column, by its index in the header. */
    String get(int column) {
        return record.get(column);
    }

    /** The physical line the row starts on, the header being line 1. */
    long line() {
        return line;
    }

    /** Rejects the row because of the value in {@code column}; a row is rejected at most once. */
    void reject(int column, String reason) {
        reject(file.columnName(column), reason, record.get(column));
    }

    void reject(String field, String reason, String value) {
        if (rejectedFor != null) {
            throw new IllegalStateException(file.name() + ":" + line + " is already rejected for " + rejectedFor);
        }
        rejectedFor = reason;
        report.reject(file.name(), line, field, reason, value);
    }

    /** The reason the row was rejected for, or null when it is accepted. */
    String rejectedFor() {
        return rejectedFor;
    }

    int size() {
        return record.size();
    }
}
