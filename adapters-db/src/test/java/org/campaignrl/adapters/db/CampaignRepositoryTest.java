package org.campaignrl.adapters.db;

import java.nio.file.Path;
import org.campaignrl.application.contract.CampaignRepositoryContract;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The campaign contract (application's test-jar) on empty repositories of the adapter the subclass names. */
abstract class CampaignRepositoryTest extends CampaignRepositoryContract {
    @TempDir
    Path tempDir;

    StorageFixture storage;

    /** In memory, H2 in {@code tempDir}, or a PostgreSQL schema. */
    abstract StorageFixture openStorage(Path tempDir);

    @BeforeEach
    void open() {
        storage = openStorage(tempDir);
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    @Override
    protected DatasetRepository datasets() {
        return storage.datasets();
    }

    @Override
    protected CampaignRepository campaigns() {
        return storage.campaigns();
    }
}
