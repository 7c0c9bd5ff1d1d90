package org.campaignrl.adapters.db;

import java.nio.file.Path;

class PostgresRunLogTest extends SharedDatabaseRunLogContract {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new DatabaseFixture(PostgresTestDatabase.createOrSkip());
    }
}
