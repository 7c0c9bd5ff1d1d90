package org.campaignrl.application.model;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

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

    /**
     * How many sends a (customer, subject line) pair that responded has, on average: the responded sends over the
     * responded pairs some send matched. Every send of a responding pair counts as responded, so a pair, not a send,
     * is one draw; this says how many sends make one. Empty when no pair responded to a send.
     */
    public OptionalDouble sendsPerRespondingPair() {
        long pairs = distinctResponsePairs - responsePairsWithoutSend;
        return pairs <= 0 || respondedSends < pairs
                ? OptionalDouble.empty()
                : OptionalDouble.of((double) respondedSends / pairs);
    }
}
