package org.campaignrl.application.model;

import java.util.Optional;
import org.campaignrl.domain.Cells;

/**
 * What an ingest engine makes of the three logs: the cells to train on, the held-out cells when the
 * ingest set some sends aside (same state space), the split that did it, and the account of every row.
 */
public record AggregatedLogs(Cells cells, Optional<Cells> heldOutCells, SendSplit split, IngestSummary summary) {
    public AggregatedLogs {
        if (heldOutCells.isPresent() != !split.isNone()) {
            throw new IllegalArgumentException("held-out cells go with a split, and only with one");
        }
        heldOutCells.ifPresent(heldOut -> {
            if (!heldOut.space().equals(cells.space())) {
                throw new IllegalArgumentException("held-out cells must share the training cells' state space");
            }
        });
    }

    /** All accepted sends are for training. */
    public AggregatedLogs(Cells cells, IngestSummary summary) {
        this(cells, Optional.empty(), SendSplit.NONE, summary);
    }
}
