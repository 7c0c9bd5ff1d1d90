package org.campaignrl.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;

/**
 * The contract every {@link CampaignLogSource} keeps with the reference, the CSV adapter: on the same logs, either
 * both refuse them with the same file, line and message, or both give the same cells (training and held out), the
 * same account of every row of every file, the same summary and the same rejects report, byte for byte.
 */
final class LogSourceAgreement {
    private LogSourceAgreement() {}

    /** What the two made of the logs: the reference's outcome (its logs, or null when it refused them). */
    static AggregatedLogs assertAgree(
            CampaignLogSource reference, CampaignLogSource other, LogFiles files, SendSplit split, Path dir)
            throws IOException {
        Path referenceReport = dir.resolve("reference-rejected_rows.csv");
        Path otherReport = dir.resolve("other-rejected_rows.csv");
        Outcome expected = outcome(() -> reference.aggregate(files, split, referenceReport, ProgressListener.NONE));
        if (expected.refused != null) {
            IngestRefusedException refused = assertThrows(
                    IngestRefusedException.class,
                    () -> other.aggregate(files, split, otherReport, ProgressListener.NONE),
                    "refused as the reference refused: " + expected.refused.getMessage());
            assertEquals(expected.refused.file(), refused.file(), "the file refused");
            assertEquals(expected.refused.line(), refused.line(), "the line refused at");
            assertEquals(
                    expected.refused.getMessage().replace(referenceReport.toString(), "REPORT"),
                    refused.getMessage().replace(otherReport.toString(), "REPORT"),
                    "why");
            return null;
        }
        AggregatedLogs logs = other.aggregate(files, split, otherReport, ProgressListener.NONE);
        assertEquals(expected.logs.cells(), logs.cells(), "the cells");
        assertEquals(expected.logs.heldOutCells(), logs.heldOutCells(), "the held-out cells");
        assertEquals(expected.logs.summary().files(), logs.summary().files(), "the account of every file");
        assertEquals(expected.logs.summary(), withReport(logs, referenceReport).summary(), "the summary");
        assertEquals(Files.readString(referenceReport), Files.readString(otherReport), "the rejects report");
        return expected.logs;
    }

    /** The logs as if their rejects report were at {@code report}: the summary names where it went. */
    private static AggregatedLogs withReport(AggregatedLogs logs, Path report) {
        var s = logs.summary();
        return new AggregatedLogs(
                logs.cells(),
                logs.heldOutCells(),
                logs.split(),
                new org.campaignrl.application.model.IngestSummary(
                        s.files(),
                        s.customers(),
                        s.sends(),
                        s.respondedSends(),
                        s.distinctResponsePairs(),
                        s.responsePairsWithoutSend(),
                        s.firstSendDate(),
                        s.lastSendDate(),
                        report.toString()));
    }

    private record Outcome(AggregatedLogs logs, IngestRefusedException refused) {}

    private static Outcome outcome(Supplier<AggregatedLogs> aggregation) {
        try {
            return new Outcome(aggregation.get(), null);
        } catch (IngestRefusedException e) {
            return new Outcome(null, e);
        }
    }
}
