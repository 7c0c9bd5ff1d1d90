package org.campaignrl.adapters.serving;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.campaignrl.adapters.web.WebServer;
import org.campaignrl.adapters.web.WebSettings;
import org.campaignrl.application.Background;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;

/**
 * The serving process, from start to stop: the server listening while the first model is loaded or made,
 * polling for a model activated elsewhere, scheduled retraining, and a clean stop on SIGTERM or Ctrl-C.
 */
public final class ServingProcess {
    private final ServeSettings settings;
    private final PrintWriter out;
    private final ProgressListener progress;

    /** Says what it does on {@code out}; the first model's ingest and training report to {@code progress}. */
    public ServingProcess(ServeSettings settings, PrintWriter out, ProgressListener progress) {
        this.settings = settings;
        this.out = out;
        this.progress = progress;
    }

    /** Serves the open database until the process is stopped; returns once it has stopped cleanly. */
    public void run(OpenDatabase database) throws InterruptedException {
        CampaignRl app = database.app();
        WebSettings web = new WebSettings(
                        WebSettings.inTemporaryFolder().uploadsFolder(),
                        settings.sampleDir().toString())
                .withUsers(settings.users())
                .withMaxUploadBytes(settings.maxUploadBytes())
                .withAllowedHosts(settings.allowedHosts())
                .withTrustedProxies(settings.trustedProxies());
        // Building and starting the server reads no data, and is most of a second of class loading and Jetty's
        // start: it goes on beside opening the database and loading, or making, the first model; meanwhile the
        // server answers 503 (see WebServer.startPreparing).
        database.metrics().timeRequests(settings.requestMetrics());
        Background<WebServer> listening = Background.start(
                "start-server",
                () -> new WebServer(app, web, database.metrics()).startPreparing(settings.host(), settings.port()));
        prepareFirstModel(app, database.databaseIsNew());
        WebServer server = listening.join();
        server.ready();
        ActiveModelPolling polling = ActiveModelPolling.start(app.refreshServing(), settings.pollEvery());
        Optional<ScheduledRetraining> retraining = settings.retraining().map(retrain -> {
            out.printf(
                    "Retraining every %s from %s, tolerance %s%n",
                    retrain.every(),
                    retrain.command().watchDir(),
                    retrain.command().tolerance());
            return ScheduledRetraining.start(app.retraining(), retrain.every(), retrain.command());
        });
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM or Ctrl-C: take no more requests, then abandon the job running (it stops at its next progress
        // report, storing nothing, and is recorded as failed) and close the database; the JVM waits for this.
        // Scheduled retraining is stopped last: stopping it interrupts its thread, which must not happen in
        // the middle of a database write.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stop();
                            polling.close();
                            database.stop("the server was stopped");
                            retraining.ifPresent(ScheduledRetraining::close);
                            stopped.countDown();
                        },
                        "shutdown"));
        long model = app.servingStatus().status().activeModel().map(m -> m.id()).orElse(0L);
        out.printf(
                "Serving model %d from %s on http://%s:%d/%n",
                model, database.storage(), settings.host(), server.port());
        out.println(
                settings.users().isEmpty()
                        ? "No users configured: no sign-in asked, listening on " + settings.host() + " only"
                        : settings.users().users().size() + " user(s) configured: sign-in required");
        stopped.await();
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
            Path dir = settings.sampleDir();
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("the database is empty and there is no sample to ingest at " + dir
                        + "; run 'campaign-rl ingest --data-dir DIR' first or pass --sample-dir");
            }
            out.println("Empty database: ingesting the sample in " + dir);
            out.flush();
            IngestLogsCommand ingest = IngestLogsCommand.inFolder(dir);
            Path rejects = Path.of(System.getProperty("java.io.tmpdir"), "campaign-rl-sample-rejects.csv");
            app.ingestLogs()
                    .ingest(
                            new IngestLogsCommand(ingest.sentEmails(), ingest.responded(), ingest.userbase(), rejects),
                            progress);
        }
        out.println("No active model: training one with the defaults");
        app.trainModel().train(TrainModelCommand.defaults().withStartedBy("serve"), progress);
    }
}
