package org.campaignrl.application.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.DatasetListing;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.InputFile;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.Cells;

/** Datasets by id, ids counting from 1 like an identity column. Stored values are immutable records. */
public final class MemoryDatasetRepository implements DatasetRepository {
    private final TreeMap<Long, DatasetVersion> datasets = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized long save(AggregatedLogs logs, List<InputFile> inputs, Instant createdAt) {
        long id = ++lastId;
        datasets.put(id, new DatasetVersion(id, logs.cells(), logs.heldOutCells(), logs.split(), logs.summary(),
                createdAt, inputs));
        return id;
    }

    @Override
    public synchronized Optional<DatasetVersion> load(long id) {
        return Optional.ofNullable(datasets.get(id));
    }

    @Override
    public synchronized Optional<DatasetVersion> loadLatest() {
        return datasets.isEmpty() ? Optional.empty() : Optional.of(datasets.lastEntry().getValue());
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
