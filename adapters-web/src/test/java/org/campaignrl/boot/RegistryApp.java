package org.campaignrl.boot;

import java.nio.file.Path;
import java.time.Clock;
import org.campaignrl.adapters.web.WebServer;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationProgress;
import org.campaignrl.data.GeneratorSettings;

/** The application over some repositories, served on a free port; small logs and quick trainings to fill it. */
public final class RegistryApp implements AutoCloseable {
    public final CampaignRl app;
    public final WebServer server;

    public RegistryApp(DatasetRepository datasets, ModelRepository models) {
        this(TestWiring.wire(datasets, models, Clock.systemUTC()));
    }

    private RegistryApp(CampaignRl app) {
        this(app, new WebServer(app).start("127.0.0.1", 0));
    }

    public RegistryApp(CampaignRl app, WebServer server) {
        this.app = app;
        this.server = server;
    }

    /** 2 000 seeded customers' logs, written once into {@code folder}. */
    public static Path logs(Path folder, long seed) throws Exception {
        Path logs = folder.resolve("logs-" + seed);
        new CampaignLogGenerator(new GeneratorSettings(2_000, seed)).writeTo(logs, GenerationProgress.NONE);
        return logs;
    }

    public long ingest(Path logs) {
        return app.ingestLogs()
                .ingest(IngestLogsCommand.inFolder(logs), ProgressListener.NONE)
                .datasetId();
    }

    /** A short training run on the latest dataset, by {@code who}. */
    public long train(long seed, boolean activate, String who) {
        TrainModelCommand command = TrainModelCommand.defaults()
                .withEpisodes(1_500)
                .withMaxSteps(30)
                .withSeed(seed)
                .withActivate(activate)
                .withStartedBy(who);
        return app.trainModel().train(command, ProgressListener.NONE).modelId();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
        server.stop();
    }
}
