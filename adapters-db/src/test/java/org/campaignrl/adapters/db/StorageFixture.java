package org.campaignrl.adapters.db;

import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.out.RetrainingHistory;
import org.campaignrl.application.port.out.RunLog;

/** The repositories of one adapter under test, empty when a test starts. */
interface StorageFixture extends AutoCloseable {
    DatasetRepository datasets();

    ModelRepository models();

    RetrainingHistory retrainingHistory();

    RunLog runs();

    CampaignRepository campaigns();

    /** Which adapter, for messages. */
    String describe();

    @Override
    void close();
}
