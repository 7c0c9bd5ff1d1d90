package org.campaignrl.adapters.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(
        name = "ingest",
        description = "Read the three campaign logs, aggregate them into cells and store them as a new dataset.")
final class IngestSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "Folder with the three CSV files.")
    Path dataDir;

    @Option(names = "--sent", paramLabel = "FILE", description = "Sends log (default: DIR/sent_emails.csv).")
    Path sent;

    @Option(names = "--responded", paramLabel = "FILE", description = "Responses log (default: DIR/responded.csv).")
    Path responded;

    @Option(names = "--customers", paramLabel = "FILE", description = "Userbase (default: DIR/userbase.csv).")
    Path customers;

    @Option(
            names = "--rejects",
            paramLabel = "FILE",
            description = "Report of rejected rows (default: DIR/rejected_rows.csv).")
    Path rejects;

    @Option(
            names = "--holdout-from",
            paramLabel = "DATE",
            description = "Hold out the sends on or after this date (yyyy-MM-dd) for evaluation.")
    LocalDate holdoutFrom;

    @Option(
            names = "--holdout-share",
            paramLabel = "SHARE",
            description = "Hold out this share (0..1) of (subject, customer) pairs, drawn with --holdout-seed.")
    Double holdoutShare;

    @Option(
            names = "--holdout-seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Seed of the random held-out pairs (default: ${DEFAULT-VALUE}).")
    long holdoutSeed;

    @Option(
            names = "--max-rejected-share",
            paramLabel = "SHARE",
            description = "Refuse the ingest, storing nothing, when more than this share (0..1) of any file's rows "
                    + "is rejected (default: 0.01; 1 accepts any share).")
    Double maxRejectedShare;

    @Option(
            names = "--encoding",
            paramLabel = "NAME",
            converter = EncodingOption.class,
            description = "Encoding of the three files: auto (the default: a byte order mark decides, else UTF-8 when "
                    + "the bytes are valid UTF-8, else windows-1252, in each file) or a charset such as UTF-8, "
                    + "windows-1252, ISO-8859-1, UTF-16LE.")
    String encoding;

    @Option(
            names = "--delimiter",
            paramLabel = "CHAR",
            converter = DelimiterOption.class,
            description = "Delimiter of the three files: auto (the default: the one that splits each file's header "
                    + "into its columns) or one of , ; | and tab (also written \\t, comma, semicolon, pipe).")
    String delimiter;

    @Option(
            names = "--max-line-bytes",
            paramLabel = "BYTES",
            description = "The most bytes one row may hold (its line, or the lines a quoted value spans): a longer "
                    + "data row is rejected (line too long), a longer header refuses its file (default: "
                    + CsvFormat.DEFAULT_MAX_LINE_BYTES + ", at most " + CsvFormat.MAX_MAX_LINE_BYTES + ").")
    Integer maxLineBytes;

    IngestSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        IngestLogsCommand defaults = IngestLogsCommand.inFolder(dataDir);
        IngestLogsCommand command = new IngestLogsCommand(
                sent != null ? sent : defaults.sentEmails(),
                responded != null ? responded : defaults.responded(),
                customers != null ? customers : defaults.userbase(),
                rejects != null ? rejects : defaults.rejectsReport(),
                split(),
                maxRejectedShare(),
                maxLineBytes == null
                        ? CsvFormat.of(encoding, delimiter)
                        : CsvFormat.of(encoding, delimiter).withMaxLineBytes(maxLineBytes));
        try (CliRuntime.Session session = runtime.open(database.jdbcUrl());
                StopOnSignal stop = StopOnSignal.stopping(session, "the command was stopped")) {
            long started = System.nanoTime();
            IngestOutcome outcome = session.app().ingestLogs().ingest(command, TerminalProgress.onStderr());
            double seconds = (System.nanoTime() - started) / 1e9;
            var s = outcome.summary();
            out().printf("Dataset %d stored in %s (%.2f s)%n", outcome.datasetId(), session.storage(), seconds);
            for (FileSummary file : s.files()) {
                out().printf(
                                "  %-18s %,12d rows read  %,12d accepted  %,8d rejected%s%n",
                                file.file(),
                                file.rowsRead(),
                                file.accepted(),
                                file.rejected(),
                                file.rejected() == 0 ? "" : "  " + file.rejectedByReason());
                out().printf("  %-18s read as %s%n", "", file.describeFormat());
            }
            out().printf(
                            "  %,d customers, %,d sends (%s to %s), %,d responded (%.2f %%)%n",
                            s.customers(),
                            s.sends(),
                            s.firstSendDate(),
                            s.lastSendDate(),
                            s.respondedSends(),
                            100 * s.baseRate());
            out().printf(
                            "  %,d distinct responding (subject, customer) pairs, %,d of them without a send%n",
                            s.distinctResponsePairs(), s.responsePairsWithoutSend());
            out().println("  Rejected rows: " + s.rejectsReport());
            if (!command.split().isNone()) {
                out().println("  Held out for evaluation: " + command.split().describe());
            }
            for (CampaignReadout readout : outcome.readouts()) {
                out().printf(
                                "  Campaign plan %d: %s%n",
                                readout.planId(),
                                readout.sendsFound()
                                        ? "read out ('campaigns readout " + readout.planId() + "')"
                                        : "none of its sends in these logs");
            }
        }
        return 0;
    }

    private SendSplit split() {
        if (holdoutFrom != null && holdoutShare != null) {
            throw new InvalidCommandException("holdout", "give --holdout-from or --holdout-share, not both");
        }
        if (holdoutFrom != null) {
            return SendSplit.byDate(holdoutFrom);
        }
        if (holdoutShare != null) {
            if (!(holdoutShare > 0 && holdoutShare < 1)) {
                throw new InvalidCommandException("holdout-share", "must be within (0, 1), was " + holdoutShare);
            }
            return SendSplit.randomPairs(holdoutShare, holdoutSeed);
        }
        return SendSplit.NONE;
    }

    private double maxRejectedShare() {
        if (maxRejectedShare == null) {
            return IngestLogsCommand.DEFAULT_MAX_REJECTED_SHARE;
        }
        if (!(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
            throw new InvalidCommandException("max-rejected-share", "must be within 0..1, was " + maxRejectedShare);
        }
        return maxRejectedShare;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Checks an encoding when the command line is read, so that a wrong one is a usage error. */
    static final class EncodingOption implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                CsvFormat.encoding(value);
                return value;
            } catch (InvalidCommandException e) {
                throw new TypeConversionException(e.problem());
            }
        }
    }

    /** Checks a delimiter when the command line is read, so that a wrong one is a usage error. */
    static final class DelimiterOption implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                CsvFormat.delimiter(value);
                return value;
            } catch (InvalidCommandException e) {
                throw new TypeConversionException(e.problem());
            }
        }
    }
}
