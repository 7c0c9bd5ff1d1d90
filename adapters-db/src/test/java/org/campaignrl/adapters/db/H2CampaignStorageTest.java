package org.campaignrl.adapters.db;

import java.nio.file.Path;

class H2CampaignStorageTest extends SqlCampaignStorageTest {
    @Override
    TestDatabase createDatabase(Path tempDir) {
        return new H2TestDatabase(tempDir);
    }
}
