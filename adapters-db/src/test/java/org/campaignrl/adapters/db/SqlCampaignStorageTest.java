package org.campaignrl.adapters.db;

import java.nio.file.Path;
import org.campaignrl.application.contract.CampaignStorageContract;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign helper's storage contract (application's test-jar) on a database of the test's own. The contract asks
 * for {@link #datasets()} first, in its own set-up, which therefore opens the database; the in-memory storage runs
 * it in application ({@code InMemoryCampaignStorageTest}).
 */
abstract class SqlCampaignStorageTest extends CampaignStorageContract {
    @TempDir
    Path tempDir;

    private DatabaseFixture database;

    /** H2 in {@code tempDir}, or a PostgreSQL schema. */
    abstract TestDatabase createDatabase(Path tempDir);

    @Override
    protected DatasetRepository datasets() {
        if (database == null) {
            database = new DatabaseFixture(createDatabase(tempDir));
        }
        return database.datasets();
    }

    @Override
    protected CampaignRepository campaigns() {
        return database.campaigns();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }
}
