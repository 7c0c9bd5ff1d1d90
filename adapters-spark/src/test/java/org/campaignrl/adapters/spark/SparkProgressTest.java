package org.campaignrl.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.campaignrl.application.RunCancelledException;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark's stages reach the progress listener on the ingest's own thread, and a listener that stops the work stops Spark. */
class SparkProgressTest {
    @TempDir
    Path dir;

    /** The small valid trio: the stages are the same whatever the size. */
    private LogFiles trio() throws IOException {
        return new LogFiles(
                Files.writeString(dir.resolve("sent_emails.csv"), SparkAndCsvAgreeTest.SENT),
                Files.writeString(dir.resolve("responded.csv"), SparkAndCsvAgreeTest.RESPONDED),
                Files.writeString(dir.resolve("userbase.csv"), SparkAndCsvAgreeTest.USERBASE));
    }

    @Test
    void everyStepAndItsSparkStagesAreReportedOnTheIngestThread() throws IOException {
        List<String> reports = new CopyOnWriteArrayList<>();
        Thread ingest = Thread.currentThread();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        SharedSpark.source()
                .aggregate(trio(), SendSplit.NONE, dir.resolve("rejected_rows.csv"), (stage, done, total) -> {
                    reports.add(stage + " " + done + "/" + total);
                    threads.add(Thread.currentThread());
                });
        for (String step : List.of(
                "reading userbase.csv",
                "reading responded.csv",
                "reading sent_emails.csv",
                "writing rejected_rows.csv",
                "aggregating the cells")) {
            assertTrue(reports.contains(step + " 0/1") && reports.contains(step + " 1/1"), step + " in " + reports);
        }
        assertTrue(
                reports.stream().anyMatch(r -> r.matches("reading sent_emails\\.csv \\(Spark stage \\d+\\) \\d+/\\d+")),
                "the stages' tasks: " + reports);
        assertTrue(threads.stream().allMatch(ingest::equals), "all on the ingest's thread");
    }

    @Test
    void aListenerThatCancelsStopsTheIngestWithItsReason() throws IOException {
        ProgressListener cancelling = new ProgressListener() {
            @Override
            public void progress(String stage, long done, long total) {
                if (stage.startsWith("reading responded.csv")) {
                    throw new RunCancelledException("cancelled by a test");
                }
            }
        };
        LogFiles files = trio();
        RunCancelledException stopped = assertThrows(
                RunCancelledException.class,
                () -> SharedSpark.source()
                        .aggregate(files, SendSplit.NONE, dir.resolve("rejected_rows.csv"), cancelling));
        assertEquals("cancelled by a test", stopped.getMessage());
    }
}
