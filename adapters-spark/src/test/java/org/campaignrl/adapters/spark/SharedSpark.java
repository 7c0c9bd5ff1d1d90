package org.campaignrl.adapters.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the module's tests, in local mode on two cores, bound to 127.0.0.1 and without its web
 * UI: starting Spark costs seconds, so every test class shares it (Surefire runs them in one JVM), and the few
 * partitions suit the tests' small files.
 */
public final class SharedSpark {
    private static SparkSession session;
    private static SparkCampaignLogSource source;

    private SharedSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("campaign-rl tests")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .getOrCreate();
        }
        return session;
    }

    /** The source over the shared session (one, so that one listener follows its stages). */
    public static synchronized SparkCampaignLogSource source() {
        if (source == null) {
            source = new SparkCampaignLogSource(session());
        }
        return source;
    }
}
