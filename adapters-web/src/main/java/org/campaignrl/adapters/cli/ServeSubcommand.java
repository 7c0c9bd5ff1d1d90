package org.campaignrl.adapters.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.campaignrl.adapters.serving.ServeSettings;
import org.campaignrl.adapters.serving.ServeSettings.Retraining;
import org.campaignrl.adapters.users.UserDirectory;
import org.campaignrl.application.port.in.RetrainingUseCase.RetrainCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        description = "Serve the dashboard and the JSON API. On an empty database, first ingest the "
                + "bundled sample and train a model with the defaults.")
final class ServeSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(
            names = "--port",
            defaultValue = "8788",
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--users",
            paramLabel = "FILE",
            description = "Who may use the server: one line per user, "
                    + "'name role sha256:<hash>' (see 'campaign-rl users add'); or set " + ServeSettings.USERS_VARIABLE
                    + " to such "
                    + "lines. Without users the server listens on 127.0.0.1 only and asks for no sign-in.")
    Path usersFile;

    @Option(
            names = "--allowed-hosts",
            paramLabel = "NAME",
            split = ",",
            description = "Further names the server answers to in Host, beside localhost, loopback addresses and "
                    + "--host: the names a reverse proxy passes on (e.g. campaigns.example.com). Any other Host is "
                    + "refused with 421, a guard against DNS rebinding.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(
            names = "--trusted-proxies",
            paramLabel = "ADDRESS",
            split = ",",
            description = "IP addresses of the reverse proxies in front of the server: from them, the client is "
                    + "the address in X-Forwarded-For, so that failed sign-ins are limited per client rather than "
                    + "for everyone behind the proxy. X-Forwarded-For from any other address is ignored.")
    List<String> trustedProxies = new ArrayList<>();

    @Option(
            names = "--max-upload-mb",
            paramLabel = "MB",
            defaultValue = "1024",
            description = "Largest upload of logs from the Data page, all three files together (default: "
                    + "${DEFAULT-VALUE}).")
    long maxUploadMegabytes;

    @Option(
            names = "--sample-dir",
            paramLabel = "DIR",
            description = "Logs to ingest when the database is empty " + "(default: the bundled sample).")
    Path sampleDir;

    @Option(
            names = "--poll-every",
            paramLabel = "DURATION",
            defaultValue = "1s",
            converter = DurationConverter.class,
            description = "How often to ask the database which model is active, to serve one activated by another "
                    + "server or the CLI (default: ${DEFAULT-VALUE}; e.g. 500ms, 2s).")
    Duration pollEvery;

    @Option(
            names = "--retrain-every",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Look for new logs in --watch-dir this often (e.g. 6h, 1d); when there are, ingest, train, "
                    + "and activate the new model unless it is worse than the active one.")
    Duration retrainEvery;

    @Option(
            names = "--watch-dir",
            paramLabel = "DIR",
            description = "Where new logs arrive for --retrain-every, under their default names.")
    Path watchDir;

    @Option(
            names = "--retrain-tolerance",
            paramLabel = "SHARE",
            defaultValue = "0.02",
            description = "How much worse than the active model's a quality figure may be, as a share of it "
                    + "(default: ${DEFAULT-VALUE}).")
    double retrainTolerance;

    @Option(
            names = "--no-request-metrics",
            description = "Do not time requests for the metrics (to measure what "
                    + "timing them costs; the other metrics stay).")
    boolean noRequestMetrics;

    @Option(
            names = "--verbose",
            description = "Also print the libraries' INFO lines (Jetty's start, Javalin's "
                    + "banner); the same as JAVA_OPTS=-D" + LOG_LEVEL_PROPERTY + "=info.")
    boolean verbose;

    /** slf4j-simple's default level (simplelogger.properties sets warn); read when the first logger is made. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    ServeSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    /** Checks the options before anything is opened, then hands over to the serving process until it stops. */
    @Override
    public Integer call() throws InterruptedException {
        if (verbose) {
            // before anything logs: no logger exists before the server's classes load, in runtime.serve
            System.setProperty(LOG_LEVEL_PROPERTY, "info");
        }
        Optional<Retraining> retraining = retraining();
        UserDirectory users = users();
        ServeSettings settings;
        try {
            settings = new ServeSettings(
                            host,
                            port,
                            users,
                            maxUploadMegabytes << 20,
                            sampleDir != null ? sampleDir : runtime.bundledSampleDir(),
                            pollEvery,
                            retraining)
                    .withRequestMetrics(!noRequestMetrics)
                    .withAllowedHosts(allowedHosts)
                    .withTrustedProxies(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        runtime.serve(database.jdbcUrl(), settings, spec.commandLine().getOut(), TerminalProgress.onStderr());
        return 0;
    }

    /** From {@code --users}, else the environment variable, else nobody (a local, open server). */
    private UserDirectory users() {
        if (usersFile != null) {
            return UserDirectory.read(usersFile);
        }
        String fromEnvironment = System.getenv(ServeSettings.USERS_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank()
                ? UserDirectory.NONE
                : UserDirectory.parse(ServeSettings.USERS_VARIABLE, fromEnvironment);
    }

    /** {@code --retrain-every} and {@code --watch-dir} go together. */
    private Optional<Retraining> retraining() {
        if ((retrainEvery == null) != (watchDir == null)) {
            throw new ParameterException(spec.commandLine(), "--retrain-every and --watch-dir go together");
        }
        return retrainEvery == null
                ? Optional.empty()
                : Optional.of(new Retraining(retrainEvery, new RetrainCommand(watchDir, retrainTolerance)));
    }
}
