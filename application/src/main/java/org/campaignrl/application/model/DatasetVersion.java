package org.campaignrl.application.model;

import java.time.Instant;
import java.util.Optional;
import org.campaignrl.domain.Cells;

/** One stored ingest: its training cells, held-out cells if it has a split, and summary. */
public record DatasetVersion(long id, Cells cells, Optional<Cells> heldOutCells, SendSplit split, IngestSummary summary,
                             Instant createdAt) {

    public DatasetVersion(long id, Cells cells, IngestSummary summary, Instant createdAt) {
        this(id, cells, Optional.empty(), SendSplit.NONE, summary, createdAt);
    }
}
