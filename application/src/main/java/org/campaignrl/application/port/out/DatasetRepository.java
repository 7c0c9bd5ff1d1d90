package org.campaignrl.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.DatasetListing;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.InputFile;

/** Stores ingested datasets. The latest saved one is the current dataset that training uses. */
public interface DatasetRepository {
    /** Stores the dataset and the files it was read from in one transaction and returns its id. */
    long save(AggregatedLogs logs, List<InputFile> inputs, Instant createdAt);

    /** Stores a dataset whose input files are not known. */
    default long save(AggregatedLogs logs, Instant createdAt) {
        return save(logs, List.of(), createdAt);
    }

    Optional<DatasetVersion> load(long id);

    Optional<DatasetVersion> loadLatest();

    /** Every dataset without its cells, newest first. */
    List<DatasetListing> list();

    /** One dataset without its cells. */
    Optional<DatasetListing> describe(long id);
}
