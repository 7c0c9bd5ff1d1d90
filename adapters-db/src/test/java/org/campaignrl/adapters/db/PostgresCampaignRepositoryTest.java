package org.campaignrl.adapters.db;

import java.nio.file.Path;

class PostgresCampaignRepositoryTest extends SqlCampaignRepositoryContract {
    @Override
    TestDatabase createDatabase(Path tempDir) {
        return PostgresTestDatabase.createOrSkip();
    }
}
