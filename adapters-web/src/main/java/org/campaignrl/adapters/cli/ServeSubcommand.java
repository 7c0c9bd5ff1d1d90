package org.campaignrl.adapters.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.campaignrl.adapters.web.WebServer;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Option(names = "--sample-dir", paramLabel = "DIR", description = "Logs to ingest when the database is empty "
            + "(default: the bundled sample).")
    Path sampleDir;

    ServeSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws InterruptedException {
        CliRuntime.Session session = runtime.open(database.jdbcUrl());
        CampaignRl app = session.app();
        prepareFirstModel(app);
        WebServer server = new WebServer(app).start(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            session.close();
            stopped.countDown();
        }, "shutdown"));
        long model = app.servingStatus().status().activeModel().map(m -> m.id()).orElse(0L);
        out().printf("Serving model %d from %s on http://%s:%d/%n", model, session.storage(), host, server.port());
        stopped.await();
        return 0;
    }

    /** On an empty database: ingest the sample (if there is no dataset) and train with the defaults. */
    private void prepareFirstModel(CampaignRl app) {
        var status = app.servingStatus().status();
        if (status.activeModel().isPresent()) {
            return;
        }
        if (status.latestDataset().isEmpty()) {
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
        app.trainModel().train(TrainModelCommand.defaults(), TerminalProgress.onStderr());
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
