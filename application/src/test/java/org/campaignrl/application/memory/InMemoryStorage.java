package org.campaignrl.application.memory;

import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.out.RetrainingHistory;
import org.campaignrl.application.port.out.RunLog;

/**
 * The repositories in plain Java collections, for fast tests and throw-away runs: the same
 * contract as the database adapters (the same test suites check both), nothing kept after exit.
 * Thread-safe; each instance is a separate empty store.
 */
public final class InMemoryStorage {
    private final MemoryDatasetRepository datasets = new MemoryDatasetRepository();
    private final MemoryModelRepository models = new MemoryModelRepository(datasets::exists);
    private final MemoryRetrainingHistory retrainingHistory = new MemoryRetrainingHistory();
    private final MemoryRunLog runs = new MemoryRunLog();
    private final MemoryCampaignRepository campaigns = new MemoryCampaignRepository(datasets::exists);

    public DatasetRepository datasets() {
        return datasets;
    }

    public ModelRepository models() {
        return models;
    }

    public RetrainingHistory retrainingHistory() {
        return retrainingHistory;
    }

    public RunLog runs() {
        return runs;
    }

    public CampaignRepository campaigns() {
        return campaigns;
    }

    public String describe() {
        return "in-memory storage (nothing is kept)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
