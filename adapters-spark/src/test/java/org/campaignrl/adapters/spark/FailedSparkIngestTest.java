package org.campaignrl.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.campaignrl.adapters.csv.CsvCampaignLogSource;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.memory.InMemoryStorage;
import org.campaignrl.application.memory.MemoryRunLog;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.service.IngestLogsService;
import org.campaignrl.application.service.RunRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark ingest goes through the application's ingest like a CSV one: when Spark refuses the logs (here a quote
 * that never closes, found by a task), the run is recorded as failed with the reason and nothing is stored, so the
 * dataset that was the latest stays the one served.
 */
class FailedSparkIngestTest {
    @TempDir
    Path dir;

    @Test
    void aRefusedSparkIngestStoresNothingAndIsRecordedAsFailed() throws IOException {
        InMemoryStorage storage = new InMemoryStorage();
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
        RunRecorder runs = new RunRecorder(storage.runs(), MemoryRunLog.OWNER, clock);
        long first = new IngestLogsService(new CsvCampaignLogSource(), storage.datasets(), runs, clock)
                .ingest(IngestLogsCommand.inFolder(SparkAndCsvAgreeTest.SAMPLE), ProgressListener.NONE)
                .datasetId();

        Path sent = Files.writeString(
                dir.resolve("sent_emails.csv"), SparkAndCsvAgreeTest.SENT + "2016-01-07,\"1,1\n2016-01-08,2,2\n");
        IngestLogsCommand broken = new IngestLogsCommand(
                sent,
                SparkAndCsvAgreeTest.SAMPLE.resolve("responded.csv"),
                SparkAndCsvAgreeTest.SAMPLE.resolve("userbase.csv"),
                dir.resolve("rejected_rows.csv"));
        IngestRefusedException refused = assertThrows(
                IngestRefusedException.class,
                () -> new IngestLogsService(SharedSpark.source(), storage.datasets(), runs, clock)
                        .ingest(broken, ProgressListener.NONE));
        assertTrue(refused.getMessage().contains("malformed CSV"), refused.getMessage());
        assertEquals(sent.toString(), refused.file());

        assertEquals(
                first, storage.datasets().loadLatest().orElseThrow().id(), "the latest dataset is still the first");
        assertEquals(1, storage.datasets().list().size());
        Run failed = storage.runs().recent(1).get(0);
        assertEquals(Run.Status.FAILED, failed.status());
        assertTrue(failed.message().contains("malformed CSV"), failed.message());
    }
}
