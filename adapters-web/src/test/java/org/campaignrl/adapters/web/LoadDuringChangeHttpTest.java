package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.campaignrl.application.port.in.ManageModelsUseCase.ActivateModelCommand;
import org.campaignrl.boot.ServedApp;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationProgress;
import org.campaignrl.data.GeneratorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steady load on both compatible endpoints while a new dataset is ingested and a new model trained and activated,
 * all over HTTP: no answer fails, and each answer is the one complete model it names in {@code X-Model-Version}
 * would give: for every request and version there is one body, the same one that version gives when it is served
 * alone afterwards.
 */
class LoadDuringChangeHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final int CLIENTS = 2;
    /** After the new model is active, each client keeps going for this many more answers. */
    private static final int ANSWERS_AFTER_ACTIVATION = 200;

    @TempDir
    Path folder;

    private record Answer(String request, int status, String version, String body) {}

    /** A request and a name for it in the messages. */
    private record Probe(String label, HttpRequest request) {}

    @Test
    void answers_never_fail_nor_mix_two_models_while_data_and_model_change() throws Exception {
        try (ServedApp served = ServedApp.trained(folder)) {
            Path newLogs = folder.resolve("new-logs");
            new CampaignLogGenerator(new GeneratorSettings(30_000, 99)).writeTo(newLogs, GenerationProgress.NONE);
            List<Probe> requests = probes(served.baseUrl());
            ConcurrentMap<String, Set<String>> bodies = new ConcurrentHashMap<>();
            List<Answer> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicLong served200 = new AtomicLong();
            AtomicLong afterActivation = new AtomicLong();
            AtomicBoolean activated = new AtomicBoolean();
            AtomicLong slowestMillis = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int offset = c;
                running.add(clients.submit(() -> {
                    for (int i = offset; !stop.get(); i++) {
                        Probe request = requests.get(i % requests.size());
                        long start = System.nanoTime();
                        Answer answer = send(request);
                        slowestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                        if (answer.status() != 200) {
                            failures.add(answer);
                            continue;
                        }
                        served200.incrementAndGet();
                        bodies.computeIfAbsent(
                                        answer.request() + " @ model " + answer.version(),
                                        key -> ConcurrentHashMap.newKeySet())
                                .add(answer.body());
                        if (activated.get()
                                && afterActivation.incrementAndGet() >= (long) ANSWERS_AFTER_ACTIVATION * CLIENTS) {
                            stop.set(true);
                        }
                    }
                    return null;
                }));
            }
            String oldVersion = Long.toString(served.app
                    .servingStatus()
                    .status()
                    .activeModel()
                    .orElseThrow()
                    .id());

            long beforeChange = served200.get();
            JsonNode ingest = waitFor(
                    served,
                    post(
                            served,
                            "/api/v1/ingest-jobs",
                            "{\"dataDir\":" + JSON.writeValueAsString(newLogs.toString()) + "}"));
            long duringIngest = served200.get() - beforeChange;
            JsonNode training = waitFor(
                    served,
                    post(served, "/api/v1/training-jobs", "{\"episodes\":300000,\"seed\":5,\"activate\":true}"));
            long duringTraining = served200.get() - beforeChange - duringIngest;
            activated.set(true);
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();

            String newVersion = Long.toString(training.get("resultId").asLong());
            assertEquals("SUCCEEDED", ingest.get("state").asText(), ingest.toString());
            assertEquals(List.of(), failures, "no answer failed");
            Map<String, Set<String>> byVersion = new TreeMap<>(bodies);
            Set<String> versions = new TreeSet<>();
            byVersion.keySet().forEach(key -> versions.add(key.substring(key.lastIndexOf(' ') + 1)));
            assertEquals(new TreeSet<>(List.of(oldVersion, newVersion)), versions, "answers came from both models");
            byVersion.forEach((key, distinct) -> assertEquals(1, distinct.size(), key + " answered " + distinct));
            for (String version : versions) {
                served.app.manageModels().activate(new ActivateModelCommand(Long.parseLong(version)));
                for (Probe request : requests) {
                    Answer alone = send(request);
                    Set<String> underLoad = byVersion.get(alone.request() + " @ model " + version);
                    if (underLoad != null) {
                        assertEquals(
                                Set.of(alone.body()),
                                underLoad,
                                alone.request() + " under load vs. alone, model " + version);
                    }
                }
            }
            System.out.printf(
                    "load during change: %,d answers (%,d during the ingest, %,d during training), "
                            + "errors: %d, slowest %d ms, models %s%n",
                    served200.get(), duringIngest, duringTraining, failures.size(), slowestMillis.get(), versions);
        }
    }

    /** Next actions from a spread of states, and each subject's audience. */
    private static List<Probe> probes(String baseUrl) {
        List<Probe> requests = new ArrayList<>();
        for (int subject = 1; subject <= 3; subject++) {
            for (int day = 0; day < 7; day += 3) {
                for (int action = 0; action < 7; action += 2) {
                    String body = "{\"state\":[" + subject + "," + day + ",0,0,0,0,0],\"action\":" + action + "}";
                    requests.add(new Probe(
                            "POST /get-next-action " + body,
                            HttpRequest.newBuilder(URI.create(baseUrl + "/get-next-action"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build()));
                }
            }
            String path = "/campaign-audience?subjectId=" + subject;
            requests.add(new Probe(
                    "GET " + path,
                    HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build()));
        }
        return requests;
    }

    private static Answer send(Probe probe) {
        String key = probe.label();
        try {
            HttpResponse<String> response = CLIENT.send(probe.request(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    key,
                    response.statusCode(),
                    response.headers().firstValue("X-Model-Version").orElse("(none)"),
                    response.body());
        } catch (Exception e) {
            return new Answer(key, -1, "(none)", e.toString());
        }
    }

    private static JsonNode post(ServedApp served, String path, String body) throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(served.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** The job once it has finished, which must be with success. */
    private static JsonNode waitFor(ServedApp served, JsonNode job) throws Exception {
        JsonNode finished = served.finishedJob(job.get("id").asLong());
        assertTrue(finished.get("state").asText().equals("SUCCEEDED"), finished.toString());
        return finished;
    }
}
