package org.campaignrl.adapters.db;

import java.nio.file.Path;

class InMemoryRunLogTest extends SharedDatabaseRunLogContract {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new MemoryFixture();
    }
}
