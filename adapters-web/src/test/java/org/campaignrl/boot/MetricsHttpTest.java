package org.campaignrl.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.campaignrl.adapters.cli.CliRuntime;
import org.campaignrl.adapters.web.WebServer;
import org.campaignrl.adapters.web.WebSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus metrics (issue 16), scraped after real requests, an ingest and a training, all through HTTP on a
 * server wired as `serve` wires it, with users: the scrape needs a signed-in role like the rest of the API.
 */
class MetricsHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    private CliRuntime.Session session;
    private WebServer server;
    private TestUsers users;

    @BeforeEach
    void serve() {
        users = TestUsers.fresh();
        session = new Wiring(folder)
                .open("jdbc:h2:file:" + folder.resolve("db/campaign-rl").toAbsolutePath());
        server = new WebServer(
                        session.app(), WebSettings.inTemporaryFolder().withUsers(users.directory()), session.metrics())
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
        session.close();
    }

    @Test
    void requestsIngestsTrainingsTheServedModelAndThePoolAreCounted() throws Exception {
        assertEquals(401, send("GET", "/api/v1/metrics", "", null).statusCode(), "no token, no metrics");

        Path logs = RegistryApp.logs(folder, 3);
        long dataset = awaitJob(send(
                "POST",
                "/api/v1/ingest-jobs",
                "{\"dataDir\": " + JSON.writeValueAsString(logs.toString()) + "}",
                users.engineerToken()));
        long model = awaitJob(send("POST", "/api/v1/training-jobs", "{\"episodes\": 1500}", users.engineerToken()));
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    200,
                    send("POST", "/get-next-action", "{\"state\":[2,4,3,1,0,0,0],\"action\":2}", users.managerToken())
                            .statusCode());
        }
        assertEquals(
                404, send("GET", "/api/v1/models/999", "", users.managerToken()).statusCode());

        HttpResponse<String> scrape = send("GET", "/api/v1/metrics", "", users.managerToken());
        assertEquals(200, scrape.statusCode(), scrape.body());
        assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        Map<String, Double> samples = samples(scrape.body());

        assertEquals(
                3.0,
                samples.get(
                        "http_server_requests_seconds_count{method=\"POST\",route=\"/get-next-action\",status=\"200\"}"),
                scrape.body());
        assertEquals(
                1.0,
                samples.get(
                        "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/models/{id}\",status=\"404\"}"));
        assertTrue(
                samples.keySet().stream()
                        .anyMatch(name -> name.startsWith("http_server_requests_seconds_bucket{")
                                && name.contains("route=\"/get-next-action\"")),
                "a latency histogram");
        assertEquals(1.0, samples.get("campaignrl_ingests_seconds_count{outcome=\"succeeded\"}"));
        assertEquals(1.0, samples.get("campaignrl_trainings_seconds_count{outcome=\"succeeded\"}"));

        JsonNode files = JSON.readTree(send("GET", "/api/v1/datasets/" + dataset, "", users.managerToken())
                        .body())
                .get("files");
        double accepted = 0;
        double read = 0;
        for (JsonNode file : files) {
            accepted += file.get("accepted").asLong();
            read += file.get("rowsRead").asLong();
        }
        assertEquals(accepted, samples.get("campaignrl_ingest_rows_total{result=\"accepted\"}"));
        assertEquals(read - accepted, samples.get("campaignrl_ingest_rows_total{result=\"rejected\"}"));

        assertEquals((double) model, samples.get("campaignrl_served_model_version"));
        JsonNode figures = null;
        for (JsonNode listed : JSON.readTree(
                send("GET", "/api/v1/models", "", users.managerToken()).body())) {
            if (listed.get("id").asLong() == model) {
                figures = listed.get("metrics");
            }
        }
        assertTrue(figures.size() > 0, figures.toString());
        figures.fields()
                .forEachRemaining(figure -> assertEquals(
                        figure.getValue().asDouble(),
                        samples.get("campaignrl_served_model_figure{name=\"" + figure.getKey() + "\"}"),
                        figure.getKey()));
        assertEquals(0.0, samples.get("campaignrl_jobs{state=\"running\"}"));
        assertEquals(0.0, samples.get("campaignrl_jobs{state=\"queued\"}"));
        assertTrue(samples.get("campaignrl_db_connections_max") > 0, scrape.body());
        assertTrue(samples.get("campaignrl_db_connections_active") >= 0, scrape.body());
    }

    /** Each sample line "name{labels} value", comments left out. */
    private static Map<String, Double> samples(String exposition) {
        Map<String, Double> samples = new HashMap<>();
        exposition
                .lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> {
                    int space = line.lastIndexOf(' ');
                    samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                });
        return samples;
    }

    /** Polls the job (the server's state, not a clock) until it succeeded; its result id. */
    private long awaitJob(HttpResponse<String> accepted) throws Exception {
        assertEquals(202, accepted.statusCode(), accepted.body());
        String job = accepted.headers().firstValue("Location").orElseThrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CliProcess.SAFETY_SECONDS);
        while (System.nanoTime() < deadline) {
            JsonNode view =
                    JSON.readTree(send("GET", job, "", users.managerToken()).body());
            switch (view.get("state").asText()) {
                case "SUCCEEDED" -> {
                    return view.get("resultId").asLong();
                }
                case "FAILED" -> fail("the job failed: " + view);
                default -> Thread.sleep(20);
            }
        }
        throw new AssertionError("the job did not end: " + job);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
