package org.campaignrl.adapters.cli;

import picocli.CommandLine.Option;

/** {@code --db JDBC_URL}, shared by every command that touches storage. */
final class DatabaseOption {
    static final String ENVIRONMENT_VARIABLE = "CAMPAIGN_RL_DB";

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description = "Database to use (jdbc:h2:… or jdbc:postgresql:…). Default: $" + ENVIRONMENT_VARIABLE
                    + ", else the H2 file database var/campaign-rl under the install folder.")
    String jdbcUrl;

    /** The URL chosen: the option, else the environment variable, else null for the default. */
    String jdbcUrl() {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return jdbcUrl;
        }
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
    }
}
