package org.campaignrl.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.campaignrl.adapters.db.Storage;
import org.campaignrl.adapters.web.WebServer;
import org.campaignrl.adapters.web.WebSettings;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationProgress;
import org.campaignrl.data.GeneratorSettings;

/** A real server over a real H2 file database, for tests that speak HTTP to it. */
public final class ServedApp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Storage storage;
    public final CampaignRl app;
    public final WebServer server;
    /** Where {@link #withCampaigns} generated its logs (with their truth.json); null otherwise. */
    public final Path logs;

    private ServedApp(Storage storage, CampaignRl app, WebServer server) {
        this(storage, app, server, null);
    }

    private ServedApp(Storage storage, CampaignRl app, WebServer server, Path logs) {
        this.storage = storage;
        this.app = app;
        this.server = server;
        this.logs = logs;
    }

    /**
     * Generates a small seeded dataset and ingests it, customers kept, into an H2 file database (campaign plans
     * too); no model trained: plans are made on the latest dataset.
     */
    public static ServedApp withCampaigns(Path folder, WebSettings settings) {
        Path logs = folder.resolve("logs");
        try {
            new CampaignLogGenerator(new GeneratorSettings(4_000, 7)).writeTo(logs, GenerationProgress.NONE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Storage storage = Storage.open(Storage.defaultH2Url(folder.resolve("db")));
        CampaignRl app = TestWiring.wire(storage, Clock.systemUTC());
        app.ingestLogs().ingest(IngestLogsCommand.inFolder(logs), ProgressListener.NONE);
        return new ServedApp(storage, app, new WebServer(app, settings).start("127.0.0.1", 0), logs);
    }

    /** Generates a small seeded dataset, ingests it and trains a model, then serves it on a free port. */
    public static ServedApp trained(Path folder) throws Exception {
        return trained(folder, WebSettings.inTemporaryFolder());
    }

    public static ServedApp trained(Path folder, WebSettings settings) throws Exception {
        Path logs = folder.resolve("logs");
        new CampaignLogGenerator(new GeneratorSettings(4_000, 7)).writeTo(logs, GenerationProgress.NONE);
        ServedApp served = empty(folder, settings);
        served.app.ingestLogs().ingest(IngestLogsCommand.inFolder(logs), ProgressListener.NONE);
        served.app
                .trainModel()
                .train(smallTraining(5_000, TrainModelCommand.defaults().seed()), ProgressListener.NONE);
        return served;
    }

    /** The defaults but for a fixed, small number of episodes, activated. */
    public static TrainModelCommand smallTraining(int episodes, long seed) {
        return TrainModelCommand.defaults().withEpisodes(episodes).withSeed(seed);
    }

    /** A server over an empty database. */
    public static ServedApp empty(Path folder) {
        return empty(folder, WebSettings.inTemporaryFolder());
    }

    public static ServedApp empty(Path folder, WebSettings settings) {
        Storage storage = Storage.open(Storage.defaultH2Url(folder.resolve("db")));
        CampaignRl app = TestWiring.wire(storage, Clock.systemUTC());
        return new ServedApp(storage, app, new WebServer(app, settings).start("127.0.0.1", 0));
    }

    /** Polls {@code /api/v1/jobs/{id}} until the job has succeeded, failed or been cancelled; the surefire run's timeout bounds it. */
    public JsonNode finishedJob(long id) throws Exception {
        while (true) {
            JsonNode job = JSON.readTree(
                    Http.send(baseUrl(), "GET", "/api/v1/jobs/" + id, "").body());
            String state = job.get("state").asText();
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state)) {
                return job;
            }
            Thread.sleep(50);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
        storage.close();
    }
}
