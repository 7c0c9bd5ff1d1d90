package org.campaignrl.application.port.out;

import java.nio.file.Path;
import java.util.List;
import org.campaignrl.application.model.RejectedRow;

/** Reads back the first rows of an ingest's rejects report. */
public interface RejectedRowsReader {
    /** At most {@code limit} rows, in report order; empty when the report no longer exists. */
    List<RejectedRow> firstRows(Path report, int limit);
}
