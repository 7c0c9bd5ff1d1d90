package org.campaignrl.boot;

import java.time.Clock;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.adapters.csv.CsvCampaignLogSource;
import org.campaignrl.application.memory.InMemoryStorage;
import org.campaignrl.application.memory.SimpleOutcomeReader;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.out.RetrainingHistory;

/** The application wired as boot wires it, over the repositories given; what else it records is kept in memory. */
public final class TestWiring {
    private TestWiring() {
    }

    /** Retraining decisions and runs in memory only. */
    public static CampaignRl wire(DatasetRepository datasets, ModelRepository models, Clock clock) {
        return wire(datasets, models, new InMemoryStorage().retrainingHistory(), clock);
    }

    /** Runs in memory only. */
    public static CampaignRl wire(DatasetRepository datasets, ModelRepository models,
                                  RetrainingHistory retrainingHistory, Clock clock) {
        return Wiring.wire(datasets, models, retrainingHistory, new InMemoryStorage().runs(), clock);
    }

    /**
     * Everything in the given in-memory storage, campaign plans included: customers kept beside the CSV engine's
     * cells ({@link CustomersBeside}) and outcomes read by the plainest reader, until the CSV adapter does both.
     */
    public static CampaignRl withCampaigns(InMemoryStorage storage, Clock clock) {
        return Wiring.wire(storage.datasets(), storage.models(), storage.retrainingHistory(), storage.runs(),
                new Wiring.CampaignAdapters(new CustomersBeside(new CsvCampaignLogSource()), storage.campaigns(),
                        new SimpleOutcomeReader()), clock);
    }
}
