package org.campaignrl.adapters.db;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Every test gets an empty database of its own, already migrated, as {@link #storage}. */
abstract class DatabaseTest {
    @TempDir
    Path tempDir;

    TestDatabase database;
    Storage storage;

    /** H2 in {@code tempDir}, or a PostgreSQL schema. */
    abstract TestDatabase createDatabase(Path tempDir);

    @BeforeEach
    void openStorage() {
        database = createDatabase(tempDir);
        storage = Storage.open(database.url());
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Closes the storage and opens the same database again, as the next command would. */
    void reopen() {
        storage.close();
        storage = Storage.open(database.url());
    }

    long countRows(String table) {
        return storage.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }

    void execute(String sql) {
        storage.jdbi().useHandle(handle -> handle.execute(sql));
    }
}
