package org.campaignrl.boot.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.campaignrl.adapters.csv.CsvCampaignLogSource;
import org.campaignrl.adapters.db.PostgresTestDatabase;
import org.campaignrl.adapters.db.Storage;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark-submit --master local[2]} of the module's jar on the bundled sample, into a PostgreSQL schema of its
 * own: Spark's own SparkSubmit runs in a child JVM (no Spark distribution on this machine; its classes are on the
 * test classpath), given the JVM options Spark needs explicitly — those this JVM was started with — and the stored
 * dataset's cells are those of the CSV ingest, so that {@code serve} on that database serves what
 * {@code ./campaign-rl ingest} would have stored.
 */
class SparkSubmitIT {
    private static final Path SAMPLE = Path.of("..", "data", "sample");
    private static final Path JAR = Path.of("target", "campaign-rl-spark.jar");

    @TempDir
    Path dir;

    @Test
    void sparkSubmitOfTheJarStoresTheCsvIngestsCellsInPostgres() throws IOException, InterruptedException {
        try (PostgresTestDatabase database = PostgresTestDatabase.createOrSkip()) {
            assertTrue(Files.isRegularFile(JAR), "the shaded jar is built before the integration tests: " + JAR);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> sparkOptions = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(option -> option.startsWith("--add-")
                            || option.startsWith("-XX:+IgnoreUnrecognized")
                            || option.startsWith("-Djdk.reflect")
                            || option.startsWith("-Dio.netty"))
                    .toList();
            assertFalse(sparkOptions.isEmpty(), "this JVM has Spark's options (failsafe's argLine)");
            command.addAll(sparkOptions);
            command.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    "org.apache.spark.deploy.SparkSubmit",
                    "--master",
                    "local[2]",
                    "--conf",
                    "spark.ui.enabled=false",
                    "--conf",
                    "spark.driver.host=127.0.0.1",
                    "--conf",
                    "spark.driver.bindAddress=127.0.0.1",
                    "--conf",
                    "spark.sql.shuffle.partitions=4",
                    "--class",
                    SparkIngest.class.getName(),
                    JAR.toString(),
                    "--db",
                    database.url(),
                    "--data-dir",
                    SAMPLE.toString(),
                    "--rejects",
                    dir.resolve("rejected_rows.csv").toString()));
            File log = dir.resolve("spark-submit.log").toFile();
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
            builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            Process submit = builder.start();
            // A guard against a hung child, not a limit on its speed.
            boolean ended = submit.waitFor(15, TimeUnit.MINUTES);
            if (!ended) {
                submit.destroyForcibly();
            }
            String output = Files.readString(log.toPath());
            assertTrue(ended, "spark-submit ended: " + output);
            assertEquals(0, submit.exitValue(), output);
            assertTrue(output.contains("dataset 1 stored"), output);

            AggregatedLogs expected = new CsvCampaignLogSource()
                    .aggregate(
                            new LogFiles(
                                    SAMPLE.resolve("sent_emails.csv"),
                                    SAMPLE.resolve("responded.csv"),
                                    SAMPLE.resolve("userbase.csv")),
                            SendSplit.NONE,
                            dir.resolve("csv-rejected_rows.csv"),
                            ProgressListener.NONE);
            try (Storage storage = Storage.open(database.url())) {
                DatasetVersion stored = storage.datasets().loadLatest().orElseThrow();
                assertEquals(expected.cells(), stored.cells(), "the served cells are the CSV ingest's");
                assertEquals(expected.summary().sends(), stored.summary().sends());
                assertEquals(
                        expected.summary().files().stream()
                                .map(f -> f.rowsRead() + " " + f.rejectedByReason())
                                .toList(),
                        stored.summary().files().stream()
                                .map(f -> f.rowsRead() + " " + f.rejectedByReason())
                                .toList());
            }
        }
    }
}
