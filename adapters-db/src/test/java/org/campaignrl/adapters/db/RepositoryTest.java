package org.campaignrl.adapters.db;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Every test gets empty repositories of its own, from the adapter the subclass names. */
abstract class RepositoryTest {
    @TempDir
    Path tempDir;

    StorageFixture storage;

    /** In memory, H2 in {@code tempDir}, or a PostgreSQL schema. */
    abstract StorageFixture openStorage(Path tempDir);

    @BeforeEach
    void open() {
        storage = openStorage(tempDir);
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }
}
