package org.campaignrl.application.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CustomerAddress;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.application.model.DatasetListing;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.InputFile;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.campaign.CustomerProfiles;

/**
 * Datasets by id, ids counting from 1 like an identity column, and each one's customers beside it. Stored values
 * are immutable.
 */
public final class MemoryDatasetRepository implements DatasetRepository {
    private final TreeMap<Long, DatasetVersion> datasets = new TreeMap<>();
    private final TreeMap<Long, DatasetCustomers> customers = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized long save(AggregatedLogs logs, List<InputFile> inputs, Instant createdAt) {
        long id = ++lastId;
        datasets.put(
                id,
                new DatasetVersion(
                        id, logs.cells(), logs.heldOutCells(), logs.split(), logs.summary(), createdAt, inputs));
        customers.put(id, logs.customers());
        return id;
    }

    @Override
    public synchronized Optional<DatasetVersion> load(long id) {
        return Optional.ofNullable(datasets.get(id));
    }

    @Override
    public synchronized Optional<DatasetVersion> loadLatest() {
        return datasets.isEmpty()
                ? Optional.empty()
                : Optional.of(datasets.lastEntry().getValue());
    }

    @Override
    public synchronized List<DatasetListing> list() {
        List<DatasetListing> listings = new ArrayList<>();
        datasets.descendingMap().values().forEach(dataset -> listings.add(dataset.listing()));
        return listings;
    }

    @Override
    public synchronized Optional<DatasetListing> describe(long id) {
        return load(id).map(DatasetVersion::listing);
    }

    @Override
    public synchronized Optional<CustomerProfiles> profiles(long datasetId) {
        return Optional.ofNullable(customers.get(datasetId)).map(DatasetCustomers::profiles);
    }

    /** Streams from the immutable customers kept: nothing to close, but closing does no harm. */
    @Override
    public synchronized Stream<CustomerAddress> addresses(long datasetId) {
        DatasetCustomers kept = customers.getOrDefault(datasetId, DatasetCustomers.none());
        return StreamSupport.stream(kept.spliterator(), false);
    }

    synchronized boolean exists(long id) {
        return datasets.containsKey(id);
    }

    /** Stores cells with an empty summary, as if ingested at {@code Instant.EPOCH}. */
    public long save(Cells cells) {
        return save(new AggregatedLogs(cells, emptySummary()), List.of(), Instant.EPOCH);
    }

    /** Everything saved, oldest first. */
    public synchronized List<DatasetVersion> all() {
        return List.copyOf(datasets.values());
    }

    public static IngestSummary emptySummary() {
        return new IngestSummary(List.of(), 0, 0, 0, 0, 0, null, null, "");
    }
}
