package org.campaignrl.application.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.campaignrl.application.Background;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.InputFile;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.DatasetRepository;

/**
 * Aggregates the logs, then stores the dataset with its input files' sizes and checksums; a refused
 * read, a file with more rejected rows than the command allows, or a file that changed while it was
 * read, stores nothing (the rejects report is written all the same: it says what to fix). Every ingest
 * is recorded as a run, a refused one as failed with the reason. After a save, the stored campaign plans are read
 * out against the same logs ({@link CampaignReadouts}), when given.
 */
public final class IngestLogsService implements IngestLogsUseCase {
    private final CampaignLogSource source;
    private final DatasetRepository datasets;
    private final RunRecorder runs;
    private final Clock clock;
    private final CampaignReadouts readouts;

    /** Without campaign readouts. */
    public IngestLogsService(CampaignLogSource source, DatasetRepository datasets, RunRecorder runs, Clock clock) {
        this(source, datasets, runs, clock, null);
    }

    /** @param readouts reads out the stored campaign plans after each successful save; null: none */
    public IngestLogsService(
            CampaignLogSource source,
            DatasetRepository datasets,
            RunRecorder runs,
            Clock clock,
            CampaignReadouts readouts) {
        this.source = source;
        this.datasets = datasets;
        this.runs = runs;
        this.clock = clock;
        this.readouts = readouts;
    }

    @Override
    public IngestOutcome ingest(IngestLogsCommand command, ProgressListener progress) {
        return runs.recordBesideWork(
                Run.Kind.INGEST,
                subject(command),
                progress,
                watched -> aggregateAndStore(command, watched),
                outcome -> new RunRecorder.Made(
                        outcome.datasetId(),
                        String.format(
                                Locale.ROOT,
                                "dataset %d: %,d sends, %,d responded, %,d rows rejected",
                                outcome.datasetId(),
                                outcome.summary().sends(),
                                outcome.summary().respondedSends(),
                                outcome.summary().rowsRejected())));
    }

    /** The folder of the three logs, or the three files when they are not in one folder. */
    private static String subject(IngestLogsCommand command) {
        List<Path> files = List.of(command.sentEmails(), command.responded(), command.userbase());
        Path folder = command.sentEmails().toAbsolutePath().getParent();
        if (files.stream().allMatch(file -> Objects.equals(file.toAbsolutePath().getParent(), folder))) {
            return "logs in " + folder;
        }
        return "logs "
                + files.stream().map(file -> file.toAbsolutePath().toString()).collect(Collectors.joining(", "));
    }

    private IngestOutcome aggregateAndStore(IngestLogsCommand command, ProgressListener progress) {
        InputFileChecksums checksums = InputFileChecksums.before(
                List.of("sent", "responded", "userbase"),
                List.of(command.sentEmails(), command.responded(), command.userbase()));
        // The checksums read the files a second time, beside the aggregation: they are ready when it ends.
        Background<List<String>> sha256s = Background.start("checksums", checksums::sha256s);
        CampaignLogSource.LogFiles files = new CampaignLogSource.LogFiles(
                command.sentEmails(), command.responded(), command.userbase(), command.format());
        AggregatedLogs logs = source.aggregate(files, command.split(), command.rejectsReport(), progress);
        checkRejectedShare(logs, command);
        List<InputFile> inputs = checksums.unchanged(sha256s.join(), progress);
        long id = datasets.save(logs, inputs, clock.instant());
        // After the save: a readout that fails leaves the dataset stored, and the run says why it failed.
        List<CampaignReadout> made = readouts == null ? List.of() : readouts.readOut(id, files, progress);
        return new IngestOutcome(id, logs.summary(), made);
    }

    /** Refuses the ingest when any file's rejected rows exceed the allowed share of its rows read; names the worst. */
    private static void checkRejectedShare(AggregatedLogs logs, IngestLogsCommand command) {
        double limit = command.maxRejectedShare();
        FileSummary worst = null;
        double worstShare = 0;
        for (FileSummary file : logs.summary().files()) {
            double share = file.rowsRead() == 0 ? 0 : (double) file.rejected() / file.rowsRead();
            if (share > limit && (worst == null || share > worstShare)) {
                worst = file;
                worstShare = share;
            }
        }
        if (worst != null) {
            throw new IngestRefusedException(
                    path(worst.file(), command),
                    0,
                    String.format(
                            Locale.ROOT,
                            "%,d of %,d rows rejected (%s), more than the maximum rejected share of %s; nothing was stored "
                                    + "(the rejected rows are in %s)",
                            worst.rejected(),
                            worst.rowsRead(),
                            percent(worstShare),
                            percent(limit),
                            command.rejectsReport()));
        }
    }

    /** The path the command gave for a file the summary names, or the name itself. */
    private static String path(String fileName, IngestLogsCommand command) {
        for (Path path : List.of(command.sentEmails(), command.responded(), command.userbase())) {
            if (path.getFileName() != null && path.getFileName().toString().equals(fileName)) {
                return path.toString();
            }
        }
        return fileName;
    }

    private static String percent(double share) {
        return new BigDecimal(100 * share)
                        .round(new MathContext(4))
                        .stripTrailingZeros()
                        .toPlainString() + " %";
    }
}
