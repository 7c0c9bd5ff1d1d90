package org.campaignrl.adapters.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.ProgressListener;
import org.campaignrl.domain.Cells;

/**
 * Aggregates the three CSV logs in one streaming pass each: the userbase and the distinct responded
 * pairs are held in primitive collections, the sends are only counted. Memory grows with customers,
 * responded pairs and cells, never with sends.
 *
 * <p>All three headers are checked before any row is read, so a file that cannot be read at all is
 * refused before the rejects report is touched.
 */
public final class CsvCampaignLogSource implements CampaignLogSource {

    public CsvCampaignLogSource() {
    }

    @Override
    public AggregatedLogs aggregate(LogFiles files, SendSplit split, Path rejectsReport, ProgressListener progress) {
        ProgressListener listener = Objects.requireNonNullElse(progress, ProgressListener.NONE);
        try (LogFile userbase = LogFile.open(files.userbase(), UserbaseRows.COLUMNS);
             LogFile responded = LogFile.open(files.responded(), ResponseRows.COLUMNS);
             LogFile sent = LogFile.open(files.sentEmails(), SendRows.COLUMNS);
             RejectsReport rejects = RejectsReport.create(rejectsReport)) {

            Customers customers = new Customers();
            userbase.forEachRow(rejects, listener, new UserbaseRows(userbase, customers));

            Responses responses = new Responses();
            responded.forEachRow(rejects, listener, new ResponseRows(responded, customers, responses));

            // Domains are all known once the userbase is read; subject lines only at the end.
            CellCounter counter = new CellCounter(customers.domainCount(), split.isNone() ? 1 : 2);
            SendRows sends = new SendRows(sent, customers, responses, split, counter);
            sent.forEachRow(rejects, listener, sends);
            if (sends.sends() == 0) {
                throw sent.refusal(0, "no send was accepted (see " + rejectsReport + ")");
            }

            Cells cells = counter.toCells(customers.domainsByFirstSeen(), CellCounter.TRAINING);
            Optional<Cells> heldOut = split.isNone() ? Optional.empty()
                    : Optional.of(counter.toCells(customers.domainsByFirstSeen(), CellCounter.HELD_OUT));
            IngestSummary summary = new IngestSummary(
                    List.of(userbase.summary(), responded.summary(), sent.summary()),
                    customers.count(), sends.sends(), sends.respondedSends(),
                    responses.distinctPairs(), responses.pairsWithoutSend(),
                    sends.firstSendDate(), sends.lastSendDate(), rejectsReport.toString());
            return new AggregatedLogs(cells, heldOut, split, summary);
        } catch (IOException e) {
            throw new UncheckedIOException("closing the campaign logs or the rejects report failed: " + e.getMessage(), e);
        }
    }
}
