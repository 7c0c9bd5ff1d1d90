package org.campaignrl.application.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.campaignrl.domain.Cells;

/**
 * One stored ingest: its training cells, held-out cells if it has a split, summary, and the input
 * files it was read from (empty for datasets stored before files were recorded).
 */
public record DatasetVersion(
        long id,
        Cells cells,
        Optional<Cells> heldOutCells,
        SendSplit split,
        IngestSummary summary,
        Instant createdAt,
        List<InputFile> inputs) {

    public DatasetVersion {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    public DatasetVersion(
            long id,
            Cells cells,
            Optional<Cells> heldOutCells,
            SendSplit split,
            IngestSummary summary,
            Instant createdAt) {
        this(id, cells, heldOutCells, split, summary, createdAt, List.of());
    }

    public DatasetVersion(long id, Cells cells, IngestSummary summary, Instant createdAt) {
        this(id, cells, Optional.empty(), SendSplit.NONE, summary, createdAt, List.of());
    }

    /** Everything but the cells, as the registry lists it. */
    public DatasetListing listing() {
        return DatasetListing.of(this);
    }
}
