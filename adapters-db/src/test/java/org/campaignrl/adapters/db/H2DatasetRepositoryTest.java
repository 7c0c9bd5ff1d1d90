package org.campaignrl.adapters.db;

import java.nio.file.Path;

class H2DatasetRepositoryTest extends SqlDatasetRepositoryContract {
    @Override
    TestDatabase createDatabase(Path tempDir) {
        return new H2TestDatabase(tempDir);
    }
}
