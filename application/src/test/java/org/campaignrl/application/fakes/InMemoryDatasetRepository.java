package org.campaignrl.application.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.Cells;

/** Datasets in a list; ids count from 1, the last saved is the latest. */
public final class InMemoryDatasetRepository implements DatasetRepository {
    private final List<DatasetVersion> datasets = new ArrayList<>();

    @Override
    public synchronized long save(AggregatedLogs logs, Instant createdAt) {
        long id = datasets.size() + 1;
        datasets.add(new DatasetVersion(id, logs.cells(), logs.summary(), createdAt));
        return id;
    }

    /** Stores cells with an empty summary, as if ingested at {@code Instant.EPOCH}. */
    public long save(Cells cells) {
        return save(new AggregatedLogs(cells, emptySummary()), Instant.EPOCH);
    }

    @Override
    public synchronized Optional<DatasetVersion> load(long id) {
        return id >= 1 && id <= datasets.size() ? Optional.of(datasets.get((int) id - 1)) : Optional.empty();
    }

    @Override
    public synchronized Optional<DatasetVersion> loadLatest() {
        return datasets.isEmpty() ? Optional.empty() : Optional.of(datasets.get(datasets.size() - 1));
    }

    /** Everything saved, oldest first. */
    public synchronized List<DatasetVersion> all() {
        return List.copyOf(datasets);
    }

    public static IngestSummary emptySummary() {
        return new IngestSummary(List.of(), 0, 0, 0, 0, 0, null, null, "");
    }
}
