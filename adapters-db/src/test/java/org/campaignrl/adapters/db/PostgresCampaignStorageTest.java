package org.campaignrl.adapters.db;

import java.nio.file.Path;

class PostgresCampaignStorageTest extends SqlCampaignStorageTest {
    @Override
    TestDatabase createDatabase(Path tempDir) {
        return PostgresTestDatabase.createOrSkip();
    }
}
