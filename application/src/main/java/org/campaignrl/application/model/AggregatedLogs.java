package org.campaignrl.application.model;

import java.util.Optional;
import org.campaignrl.domain.Cells;

/**
 * What an ingest engine makes of the three logs: the cells to train on, the held-out cells when the
 * ingest set some sends aside (same state space), the split that did it, the account of every row, and the
 * customers of the userbase it accepted ({@link DatasetCustomers#none()} from an engine that does not keep
 * them), their codes those of the cells' state space.
 */
public record AggregatedLogs(
        Cells cells, Optional<Cells> heldOutCells, SendSplit split, IngestSummary summary, DatasetCustomers customers) {
    public AggregatedLogs {
        if (heldOutCells.isPresent() != !split.isNone()) {
            throw new IllegalArgumentException("held-out cells go with a split, and only with one");
        }
        heldOutCells.ifPresent(heldOut -> {
            if (!heldOut.space().equals(cells.space())) {
                throw new IllegalArgumentException("held-out cells must share the training cells' state space");
            }
        });
        if (customers == null) {
            throw new IllegalArgumentException("customers are required (DatasetCustomers.none() when not kept)");
        }
    }

    /** Without customers. */
    public AggregatedLogs(Cells cells, Optional<Cells> heldOutCells, SendSplit split, IngestSummary summary) {
        this(cells, heldOutCells, split, summary, DatasetCustomers.none());
    }

    /** All accepted sends are for training; no customers. */
    public AggregatedLogs(Cells cells, IngestSummary summary) {
        this(cells, Optional.empty(), SendSplit.NONE, summary);
    }

    /** The same logs with these customers. */
    public AggregatedLogs withCustomers(DatasetCustomers newCustomers) {
        return new AggregatedLogs(cells, heldOutCells, split, summary, newCustomers);
    }
}
