package org.campaignrl.adapters.serving;

import static org.campaignrl.boot.RegistryHttp.json;
import static org.campaignrl.boot.RegistryHttp.modelVersion;
import static org.campaignrl.boot.RegistryHttp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.campaignrl.adapters.web.WebServer;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.memory.InMemoryStorage;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.in.RetrainingUseCase.RetrainCommand;
import org.campaignrl.boot.RegistryApp;
import org.campaignrl.boot.TestWiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled retraining as {@code serve --retrain-every 1h --watch-dir DIR} runs it, with the real
 * evaluation: logs without any response arrive, the model trained on them reaches no goal, and the
 * guard keeps the active model, saying why, in the API.
 */
class RetrainingHttpTest {
    @TempDir
    Path folder;

    @Test
    void aWorseDatasetIsRejectedAndTheReasonShown() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        CampaignRl app =
                TestWiring.wire(storage.datasets(), storage.models(), storage.retrainingHistory(), Clock.systemUTC());
        WebServer server = new WebServer(app).start("127.0.0.1", 0);
        Path watchDir = RegistryApp.logs(folder, 21);
        try {
            RegistryApp served = new RegistryApp(app, server);
            served.ingest(watchDir);
            long active = served.train(1, true, "ana");

            // The same logs again: nothing new. Then logs whose responses are lost: a worse dataset.
            RetrainCommand command = new RetrainCommand(watchDir, 0.02);
            assertEquals(
                    "NOTHING_NEW", app.retraining().retrain(command).outcome().name());
            Path responded = watchDir.resolve("responded.csv");
            Files.write(responded, List.of(Files.readAllLines(responded).get(0)));

            try (ScheduledRetraining scheduled =
                    ScheduledRetraining.start(app.retraining(), Duration.ofHours(1), command)) {
                JsonNode status = waitForADecision(served, Duration.ofSeconds(120));

                JsonNode kept = status.get("decisions").get(0);
                assertEquals("KEPT", kept.get("outcome").asText(), kept.toString());
                assertTrue(
                        kept.get("reason").asText().startsWith("worse than the active model: success_rate 0.000"),
                        kept.get("reason").asText());
                assertEquals(active, kept.get("activeModelId").asLong());
                assertEquals("PT1H", status.get("schedule").get("every").asText());
                assertEquals(
                        watchDir.toString(),
                        status.get("schedule").get("watchDir").asText());
                long candidate = kept.get("candidateModelId").asLong();
                ModelSummary stored = app.modelRegistry().models().get(0);
                assertEquals(candidate, stored.id());
                assertEquals("scheduler", stored.startedBy());
                assertEquals(0.0, stored.metrics().get("success_rate"));
                assertTrue(app.modelRegistry().models().get(1).metrics().get("success_rate") > 0);
            }
            assertEquals(
                    Long.toString(active),
                    modelVersion(send(
                            "POST",
                            served.url("/get-next-action"),
                            "{\"state\":["
                                    + app.datasetRegistry()
                                            .datasets()
                                            .get(0)
                                            .subjectIds()
                                            .get(0) + ",0,0,0,0,0,0],\"action\":0}")));
        } finally {
            server.stop();
        }
    }

    private static JsonNode waitForADecision(RegistryApp served, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = json(send("GET", served.url("/api/v1/retraining")));
            if (status.get("decisions").size() > 0) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no retraining decision after " + atMost);
    }
}
