package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.within;

import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.RejectedRow;

/** The rows an ingest rejected, with file, line, field and reason: the first of them, for people to look at. */
public interface RejectedRowsUseCase {

    RejectedRows rejectedRows(RejectedRowsCommand command);

    /** @param datasetId empty for the latest dataset */
    record RejectedRowsCommand(Optional<Long> datasetId, int limit) {
        public RejectedRowsCommand {
            datasetId = datasetId == null ? Optional.empty() : datasetId;
            within(limit, 1, 10_000, "limit");
        }
    }

    /** {@code total}: every rejected row of the dataset; {@code rows}: the first of them still in its report. */
    record RejectedRows(long datasetId, String report, long total, List<RejectedRow> rows) {
        public RejectedRows {
            rows = List.copyOf(rows);
        }
    }
}
