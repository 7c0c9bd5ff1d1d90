package org.campaignrl.adapters.db;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connecting to PostgreSQL. No pool library: a CLI command does a handful of units of work, and
 * the web app answers from the model it holds in memory, touching the database only to ingest,
 * train, activate or list. A fresh connection per unit of work costs a few milliseconds there and
 * spares a dependency and its tuning.
 */
final class PostgresDatabase {
    private static final int DEFAULT_PORT = 5432;

    private PostgresDatabase() {}

    static ConnectionSource connect(String jdbcUrl) {
        PGSimpleDataSource dataSource = dataSource(jdbcUrl);
        return new ConnectionSource(dataSource, describe(dataSource), () -> {});
    }

    /** "PostgreSQL 127.0.0.1:5432/test", with " schema x" when the URL picks one; never the password. */
    static String describe(String jdbcUrl) {
        return describe(dataSource(jdbcUrl));
    }

    private static String describe(PGSimpleDataSource dataSource) {
        String[] hosts = dataSource.getServerNames();
        int[] ports = dataSource.getPortNumbers();
        String servers = IntStream.range(0, hosts.length)
                .mapToObj(i -> hosts[i] + ":" + (i < ports.length && ports[i] > 0 ? ports[i] : DEFAULT_PORT))
                .collect(Collectors.joining(","));
        String schema = dataSource.getCurrentSchema();
        return "PostgreSQL " + servers + "/" + dataSource.getDatabaseName()
                + (schema == null || schema.isBlank() ? "" : " schema " + schema);
    }

    private static PGSimpleDataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setURL(jdbcUrl);
        } catch (IllegalArgumentException e) {
            // The driver's message repeats the URL, password included.
            throw new IllegalArgumentException(
                    "invalid PostgreSQL URL: expected jdbc:postgresql://host:port/database?user=...");
        }
        return dataSource;
    }
}
