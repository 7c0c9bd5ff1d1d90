package org.campaignrl.adapters.db;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything that differs between the two databases, in one place: which JDBC URLs belong to
 * which, how to connect, and the words (and the two statements of V5's helper function) the migrations
 * spell differently ({@code ${name}} placeholders): {@code binary} for a value kept in the row, {@code blob} for
 * V8's chunks, kept apart from the table's pages. All other SQL in this module is written once for both.
 */
enum SqlDialect {
    H2(
            "jdbc:h2:",
            Map.of(
                    "binary",
                    "VARBINARY",
                    "blob",
                    "BLOB",
                    // H2's own static method, called as a function while V5 runs.
                    "create_from_hex",
                    "CREATE ALIAS from_hex FOR 'org.h2.util.StringUtils.convertHexToBytes'",
                    "drop_from_hex",
                    "DROP ALIAS from_hex")) {
        @Override
        ConnectionSource connect(String jdbcUrl) {
            return H2Database.connect(jdbcUrl);
        }
    },
    POSTGRES(
            "jdbc:postgresql:",
            Map.of(
                    "binary",
                    "BYTEA",
                    "blob",
                    "BYTEA",
                    "create_from_hex",
                    "CREATE FUNCTION from_hex(hex VARCHAR) RETURNS BYTEA LANGUAGE SQL IMMUTABLE "
                            + "AS 'SELECT decode(hex, ''hex'')'",
                    "drop_from_hex",
                    "DROP FUNCTION from_hex(VARCHAR)")) {
        @Override
        ConnectionSource connect(String jdbcUrl) {
            return PostgresDatabase.connect(jdbcUrl);
        }
    };

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    private final String urlPrefix;
    private final Map<String, String> placeholders;

    SqlDialect(String urlPrefix, Map<String, String> placeholders) {
        this.urlPrefix = urlPrefix;
        this.placeholders = placeholders;
    }

    /** Opens the connections this database is reached through; the caller closes them. */
    abstract ConnectionSource connect(String jdbcUrl);

    /** The dialect a JDBC URL is for, by its prefix. */
    static SqlDialect of(String jdbcUrl) {
        if (jdbcUrl != null) {
            for (SqlDialect dialect : values()) {
                if (jdbcUrl.regionMatches(true, 0, dialect.urlPrefix, 0, dialect.urlPrefix.length())) {
                    return dialect;
                }
            }
        }
        throw new IllegalArgumentException(
                "unsupported database URL " + scheme(jdbcUrl) + ": expected one starting with "
                        + Arrays.stream(values()).map(d -> d.urlPrefix).collect(Collectors.joining(" or ")));
    }

    /** Only the start of a URL, for messages: the rest may hold a password. */
    private static String scheme(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "(none)";
        }
        int end = jdbcUrl.indexOf(':', jdbcUrl.indexOf(':') + 1);
        return "'" + (end < 0 ? jdbcUrl : jdbcUrl.substring(0, end + 1) + "...") + "'";
    }

    /** The migration text with every placeholder replaced; an unknown placeholder is a bug in the migration. */
    String render(String sql) {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String replacement = placeholders.get(matcher.group(1));
            if (replacement == null) {
                throw new IllegalStateException("unknown placeholder " + matcher.group() + " for " + this + "; known: "
                        + placeholders.keySet());
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(rendered).toString();
    }
}
