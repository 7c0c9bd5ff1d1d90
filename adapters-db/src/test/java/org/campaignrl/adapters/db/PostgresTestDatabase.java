package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema with a random name in the PostgreSQL database that
 * {@code CAMPAIGN_RL_TEST_POSTGRES_URL} names, dropped afterwards: runs never see each other.
 * Without the variable the calling test is skipped.
 */
public final class PostgresTestDatabase implements TestDatabase {
    static final String URL_VARIABLE = "CAMPAIGN_RL_TEST_POSTGRES_URL";

    private final String serverUrl;
    private final String schema;

    private PostgresTestDatabase(String serverUrl, String schema) {
        this.serverUrl = serverUrl;
        this.schema = schema;
    }

    public static PostgresTestDatabase createOrSkip() {
        String serverUrl = System.getenv(URL_VARIABLE);
        assumeTrue(
                serverUrl != null && !serverUrl.isBlank(),
                "set " + URL_VARIABLE + " to run the PostgreSQL contract tests");
        String schema = "campaign_rl_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(serverUrl, "CREATE SCHEMA " + schema);
        return new PostgresTestDatabase(serverUrl, schema);
    }

    String schema() {
        return schema;
    }

    @Override
    public String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() {
        execute(serverUrl, "DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
