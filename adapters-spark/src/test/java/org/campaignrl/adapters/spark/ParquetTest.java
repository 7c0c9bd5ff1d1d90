package org.campaignrl.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.campaignrl.adapters.csv.CsvCampaignLogSource;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample converted to Parquet by Spark itself, its columns typed as Spark infers them (ids as integers, dates
 * as dates), gives the CSV ingest's cells and the same account of every row; Parquet has no encoding or delimiter
 * to report.
 */
class ParquetTest {
    @TempDir
    Path dir;

    @Test
    void theSampleAsParquetGivesTheSameCells() {
        SparkSession spark = SharedSpark.session();
        LogFiles csvFiles = SparkAndCsvAgreeTest.sample();
        Path sent = toParquet(spark, csvFiles.sentEmails(), "sent_emails.parquet");
        Path responded = toParquet(spark, csvFiles.responded(), "responded.parquet");
        Path userbase = toParquet(spark, csvFiles.userbase(), "userbase.parquet");
        assertEquals(
                DataTypes.DateType,
                spark.read()
                        .parquet(sent.toString())
                        .schema()
                        .apply("Sent_Date")
                        .dataType(),
                "typed as Spark infers the columns");

        AggregatedLogs reference = new CsvCampaignLogSource()
                .aggregate(
                        csvFiles,
                        SendSplit.randomPairs(0.3, 7),
                        dir.resolve("csv-rejected_rows.csv"),
                        ProgressListener.NONE);
        AggregatedLogs parquet = SharedSpark.source()
                .aggregate(
                        new LogFiles(sent, responded, userbase),
                        SendSplit.randomPairs(0.3, 7),
                        dir.resolve("rejected_rows.csv"),
                        ProgressListener.NONE);

        assertEquals(reference.cells(), parquet.cells());
        assertEquals(reference.heldOutCells(), parquet.heldOutCells());
        for (int i = 0; i < 3; i++) {
            FileSummary expected = reference.summary().files().get(i);
            FileSummary actual = parquet.summary().files().get(i);
            assertTrue(actual.file().endsWith(".parquet"), actual.file());
            assertEquals(expected.rowsRead(), actual.rowsRead(), actual.file());
            assertEquals(expected.accepted(), actual.accepted(), actual.file());
            assertEquals(expected.rejectedByReason(), actual.rejectedByReason(), actual.file());
            assertEquals(Optional.empty(), actual.format(), "Parquet has no encoding or delimiter");
        }
        assertEquals(reference.summary().sends(), parquet.summary().sends());
        assertEquals(
                reference.summary().responsePairsWithoutSend(),
                parquet.summary().responsePairsWithoutSend());
    }

    private Path toParquet(SparkSession spark, Path csv, String name) {
        Path out = dir.resolve(name);
        spark.read()
                .option("header", true)
                .option("inferSchema", true)
                .csv(csv.toString())
                .write()
                .parquet(out.toString());
        return out;
    }
}
