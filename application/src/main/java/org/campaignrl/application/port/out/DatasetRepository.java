package org.campaignrl.application.port.out;

import java.time.Instant;
import java.util.Optional;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.DatasetVersion;

/** Stores ingested datasets. The latest saved one is the current dataset that training uses. */
public interface DatasetRepository {
    /** Stores the dataset in one transaction and returns its id. */
    long save(AggregatedLogs logs, Instant createdAt);

    Optional<DatasetVersion> load(long id);

    Optional<DatasetVersion> loadLatest();
}
