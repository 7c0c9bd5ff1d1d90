package org.campaignrl.adapters.db;

import java.nio.file.Path;

class InMemoryDatasetRepositoryTest extends DatasetRepositoryContract {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new MemoryFixture();
    }
}
