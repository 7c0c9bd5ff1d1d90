package org.campaignrl.application.model;

import java.time.Instant;
import org.campaignrl.domain.Cells;

/** One stored ingest: its cells and summary. */
public record DatasetVersion(long id, Cells cells, IngestSummary summary, Instant createdAt) {
}
