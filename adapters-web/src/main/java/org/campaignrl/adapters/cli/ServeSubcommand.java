package org.campaignrl.adapters.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.campaignrl.adapters.web.ActiveModelPolling;
import org.campaignrl.adapters.web.ScheduledRetraining;
import org.campaignrl.adapters.web.UserDirectory;
import org.campaignrl.adapters.web.WebServer;
import org.campaignrl.adapters.web.WebSettings;
import org.campaignrl.application.Background;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.RetrainingUseCase.RetrainCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "serve", description = "Serve the dashboard and the JSON API. On an empty database, first ingest the "
        + "bundled sample and train a model with the defaults.")
final class ServeSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--port", defaultValue = "8788", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--users", paramLabel = "FILE", description = "Who may use the server: one line per user, "
            + "'name role sha256:<hash>' (see 'campaign-rl users add'); or set " + USERS_VARIABLE + " to such "
            + "lines. Without users the server listens on 127.0.0.1 only and asks for no sign-in.")
    Path usersFile;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "1024",
            description = "Largest upload of logs from the Data page, all three files together (default: "
                    + "${DEFAULT-VALUE}).")
    long maxUploadMegabytes;

    @Option(names = "--sample-dir", paramLabel = "DIR", description = "Logs to ingest when the database is empty "
            + "(default: the bundled sample).")
    Path sampleDir;

    @Option(names = "--poll-every", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "How often to ask the database which model is active, to serve one activated by another "
                    + "server or the CLI (default: ${DEFAULT-VALUE}; e.g. 500ms, 2s).")
    Duration pollEvery;

    @Option(names = "--retrain-every", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Look for new logs in --watch-dir this often (e.g. 6h, 1d); when there are, ingest, train, "
                    + "and activate the new model unless it is worse than the active one.")
    Duration retrainEvery;

    @Option(names = "--watch-dir", paramLabel = "DIR",
            description = "Where new logs arrive for --retrain-every, under their default names.")
    Path watchDir;

    @Option(names = "--retrain-tolerance", paramLabel = "SHARE", defaultValue = "0.02",
            description = "How much worse than the active model's a quality figure may be, as a share of it "
                    + "(default: ${DEFAULT-VALUE}).")
    double retrainTolerance;

    @Option(names = "--no-request-metrics", description = "Do not time requests for the metrics (to measure what "
            + "timing them costs; the other metrics stay).")
    boolean noRequestMetrics;

    @Option(names = "--verbose", description = "Also print the libraries' INFO lines (Jetty's start, Javalin's "
            + "banner); the same as JAVA_OPTS=-D" + LOG_LEVEL_PROPERTY + "=info.")
    boolean verbose;

    /** slf4j-simple's default level (simplelogger.properties sets warn); read when the first logger is made. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /** Users for servers started without {@code --users}, e.g. from a secret store. */
    static final String USERS_VARIABLE = "CAMPAIGN_RL_USERS";

    ServeSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (verbose) {
            // before anything logs: no logger exists before the server's classes load, below
            System.setProperty(LOG_LEVEL_PROPERTY, "info");
        }
        Optional<RetrainCommand> retrain = retrainCommand();
        UserDirectory users = users();
        if (maxUploadMegabytes <= 0) {
            throw new ParameterException(spec.commandLine(), "--max-upload-mb must be positive");
        }
        if (users.isEmpty() && !WebServer.isLoopback(host)) {
            throw new ParameterException(spec.commandLine(), "--host " + host + " needs users (--users FILE or "
                    + USERS_VARIABLE + "): without them anyone who reaches the server could change everything");
        }
        CliRuntime.Session session = runtime.open(database.jdbcUrl());
        CampaignRl app = session.app();
        WebSettings web = new WebSettings(Path.of(System.getProperty("java.io.tmpdir"), "campaign-rl-uploads"),
                (sampleDir != null ? sampleDir : runtime.bundledSampleDir()).toString())
                .withUsers(users).withMaxUploadBytes(maxUploadMegabytes << 20);
        // Building and starting the server reads no data, and is most of a second of class loading and Jetty's
        // start: it goes on beside opening the database and loading, or making, the first model; meanwhile the
        // server answers 503 (see WebServer.startPreparing).
        Background<WebServer> listening = Background.start("start-server",
                () -> new WebServer(app, web, session.metrics()).startPreparing(host, port));
        session.metrics().timeRequests(!noRequestMetrics);
        prepareFirstModel(app, session.databaseIsNew());
        WebServer server = listening.join();
        server.ready();
        ActiveModelPolling polling = ActiveModelPolling.start(app.refreshServing(), pollEvery);
        Optional<ScheduledRetraining> retraining = retrain.map(command -> {
            out().printf("Retraining every %s from %s, tolerance %s%n", retrainEvery, watchDir, retrainTolerance);
            return ScheduledRetraining.start(app.retraining(), retrainEvery, command);
        });
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM or Ctrl-C: take no more requests, then abandon the job running (it stops at its next progress
        // report, storing nothing, and is recorded as failed) and close the database; the JVM waits for this.
        // Scheduled retraining is stopped last: stopping it interrupts its thread, which must not happen in
        // the middle of a database write.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            polling.close();
            session.stop("the server was stopped");
            retraining.ifPresent(ScheduledRetraining::close);
            stopped.countDown();
        }, "shutdown"));
        long model = app.servingStatus().status().activeModel().map(m -> m.id()).orElse(0L);
        out().printf("Serving model %d from %s on http://%s:%d/%n", model, session.storage(), host, server.port());
        out().println(users.isEmpty() ? "No users configured: no sign-in asked, listening on " + host + " only"
                : users.users().size() + " user(s) configured: sign-in required");
        stopped.await();
        return 0;
    }

    /** From {@code --users}, else the environment variable, else nobody (a local, open server). */
    private UserDirectory users() {
        if (usersFile != null) {
            return UserDirectory.read(usersFile);
        }
        String fromEnvironment = System.getenv(USERS_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? UserDirectory.NONE
                : UserDirectory.parse(USERS_VARIABLE, fromEnvironment);
    }

    /** {@code --retrain-every} and {@code --watch-dir} go together; checked before anything is opened. */
    private Optional<RetrainCommand> retrainCommand() {
        if ((retrainEvery == null) != (watchDir == null)) {
            throw new ParameterException(spec.commandLine(), "--retrain-every and --watch-dir go together");
        }
        return retrainEvery == null ? Optional.empty() : Optional.of(new RetrainCommand(watchDir, retrainTolerance));
    }

    /**
     * On an empty database: ingest the sample (if there is no dataset) and train with the defaults. A database this
     * process made is known to be empty: the ingest then starts at once, beside the database's opening.
     */
    private void prepareFirstModel(CampaignRl app, boolean databaseIsNew) {
        boolean hasDataset = false;
        if (!databaseIsNew) {
            // A restart loads the active model here, which serving needs first; the listings of a full status
            // (every model with its figures, every dataset) are not on the way.
            if (app.servingStatus().serving()) {
                return;
            }
            hasDataset = app.servingStatus().status().latestDataset().isPresent();
        }
        if (!hasDataset) {
            Path dir = sampleDir != null ? sampleDir : runtime.bundledSampleDir();
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("the database is empty and there is no sample to ingest at " + dir
                        + "; run 'campaign-rl ingest --data-dir DIR' first or pass --sample-dir");
            }
            out().println("Empty database: ingesting the sample in " + dir);
            IngestLogsCommand ingest = IngestLogsCommand.inFolder(dir);
            Path rejects = Path.of(System.getProperty("java.io.tmpdir"), "campaign-rl-sample-rejects.csv");
            app.ingestLogs().ingest(new IngestLogsCommand(ingest.sentEmails(), ingest.responded(), ingest.userbase(),
                    rejects), TerminalProgress.onStderr());
        }
        out().println("No active model: training one with the defaults");
        app.trainModel().train(TrainModelCommand.defaults().withStartedBy("serve"), TerminalProgress.onStderr());
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
