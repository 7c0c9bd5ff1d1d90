package org.campaignrl.application.model;

import org.campaignrl.domain.Cells;

/** What an ingest engine makes of the three logs: the cells and the account of every row. */
public record AggregatedLogs(Cells cells, IngestSummary summary) {
}
