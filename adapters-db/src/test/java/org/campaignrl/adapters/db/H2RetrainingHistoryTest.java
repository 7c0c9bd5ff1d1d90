package org.campaignrl.adapters.db;

import java.nio.file.Path;

class H2RetrainingHistoryTest extends RetrainingHistoryContract {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new DatabaseFixture(new H2TestDatabase(tempDir));
    }
}
