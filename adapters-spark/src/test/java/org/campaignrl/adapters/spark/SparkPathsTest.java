package org.campaignrl.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The out-port's paths become what Spark reads: local files as file: URIs, other file systems' URIs as given. */
class SparkPathsTest {
    @Test
    void aUriGivenAsAPathGetsItsDoubleSlashBack() {
        assertEquals(
                "hdfs://namenode:8020/logs/sent.parquet",
                SparkPaths.of(Path.of("hdfs://namenode:8020/logs/sent.parquet")));
        assertEquals("s3a://bucket/logs/sent_emails.csv", SparkPaths.of(Path.of("s3a://bucket/logs/sent_emails.csv")));
    }

    @Test
    void aLocalPathIsAFileUri() {
        assertEquals("file:///tmp/logs/sent_emails.csv", SparkPaths.of(Path.of("/tmp/logs/sent_emails.csv")));
        String relative = SparkPaths.of(Path.of("data", "sample", "userbase.csv"));
        assertTrue(relative.startsWith("file:/") && relative.endsWith("/data/sample/userbase.csv"), relative);
    }
}
