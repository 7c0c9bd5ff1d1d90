package org.campaignrl.application.memory;

import org.campaignrl.application.contract.CampaignStorageContract;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;

class InMemoryCampaignStorageTest extends CampaignStorageContract {
    private InMemoryStorage storage;

    @Override
    protected DatasetRepository datasets() {
        storage = new InMemoryStorage();
        return storage.datasets();
    }

    @Override
    protected CampaignRepository campaigns() {
        return storage.campaigns();
    }
}
