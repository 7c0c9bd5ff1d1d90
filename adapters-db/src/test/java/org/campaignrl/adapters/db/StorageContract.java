package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.Test;

/** Opening, migrating, reopening and closing; one subclass per database. */
abstract class StorageContract extends DatabaseTest {

    private List<String> history() {
        return storage.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT version || ' ' || description || ' ' || applied_at FROM schema_history ORDER BY version")
                        .mapTo(String.class)
                        .list());
    }

    @Test
    void whatWasStoredIsThereAfterReopening() {
        long datasetId = storage.datasets().save(TestData.logs(), TestData.CREATED);
        long modelId =
                storage.models().save(TestData.model(datasetId, TestData.smallSpace(), 1, TestData.CREATED), true);

        reopen();

        assertEquals(
                TestData.logs().cells(),
                storage.datasets().loadLatest().orElseThrow().cells());
        assertEquals(
                TestData.model(datasetId, TestData.smallSpace(), 1, TestData.CREATED),
                storage.models().loadActive().orElseThrow().model());
        assertEquals(modelId, storage.models().list().get(0).id());
    }

    @Test
    void everyMigrationIsRecordedOnceAndNotRunAgainOnReopening() {
        List<String> before = history();
        assertEquals(Migrations.SCRIPTS.size(), before.size());
        assertTrue(before.get(0).startsWith("1 init "), before.get(0));

        reopen();
        reopen();

        assertEquals(before, history());
        assertEquals(1, countRows("serving"));
    }

    /** Every command opens storage: on a schema already current, that costs one small query and nothing else. */
    @Test
    void openingACurrentDatabaseAsksOneQuery() {
        List<String> statements = new ArrayList<>();
        SqlDialect dialect = SqlDialect.of(database.url());
        try (ConnectionSource connections = dialect.connect(database.url())) {
            Jdbi jdbi = Jdbi.create(connections.dataSource())
                    .setTemplateEngine(TemplateEngine.NOP)
                    .setSqlLogger(new SqlLogger() {
                        @Override
                        public void logBeforeExecution(StatementContext context) {
                            statements.add(context.getRenderedSql());
                        }
                    });

            Migrations.apply(jdbi, dialect, "current");
        }

        assertEquals(List.of("SELECT version FROM schema_history"), statements);
    }

    @Test
    void aDatabaseNewerThanThisProgramIsRefused() {
        int future = Migrations.SCRIPTS.size() + 1;
        execute("INSERT INTO schema_history (version, description, applied_at) " + "VALUES (" + future
                + ", 'from the future', CURRENT_TIMESTAMP)");
        storage.close();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Storage.open(database.url()));

        assertTrue(refused.getMessage().contains("schema version " + future), refused.getMessage());
        assertTrue(refused.getMessage().contains(storage.describe()), refused.getMessage());
    }

    @Test
    void theServingPointerIsASingleRow() {
        assertThrows(RuntimeException.class, () -> execute("INSERT INTO serving (id) VALUES (2)"));
    }

    @Test
    void closingTwiceIsHarmless() {
        storage.close();

        assertDoesNotThrow(storage::close);
    }
}
