package org.campaignrl.adapters.db;

import java.nio.file.Path;

class InMemoryCampaignRepositoryTest extends CampaignRepositoryTest {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new MemoryFixture();
    }
}
