package org.campaignrl.adapters.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Brings a database's schema up to this program's: runs, oldest first, the scripts under
 * {@code db/migration} that {@code schema_history} does not list yet, each in its own transaction
 * together with its history row. PostgreSQL rolls a failed script back whole; H2 commits each DDL
 * statement as it goes, so there a failed script is fixed by hand (it has not happened with V1).
 * Two processes migrating one PostgreSQL database at the same moment: the second fails on the
 * history row's key and succeeds when run again.
 */
final class Migrations {
    /**
     * Every script, oldest first. A jar's folders cannot be listed portably, so a new script is
     * named here as well; MigrationsTest checks that this list and the folder agree.
     */
    static final List<String> SCRIPTS = List.of(
            "V1__init.sql",
            "V2__held_out_cells.sql",
            "V3__model_registry.sql",
            "V4__runs.sql",
            "V5__cells_as_columns.sql",
            "V6__file_format.sql",
            "V7__until_converged.sql",
            "V8__customers_and_campaigns.sql");

    static final String FOLDER = "/db/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    private Migrations() {}

    record Migration(int version, String description, String script) {
        static Migration named(String script) {
            Matcher name = NAME.matcher(script);
            if (!name.matches()) {
                throw new IllegalStateException("migration " + script + " is not named V<version>__<description>.sql");
            }
            return new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '), script);
        }

        String text() {
            try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + script)) {
                if (in == null) {
                    throw new IllegalStateException("migration " + FOLDER + script + " is missing from the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + script, e);
            }
        }
    }

    static List<Migration> all() {
        List<Migration> migrations = SCRIPTS.stream().map(Migration::named).toList();
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("migrations must be numbered 1, 2, 3, ...: " + SCRIPTS);
            }
        }
        return migrations;
    }

    /** Applies what is missing; refuses a database whose schema is newer than this program. */
    static void apply(Jdbi jdbi, SqlDialect dialect, String databaseName) {
        apply(jdbi, dialect, databaseName, all());
    }

    /** Applies those of {@code migrations} that the database lacks; tests build older schemas with it. */
    static void apply(Jdbi jdbi, SqlDialect dialect, String databaseName, List<Migration> migrations) {
        Set<Integer> applied = appliedVersions(jdbi);

        int newestKnown = migrations.get(migrations.size() - 1).version();
        int newestApplied = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newestApplied > newestKnown) {
            throw new IllegalStateException(databaseName + " has schema version " + newestApplied
                    + ", newer than this program knows (" + newestKnown + "): use a newer campaign-rl with it");
        }

        for (Migration migration : migrations) {
            if (!applied.contains(migration.version())) {
                String sql = dialect.render(migration.text());
                jdbi.useTransaction(handle -> {
                    runScript(handle, migration, sql);
                    handle.createUpdate("INSERT INTO schema_history (version, description, applied_at) "
                                    + "VALUES (:version, :description, :appliedAt)")
                            .bind("version", migration.version())
                            .bind("description", migration.description())
                            .bind("appliedAt", SqlTime.utc(Instant.now()))
                            .execute();
                });
            }
        }
    }

    /**
     * Runs a whole script as one JDBC statement: H2 and PostgreSQL both take several statements at once. Jdbi's
     * script splitter lexes the text with ANTLR first, a large share of a new database's CPU, compiling the lexer
     * included (the figure: docs/performance.md).
     */
    private static void runScript(Handle handle, Migration migration, String sql) {
        try (Statement statement = handle.getConnection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(
                    "migration " + migration.script() + " failed: " + e.getMessage(), e, null);
        }
    }

    /**
     * The versions {@code schema_history} lists. Every opening but a database's first finds the table, so that is
     * tried first: one query, and on a current schema the only one. Without the table, it is created empty.
     */
    private static Set<Integer> appliedVersions(Jdbi jdbi) {
        try {
            return selectAppliedVersions(jdbi);
        } catch (StatementException noTableYet) {
            // A connection that cannot be had fails before the statement, and is not caught here.
            jdbi.useHandle(handle -> handle.execute("CREATE TABLE IF NOT EXISTS schema_history ("
                    + "version INT PRIMARY KEY, "
                    + "description VARCHAR NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)"));
            return selectAppliedVersions(jdbi);
        }
    }

    private static Set<Integer> selectAppliedVersions(Jdbi jdbi) {
        return new HashSet<>(jdbi.withHandle(handle -> handle.createQuery("SELECT version FROM schema_history")
                .mapTo(Integer.class)
                .list()));
    }
}
