package org.campaignrl.boot.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.junit.jupiter.api.Test;

/** The spark-submit main's command line: ingest's options, checked before Spark starts. */
class SparkIngestArgumentsTest {
    @Test
    void aFolderGivesTheThreeLogsAndTheReportBesideThem() {
        IngestLogsCommand command = SparkIngest.Arguments.parse(new String[] {
                    "--db",
                    "jdbc:h2:mem:x",
                    "--data-dir",
                    "/logs",
                    "--holdout-from",
                    "2016-03-01",
                    "--delimiter",
                    "semicolon"
                })
                .command();
        assertEquals(Path.of("/logs/sent_emails.csv"), command.sentEmails());
        assertEquals(Path.of("/logs/rejected_rows.csv"), command.rejectsReport());
        assertEquals(SendSplit.byDate(LocalDate.of(2016, 3, 1)), command.split());
        assertEquals(';', command.format().delimiter().orElseThrow());
    }

    @Test
    void aBadCommandLineIsExitCode2WithTheReasonAndUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkIngest.run(
                new String[] {"--data-dir", "/logs"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("--db JDBC_URL is required") && said.contains("usage: spark-submit"), said);
    }
}
