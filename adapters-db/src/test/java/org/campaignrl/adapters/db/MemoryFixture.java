package org.campaignrl.adapters.db;

import org.campaignrl.application.memory.InMemoryStorage;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.out.RetrainingHistory;
import org.campaignrl.application.port.out.RunLog;

/** The in-memory adapter: a fresh store per test. */
final class MemoryFixture implements StorageFixture {
    private final InMemoryStorage storage = new InMemoryStorage();

    @Override
    public DatasetRepository datasets() {
        return storage.datasets();
    }

    @Override
    public ModelRepository models() {
        return storage.models();
    }

    @Override
    public RetrainingHistory retrainingHistory() {
        return storage.retrainingHistory();
    }

    @Override
    public RunLog runs() {
        return storage.runs();
    }

    @Override
    public CampaignRepository campaigns() {
        return storage.campaigns();
    }

    @Override
    public String describe() {
        return storage.describe();
    }

    @Override
    public void close() {}
}
