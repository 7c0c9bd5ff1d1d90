package org.campaignrl.adapters.db;

import java.nio.file.Path;

class PostgresModelRepositoryTest extends SqlModelRepositoryContract {
    @Override
    TestDatabase createDatabase(Path tempDir) {
        return PostgresTestDatabase.createOrSkip();
    }
}
