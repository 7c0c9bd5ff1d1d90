package org.campaignrl.adapters.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.campaignrl.adapters.csv.fastpath.LogFile;
import org.campaignrl.adapters.csv.fastpath.PartedReader;
import org.campaignrl.application.logs.FileFormat;
import org.campaignrl.application.logs.LogColumns;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.domain.Cells;

/**
 * Aggregates the three CSV logs in one streaming pass each: the userbase and the distinct responded
 * pairs are held in primitive collections, the sends are only counted. Memory grows with customers,
 * responded pairs and cells, never with sends.
 *
 * <p>All three headers are checked before any row is read, so a file that cannot be read at all is
 * refused before the rejects report is touched. The userbase is read in file order; the responses and
 * the sends, whose rows do not depend on one another, in parts on all cores (see {@link PartedReader}).
 * Each file is read with the encoding and delimiter given, or else detected in it (see {@link FileFormat});
 * the summary says which, file by file.
 *
 * <p>The accepted customers are handed over too ({@link AggregatedLogs#customers()}): ids, codes and addresses in a
 * few arrays ({@link AcceptedAddresses}), put together on a thread of their own while the responses and the sends are
 * read; none when the state space has more than {@value AcceptedAddresses#MAX_DOMAIN_CODES} domains, more than a
 * customer's code can name.
 */
public final class CsvCampaignLogSource implements CampaignLogSource {
    private final PartedReader.Settings settings;

    public CsvCampaignLogSource() {
        this(PartedReader.Settings.DEFAULT);
    }

    /** With other cuts of the files into parts: for the tests, which cut tiny files into many. */
    CsvCampaignLogSource(PartedReader.Settings settings) {
        this.settings = settings;
    }

    @Override
    public AggregatedLogs aggregate(LogFiles files, SendSplit split, Path rejectsReport, ProgressListener progress) {
        ProgressListener listener = Objects.requireNonNullElse(progress, ProgressListener.NONE);
        try (LogFile userbase = LogFile.open(files.userbase(), LogColumns.USERBASE, files.format());
                LogFile responded = LogFile.open(files.responded(), LogColumns.RESPONDED, files.format());
                LogFile sent = LogFile.open(files.sentEmails(), LogColumns.SENT, files.format());
                RejectsReport rejects = RejectsReport.create(rejectsReport)) {

            UserbaseRows userbaseRows = userbase.forEachRow(
                            rejects, listener, settings.onePart(), part -> new UserbaseRows(userbase))
                    .get(0);
            Customers customers = userbaseRows.customers();
            customers.freeze();
            AcceptedAddresses.Pending kept = userbaseRows.addresses().inBackground(customers.domainsByFirstSeen());
            try {
                Responses responses = Responses.merge(
                        responded
                                .forEachRow(rejects, listener, settings, part -> new ResponseRows(responded, customers))
                                .stream()
                                .map(ResponseRows::responses)
                                .toList(),
                        customers);

                // Domains are all known once the userbase is read; subject lines only at the end.
                SendRows sends = SendRows.merge(sent.forEachRow(
                        rejects,
                        listener,
                        settings,
                        SendRows.parts(sent, customers, responses, split, split.isNone() ? 1 : 2)));
                if (sends.sends() == 0) {
                    throw sent.refusal(0, "no send was accepted (see " + rejectsReport + ")");
                }

                CellCounter counter = sends.cells();
                Cells cells = counter.toCells(customers.domainsByFirstSeen(), CellCounter.TRAINING);
                Optional<Cells> heldOut = split.isNone()
                        ? Optional.empty()
                        : Optional.of(counter.toCells(customers.domainsByFirstSeen(), CellCounter.HELD_OUT));
                IngestSummary summary = new IngestSummary(
                        List.of(userbase.summary(), responded.summary(), sent.summary()),
                        customers.count(),
                        sends.sends(),
                        sends.respondedSends(),
                        responses.distinctPairs(),
                        sends.pairsWithoutSend(),
                        sends.firstSendDate(),
                        sends.lastSendDate(),
                        rejectsReport.toString());
                return new AggregatedLogs(cells, heldOut, split, summary, kept.get(cells.space()));
            } catch (RuntimeException | Error e) {
                kept.abandon();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "closing the campaign logs or the rejects report failed: " + e.getMessage(), e);
        }
    }
}
