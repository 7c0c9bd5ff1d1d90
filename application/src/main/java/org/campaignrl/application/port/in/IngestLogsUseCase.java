package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.notNull;

import java.nio.file.Path;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.out.ProgressListener;

/** Reads the three campaign logs, aggregates them into cells and stores them as a new dataset. */
public interface IngestLogsUseCase {

    IngestOutcome ingest(IngestLogsCommand command, ProgressListener progress);

    /** @param split which sends to set aside for held-out evaluation ({@link SendSplit#NONE}: none) */
    record IngestLogsCommand(Path sentEmails, Path responded, Path userbase, Path rejectsReport, SendSplit split) {
        public IngestLogsCommand {
            notNull(sentEmails, "sentEmails");
            notNull(responded, "responded");
            notNull(userbase, "userbase");
            notNull(rejectsReport, "rejectsReport");
            notNull(split, "split");
        }

        public IngestLogsCommand(Path sentEmails, Path responded, Path userbase, Path rejectsReport) {
            this(sentEmails, responded, userbase, rejectsReport, SendSplit.NONE);
        }

        public IngestLogsCommand withSplit(SendSplit newSplit) {
            return new IngestLogsCommand(sentEmails, responded, userbase, rejectsReport, newSplit);
        }

        /** The default file names in one folder, rejects reported beside them. */
        public static IngestLogsCommand inFolder(Path folder) {
            notNull(folder, "dataDir");
            return new IngestLogsCommand(folder.resolve("sent_emails.csv"), folder.resolve("responded.csv"),
                    folder.resolve("userbase.csv"), folder.resolve("rejected_rows.csv"));
        }
    }

    record IngestOutcome(long datasetId, IngestSummary summary) {
    }
}
