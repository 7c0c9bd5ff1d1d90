package org.campaignrl.boot.spark;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.campaignrl.adapters.db.Storage;
import org.campaignrl.adapters.spark.SparkCampaignLogSource;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.RunOwner;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.service.IngestLogsService;
import org.campaignrl.application.service.RunRecorder;

/**
 * The main class of the jar for {@code spark-submit}: ingests the three logs with Spark into the registry
 * database, through the application's ingest (a run recorded, nothing stored when the ingest is refused or fails,
 * the active dataset and model left serving), so that {@code campaign-rl serve} on the same database picks the new
 * dataset up. The composition root of this jar, as {@code org.campaignrl.boot} is the main jar's.
 *
 * <pre>
 * spark-submit --master local[2] campaign-rl-spark.jar --db jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres \
 *     --data-dir data/sample
 * </pre>
 *
 * Exit code 0 when the dataset is stored, 1 when the ingest was refused or failed (the reason on one line), 2 for
 * a bad command line.
 */
public final class SparkIngest {
    static final String USAGE = """
            usage: spark-submit [spark options] campaign-rl-spark.jar --db JDBC_URL
                     (--data-dir DIR | --sent PATH --responded PATH --customers PATH)
                     [--rejects FILE] [--max-rejected-share S] [--encoding E] [--delimiter D] [--max-line-bytes N]
                     [--holdout-share S [--seed N] | --holdout-from YYYY-MM-DD]
              PATH: anything Spark reads (a file, a folder of parts, hdfs://…, s3a://…); *.parquet is read as Parquet.
            """;

    private static final String COALESCE_CACHED = "spark.sql.optimizer.canChangeCachedPlanOutputPartitioning";

    private SparkIngest() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one ingest; answers the exit code. The Spark session is the one spark-submit set up (its master). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments parsed;
        try {
            parsed = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("campaign-rl-spark: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        SparkSession spark =
                SparkSession.builder().appName("campaign-rl ingest").getOrCreate();
        // The ingest caches each log's judged rows; without this, adaptive execution keeps a cached plan's shuffle
        // partitions (spark.sql.shuffle.partitions, 200) for every step that reads it, however small the data.
        if (!spark.conf().contains(COALESCE_CACHED)) {
            spark.conf().set(COALESCE_CACHED, "true");
        }
        try (Storage storage = Storage.open(parsed.db)) {
            Clock clock = Clock.systemUTC();
            RunRecorder runs = new RunRecorder(storage.runs(), thisProcess(), clock);
            IngestLogsUseCase ingest =
                    new IngestLogsService(new SparkCampaignLogSource(spark), storage.datasets(), runs, clock);
            IngestLogsUseCase.IngestOutcome outcome = ingest.ingest(parsed.command(), new StageLines(err));
            out.printf(
                    Locale.ROOT,
                    "dataset %d stored in %s: %,d sends, %,d responded, %,d customers%n",
                    outcome.datasetId(),
                    storage.describe(),
                    outcome.summary().sends(),
                    outcome.summary().respondedSends(),
                    outcome.summary().customers());
            for (FileSummary file : outcome.summary().files()) {
                out.printf(
                        Locale.ROOT,
                        "  %s: %,d rows, %,d accepted, rejected %s%n",
                        file.file(),
                        file.rowsRead(),
                        file.accepted(),
                        file.rejectedByReason());
            }
            out.println("rejected rows: " + outcome.summary().rejectsReport());
            return 0;
        } catch (IngestRefusedException | InvalidCommandException e) {
            err.println("campaign-rl-spark: ingest refused: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("campaign-rl-spark: ingest failed: " + e);
            return 1;
        } finally {
            spark.stop();
        }
    }

    private static RunOwner thisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return new RunOwner(host, ProcessHandle.current().pid());
    }

    /** One line on standard error each time a step or stage begins or ends: spark-submit's output is a log. */
    private static final class StageLines implements ProgressListener {
        private final PrintStream err;
        private String last = "";

        StageLines(PrintStream err) {
            this.err = err;
        }

        @Override
        public void progress(String stage, long done, long total) {
            boolean edge = done == 0 || done == total;
            String line = String.format(Locale.ROOT, "%s: %d/%d", stage, done, total);
            if (edge && !line.equals(last)) {
                err.println(line);
                last = line;
            }
        }
    }

    /** The command line, checked. */
    static final class Arguments {
        String db;
        Path dataDir;
        Path sent;
        Path responded;
        Path customers;
        Path rejects;
        double maxRejectedShare = IngestLogsCommand.DEFAULT_MAX_REJECTED_SHARE;
        String encoding;
        String delimiter;
        Integer maxLineBytes;
        Double holdoutShare;
        long seed = 42;
        LocalDate holdoutFrom;

        static Arguments parse(String[] args) {
            Arguments parsed = new Arguments();
            Deque<String> rest = new ArrayDeque<>(List.of(args));
            while (!rest.isEmpty()) {
                String option = rest.removeFirst();
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("unknown option or no value after it: " + option);
                }
                String value = rest.removeFirst();
                try {
                    switch (option) {
                        case "--db" -> parsed.db = value;
                        case "--data-dir" -> parsed.dataDir = Path.of(value);
                        case "--sent" -> parsed.sent = Path.of(value);
                        case "--responded" -> parsed.responded = Path.of(value);
                        case "--customers" -> parsed.customers = Path.of(value);
                        case "--rejects" -> parsed.rejects = Path.of(value);
                        case "--max-rejected-share" -> parsed.maxRejectedShare = Double.parseDouble(value);
                        case "--encoding" -> parsed.encoding = value;
                        case "--delimiter" -> parsed.delimiter = value;
                        case "--max-line-bytes" -> parsed.maxLineBytes = Integer.parseInt(value);
                        case "--holdout-share" -> parsed.holdoutShare = Double.parseDouble(value);
                        case "--seed" -> parsed.seed = Long.parseLong(value);
                        case "--holdout-from" -> parsed.holdoutFrom = LocalDate.parse(value);
                        default -> throw new IllegalArgumentException("unknown option " + option);
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new IllegalArgumentException(option + ": not a valid value: " + value);
                }
            }
            if (parsed.db == null) {
                throw new IllegalArgumentException("--db JDBC_URL is required");
            }
            if (parsed.dataDir == null
                    && (parsed.sent == null || parsed.responded == null || parsed.customers == null)) {
                throw new IllegalArgumentException("give --data-dir, or all of --sent, --responded and --customers");
            }
            if (parsed.holdoutShare != null && parsed.holdoutFrom != null) {
                throw new IllegalArgumentException("give --holdout-share or --holdout-from, not both");
            }
            return parsed;
        }

        IngestLogsCommand command() {
            IngestLogsCommand inFolder = dataDir == null ? null : IngestLogsCommand.inFolder(dataDir);
            Path sentPath = sent != null ? sent : inFolder.sentEmails();
            Path respondedPath = responded != null ? responded : inFolder.responded();
            Path userbasePath = customers != null ? customers : inFolder.userbase();
            Path rejectsPath = rejects != null
                    ? rejects
                    : inFolder != null ? inFolder.rejectsReport() : Path.of("rejected_rows.csv");
            SendSplit split = holdoutShare != null
                    ? SendSplit.randomPairs(holdoutShare, seed)
                    : holdoutFrom != null ? SendSplit.byDate(holdoutFrom) : SendSplit.NONE;
            CsvFormat format = CsvFormat.of(encoding, delimiter);
            if (maxLineBytes != null) {
                format = format.withMaxLineBytes(maxLineBytes);
            }
            return new IngestLogsCommand(
                    sentPath, respondedPath, userbasePath, rejectsPath, split, maxRejectedShare, format);
        }
    }
}
