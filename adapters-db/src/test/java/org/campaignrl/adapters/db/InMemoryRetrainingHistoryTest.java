package org.campaignrl.adapters.db;

import java.nio.file.Path;

class InMemoryRetrainingHistoryTest extends RetrainingHistoryContract {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new MemoryFixture();
    }
}
