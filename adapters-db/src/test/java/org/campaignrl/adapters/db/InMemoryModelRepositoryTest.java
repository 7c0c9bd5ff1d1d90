package org.campaignrl.adapters.db;

import java.nio.file.Path;

class InMemoryModelRepositoryTest extends ModelRepositoryContract {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new MemoryFixture();
    }
}
