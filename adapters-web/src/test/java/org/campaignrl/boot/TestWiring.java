package org.campaignrl.boot;

import java.time.Clock;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.memory.InMemoryStorage;
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
}
