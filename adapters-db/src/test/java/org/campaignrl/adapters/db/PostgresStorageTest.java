package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PostgresStorageTest extends StorageContract {
    @Override
    TestDatabase createDatabase(Path tempDir) {
        return PostgresTestDatabase.createOrSkip();
    }

    @Test
    void describesServerDatabaseAndSchemaWithoutCredentials() {
        String schema = ((PostgresTestDatabase) database).schema();

        assertEquals(
                PostgresDatabase.describe(System.getenv(PostgresTestDatabase.URL_VARIABLE)) + " schema " + schema,
                storage.describe());
    }
}
