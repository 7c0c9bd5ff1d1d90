package org.campaignrl.adapters.db;

import java.nio.file.Path;

class PostgresRetrainingHistoryTest extends RetrainingHistoryContract {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new DatabaseFixture(PostgresTestDatabase.createOrSkip());
    }
}
