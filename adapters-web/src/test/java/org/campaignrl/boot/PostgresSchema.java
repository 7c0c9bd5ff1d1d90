package org.campaignrl.boot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL schema of its own for one test, dropped afterwards, on the server that
 * {@code CAMPAIGN_RL_TEST_POSTGRES_URL} names; without the variable the calling test is skipped, saying so.
 */
public final class PostgresSchema implements AutoCloseable {
    public static final String URL_VARIABLE = "CAMPAIGN_RL_TEST_POSTGRES_URL";

    private final String serverUrl;
    private final String schema;

    private PostgresSchema(String serverUrl, String schema) {
        this.serverUrl = serverUrl;
        this.schema = schema;
    }

    public static PostgresSchema createOrSkip() {
        String serverUrl = System.getenv(URL_VARIABLE);
        assumeTrue(serverUrl != null && !serverUrl.isBlank(), "set " + URL_VARIABLE + " to run the PostgreSQL tests");
        String schema = "campaign_rl_web_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(serverUrl, "CREATE SCHEMA " + schema);
        return new PostgresSchema(serverUrl, schema);
    }

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
