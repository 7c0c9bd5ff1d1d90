package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.campaignrl.boot.CliRun;
import org.campaignrl.boot.Http;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling jobs over real HTTP ({@code POST /api/v1/jobs/{id}/cancel}, and the page's Cancel button): a running
 * ingest and a running training stop at their next progress report, storing nothing; the dataset and model served
 * before still serve; the job ends CANCELLED and its run is recorded as cancelled, "cancelled: …". A queued job
 * never starts. Each waits on the job's own progress, never on a clock.
 */
class JobCancelHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static ServedApp served;

    @BeforeAll
    static void serve() throws Exception {
        served = ServedApp.trained(folder);
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void aRunningTrainingIsCancelledAndTheModelBeforeServesOn() throws Exception {
        String status = get("/health");
        String models = get("/api/v1/models");
        JsonNode job = start("/api/v1/training-jobs", "{\"episodes\":50000000}");
        awaitProgress(job.get("id").asLong());

        JsonNode asked = JSON.readTree(
                post("/api/v1/jobs/" + job.get("id").asLong() + "/cancel", "").body());
        JsonNode ended = served.finishedJob(job.get("id").asLong());

        assertTrue(List.of("RUNNING", "CANCELLED").contains(asked.get("state").asText()), asked.toString());
        assertEquals("CANCELLED", ended.get("state").asText(), ended.toString());
        assertEquals("stopped before storing anything", ended.get("outcome").asText());
        assertEquals(models, get("/api/v1/models"), "no model stored, the same one active");
        assertEquals(status, get("/health"));
        assertLatestRunCancelled("TRAINING");
    }

    @Test
    void aRunningIngestIsCancelledAndTheDatasetBeforeServesOn() throws Exception {
        // Sends of some 60 MB: the ingest reports progress every few MB, and is far from done when cancelled.
        Path logs = Files.createDirectories(folder.resolve("big"));
        Path small = folder.resolve("logs");
        Files.copy(small.resolve("userbase.csv"), logs.resolve("userbase.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(small.resolve("responded.csv"), logs.resolve("responded.csv"), StandardCopyOption.REPLACE_EXISTING);
        List<String> sends = Files.readAllLines(small.resolve("sent_emails.csv"));
        byte[] rows =
                String.join("\n", sends.subList(1, sends.size())).concat("\n").getBytes();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(logs.resolve("sent_emails.csv")))) {
            out.write((sends.get(0) + "\n").getBytes());
            for (long written = 0; written < 60L << 20; written += rows.length) {
                out.write(rows);
            }
        }
        String datasets = get("/api/v1/datasets");
        String overview = get("/api/v1/dataset/overview");
        JsonNode job = start("/api/v1/ingest-jobs", "{\"dataDir\":" + JSON.writeValueAsString(logs.toString()) + "}");
        awaitProgress(job.get("id").asLong());

        post("/api/v1/jobs/" + job.get("id").asLong() + "/cancel", "");
        JsonNode ended = served.finishedJob(job.get("id").asLong());

        assertEquals("CANCELLED", ended.get("state").asText(), ended.toString());
        assertEquals(datasets, get("/api/v1/datasets"), "no dataset stored");
        assertEquals(overview, get("/api/v1/dataset/overview"), "the same dataset served");
        assertLatestRunCancelled("INGEST");
    }

    @Test
    void aQueuedJobNeverStartsAndTheFormCancelsToo() throws Exception {
        JsonNode running = start("/api/v1/training-jobs", "{\"episodes\":50000000,\"activate\":false}");
        JsonNode queued = start("/api/v1/training-jobs", "{\"episodes\":100}");
        JsonNode asked = JSON.readTree(post("/api/v1/jobs/" + queued.get("id").asLong() + "/cancel", "")
                .body());
        assertEquals("CANCELLED", asked.get("state").asText(), asked.toString());
        assertEquals("before it started", asked.get("outcome").asText());

        awaitProgress(running.get("id").asLong());
        String page = get("/models?job=" + running.get("id").asLong());
        assertTrue(page.contains("action=\"/jobs/" + running.get("id").asLong() + "/cancel\""), "a Cancel button");
        var form =
                Http.send(served.baseUrl(), "POST", "/jobs/" + running.get("id").asLong() + "/cancel", "");
        assertEquals(303, form.statusCode());
        assertEquals(
                "/models?job=" + running.get("id").asLong(),
                form.headers().firstValue("Location").orElse(""));
        assertEquals(
                "CANCELLED",
                served.finishedJob(running.get("id").asLong()).get("state").asText());
        assertEquals(
                "CANCELLED",
                served.finishedJob(queued.get("id").asLong()).get("state").asText());

        assertEquals(404, post("/api/v1/jobs/987654321/cancel", "").statusCode());
    }

    /** The CLI's {@code cancel} asks the server's API. */
    @Test
    void theCliCancelsAServersJob() throws Exception {
        JsonNode running = start("/api/v1/training-jobs", "{\"episodes\":50000000,\"activate\":false}");
        awaitProgress(running.get("id").asLong());

        CliRun cancel = CliRun.in(folder, "cancel", running.get("id").asText(), "--server", served.baseUrl());

        assertEquals(0, cancel.exitCode(), cancel.err());
        assertTrue(cancel.out().startsWith("Job " + running.get("id").asLong() + ": "), cancel.out());
        assertEquals(
                "CANCELLED",
                served.finishedJob(running.get("id").asLong()).get("state").asText());
        CliRun unknown = CliRun.in(folder, "cancel", "987654321", "--server", served.baseUrl());
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("answered 404: no job with id 987654321"), unknown.err());
    }

    private static void assertLatestRunCancelled(String kind) throws Exception {
        JsonNode run = JSON.readTree(get("/api/v1/runs?limit=1")).get(0);
        assertEquals(kind, run.get("kind").asText(), run.toString());
        assertEquals("CANCELLED", run.get("status").asText(), run.toString());
        assertEquals("cancelled: the job was cancelled", run.get("message").asText(), run.toString());
    }

    /** Waits until the job has reported progress beyond its start: it is running its work. */
    private static void awaitProgress(long id) throws Exception {
        while (true) {
            JsonNode job = JSON.readTree(get("/api/v1/jobs/" + id));
            if (job.get("state").asText().equals("RUNNING") && job.get("done").asLong() > 0) {
                return;
            }
            assertTrue(List.of("QUEUED", "RUNNING").contains(job.get("state").asText()), job.toString());
            Thread.sleep(20);
        }
    }

    private static JsonNode start(String path, String body) throws Exception {
        var answer = post(path, body);
        assertEquals(202, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private static String get(String path) throws Exception {
        return Http.send(served.baseUrl(), "GET", path, "").body();
    }

    private static java.net.http.HttpResponse<String> post(String path, String body) throws Exception {
        return Http.send(served.baseUrl(), "POST", path, body);
    }
}
