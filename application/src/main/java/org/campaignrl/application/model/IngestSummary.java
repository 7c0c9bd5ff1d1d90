package org.campaignrl.application.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The account of one ingest: every row of every file counted as accepted or rejected, and what the
 * accepted rows made. {@code firstSendDate}/{@code lastSendDate} are null when no send was accepted.
 */
public record IngestSummary(
        List<FileSummary> files,
        long customers,
        long sends,
        long respondedSends,
        long distinctResponsePairs,
        long responsePairsWithoutSend,
        LocalDate firstSendDate,
        LocalDate lastSendDate,
        String rejectsReport) {

    public IngestSummary {
        files = List.copyOf(files);
    }

    public long rowsRead() {
        return files.stream().mapToLong(FileSummary::rowsRead).sum();
    }

    public long rowsRejected() {
        return files.stream().mapToLong(FileSummary::rejected).sum();
    }

    public double baseRate() {
        return sends == 0 ? 0 : (double) respondedSends / sends;
    }
}
