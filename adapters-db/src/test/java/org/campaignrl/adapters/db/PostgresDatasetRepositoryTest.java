package org.campaignrl.adapters.db;

import java.nio.file.Path;

class PostgresDatasetRepositoryTest extends SqlDatasetRepositoryContract {
    @Override
    TestDatabase createDatabase(Path tempDir) {
        return PostgresTestDatabase.createOrSkip();
    }
}
