package org.campaignrl.application.port.out;

import java.nio.file.Path;
import org.campaignrl.domain.Cells;

/** Writes cells in the existing users' {@code email_campaign_data.csv} layout. */
public interface CellsWriter {
    /** @return the number of rows written (cells with at least one send) */
    long writeCells(Cells cells, Path out);
}
