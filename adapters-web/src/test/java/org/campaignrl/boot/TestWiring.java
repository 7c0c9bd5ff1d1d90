package org.campaignrl.boot;

import java.time.Clock;
import org.campaignrl.adapters.db.Storage;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.memory.InMemoryStorage;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.out.RetrainingHistory;

/** The application wired as boot wires it, over the repositories given; what else it records is kept in memory. */
public final class TestWiring {
    private TestWiring() {}

    /** Retraining decisions and runs in memory only; campaign plans in memory, apart from the datasets given. */
    public static CampaignRl wire(DatasetRepository datasets, ModelRepository models, Clock clock) {
        return wire(datasets, models, new InMemoryStorage().retrainingHistory(), clock);
    }

    /** Runs in memory only; campaign plans in memory, apart from the datasets given (so none can be stored). */
    public static CampaignRl wire(
            DatasetRepository datasets, ModelRepository models, RetrainingHistory retrainingHistory, Clock clock) {
        InMemoryStorage memory = new InMemoryStorage();
        return Wiring.wire(datasets, models, retrainingHistory, memory.runs(), memory.campaigns(), clock);
    }

    /** Everything in the database, runs and retraining decisions in memory. */
    public static CampaignRl wire(Storage storage, Clock clock) {
        InMemoryStorage memory = new InMemoryStorage();
        return Wiring.wire(
                storage.datasets(),
                storage.models(),
                memory.retrainingHistory(),
                memory.runs(),
                storage.campaigns(),
                clock);
    }
}
