package org.campaignrl.application.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.DatasetListing;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.InputFile;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.Cells;

/** Datasets in a list; ids count from 1, the last saved is the latest. */
public final class InMemoryDatasetRepository implements DatasetRepository {
    private final List<DatasetVersion> datasets = new ArrayList<>();

    @Override
    public synchronized long save(AggregatedLogs logs, List<InputFile> inputs, Instant createdAt) {
        long id = datasets.size() + 1;
        datasets.add(new DatasetVersion(id, logs.cells(), logs.heldOutCells(), logs.split(), logs.summary(), createdAt,
                inputs));
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

    @Override
    public synchronized List<DatasetListing> list() {
        return all().stream().map(DatasetVersion::listing)
                .sorted(java.util.Comparator.comparingLong(DatasetListing::id).reversed()).toList();
    }

    @Override
    public synchronized Optional<DatasetListing> describe(long id) {
        return load(id).map(DatasetVersion::listing);
    }

    /** Everything saved, oldest first. */
    public synchronized List<DatasetVersion> all() {
        return List.copyOf(datasets);
    }

    public static IngestSummary emptySummary() {
        return new IngestSummary(List.of(), 0, 0, 0, 0, 0, null, null, "");
    }
}
