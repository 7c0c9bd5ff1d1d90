package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.notNull;

import java.nio.file.Path;
import java.util.Optional;

/** Writes a stored dataset's cells in the existing users' aggregated layout. */
public interface ExportCellsUseCase {

    /** @return the number of rows written */
    long export(ExportCellsCommand command);

    /** @param datasetId empty for the current (latest) dataset */
    record ExportCellsCommand(Path out, Optional<Long> datasetId) {
        public ExportCellsCommand {
            notNull(out, "out");
            datasetId = datasetId == null ? Optional.empty() : datasetId;
        }
    }
}
