package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.notNull;
import static org.campaignrl.application.Validate.within;

import java.nio.file.Path;
import java.util.List;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;

/** Reads the three campaign logs, aggregates them into cells and stores them as a new dataset. */
public interface IngestLogsUseCase {

    IngestOutcome ingest(IngestLogsCommand command, ProgressListener progress);

    /**
     * @param split            which sends to set aside for held-out evaluation ({@link SendSplit#NONE}: none)
     * @param maxRejectedShare the largest share (0..1) of any one file's rows that may be rejected; beyond
     *                         it the ingest is refused and nothing is stored ({@code 1.0}: no limit)
     * @param format           the encoding and delimiter of the three files, each given or left to be detected
     *                         in each file ({@link CsvFormat#DETECT}: both detected)
     */
    record IngestLogsCommand(
            Path sentEmails,
            Path responded,
            Path userbase,
            Path rejectsReport,
            SendSplit split,
            double maxRejectedShare,
            CsvFormat format) {
        /** 1 %: a few bad rows are normal in exported logs, more usually mean the wrong file or layout. */
        public static final double DEFAULT_MAX_REJECTED_SHARE = 0.01;

        public IngestLogsCommand {
            notNull(sentEmails, "sentEmails");
            notNull(responded, "responded");
            notNull(userbase, "userbase");
            notNull(rejectsReport, "rejectsReport");
            notNull(split, "split");
            within(maxRejectedShare, 0, 1, "maxRejectedShare");
            notNull(format, "format");
        }

        public IngestLogsCommand(
                Path sentEmails,
                Path responded,
                Path userbase,
                Path rejectsReport,
                SendSplit split,
                double maxRejectedShare) {
            this(sentEmails, responded, userbase, rejectsReport, split, maxRejectedShare, CsvFormat.DETECT);
        }

        public IngestLogsCommand(Path sentEmails, Path responded, Path userbase, Path rejectsReport, SendSplit split) {
            this(sentEmails, responded, userbase, rejectsReport, split, DEFAULT_MAX_REJECTED_SHARE);
        }

        public IngestLogsCommand(Path sentEmails, Path responded, Path userbase, Path rejectsReport) {
            this(sentEmails, responded, userbase, rejectsReport, SendSplit.NONE);
        }

        public IngestLogsCommand withSplit(SendSplit newSplit) {
            return new IngestLogsCommand(
                    sentEmails, responded, userbase, rejectsReport, newSplit, maxRejectedShare, format);
        }

        public IngestLogsCommand withMaxRejectedShare(double share) {
            return new IngestLogsCommand(sentEmails, responded, userbase, rejectsReport, split, share, format);
        }

        public IngestLogsCommand withFormat(CsvFormat newFormat) {
            return new IngestLogsCommand(
                    sentEmails, responded, userbase, rejectsReport, split, maxRejectedShare, newFormat);
        }

        /** The default file names in one folder, rejects reported beside them. */
        public static IngestLogsCommand inFolder(Path folder) {
            notNull(folder, "dataDir");
            return new IngestLogsCommand(
                    folder.resolve("sent_emails.csv"),
                    folder.resolve("responded.csv"),
                    folder.resolve("userbase.csv"),
                    folder.resolve("rejected_rows.csv"));
        }
    }

    /**
     * The stored dataset, its account of the rows, and the readouts the ingest made: one per open campaign plan,
     * with the plan's sends found in these logs or not.
     */
    record IngestOutcome(long datasetId, IngestSummary summary, List<CampaignReadout> readouts) {
        public IngestOutcome {
            readouts = List.copyOf(readouts);
        }

        public IngestOutcome(long datasetId, IngestSummary summary) {
            this(datasetId, summary, List.of());
        }
    }
}
