package org.campaignrl.application.port.out;

import java.nio.file.Path;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;

/**
 * Reads the three campaign logs and aggregates them into cells. Any engine may stand behind it
 * (streaming CSV, SQL in a database, a cluster job) as long as it follows the same join rules.
 */
public interface CampaignLogSource {
    /**
     * @param split         which accepted sends go to the held-out cells instead of the training cells
     * @param rejectsReport where each rejected row goes, with file, line, field and reason
     * @return the cells, and a summary whose every file says the encoding and delimiter it was read with
     * @throws IngestRefusedException when a file cannot be read at all
     */
    AggregatedLogs aggregate(LogFiles files, SendSplit split, Path rejectsReport, ProgressListener progress);

    /** The three input files, and the encoding and delimiter to read them with (each given, or detected per file). */
    record LogFiles(Path sentEmails, Path responded, Path userbase, CsvFormat format) {
        public LogFiles {
            if (format == null) {
                throw new IllegalArgumentException("the format is required (CsvFormat.DETECT: detected)");
            }
        }

        /** Encoding and delimiter detected in each file. */
        public LogFiles(Path sentEmails, Path responded, Path userbase) {
            this(sentEmails, responded, userbase, CsvFormat.DETECT);
        }
    }
}
