package org.campaignrl.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationProgress;
import org.campaignrl.data.GeneratorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `serve` in one process and CLI commands in others on the default kind of database, an H2 file (issue 16): each
 * sees what the other stored, a refused ingest changes nothing, activations from both sides leave one active
 * model, and the database outlives whichever process opened it first. Every wait is for a process's output or
 * the server's state.
 */
class SharedDatabaseProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private String db;
    private Path logs;
    private final List<CliProcess> started = new ArrayList<>();

    @BeforeEach
    void aDatabaseThatServesAModel() throws Exception {
        logs = folder.resolve("logs");
        new CampaignLogGenerator(new GeneratorSettings(3_000, 5)).writeTo(logs, GenerationProgress.NONE);
        db = "--db=jdbc:h2:file:" + folder.resolve("db/campaign-rl").toAbsolutePath();
        assertEquals(
                0,
                CliRun.in(folder, "ingest", "--data-dir", logs.toString(), db).exitCode());
        assertEquals(0, CliRun.in(folder, "train", "--episodes", "2000", db).exitCode());
    }

    @AfterEach
    void killWhatIsStillRunning() {
        started.forEach(CliProcess::close);
    }

    @Test
    void theCliWorksBesideARunningServer() throws Exception {
        CliProcess server = start("serve", "--port", "0", "--poll-every", "1s", db);
        String baseUrl = baseUrl(server);

        String listed = run("models", "list", db);
        assertTrue(listed.lines().anyMatch(line -> line.matches("\\*\\s+1\\s+1\\s.*")), listed);

        Path broken = folder.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("sent_emails.csv"), "Sent_Date,Customer_ID,SubjectLine_ID\n");
        CliProcess refused = start("ingest", "--data-dir", broken.toString(), db);
        assertNotEquals(0, refused.awaitExit(), refused.output());
        assertEquals(1, datasets(baseUrl).size(), "a refused ingest stores nothing");

        run("ingest", "--data-dir", logs.toString(), db);
        assertEquals(2, datasets(baseUrl).size(), "the server reads what the CLI stored");
        run("train", "--episodes", "2000", db);
        awaitServed(baseUrl, 2);

        // Activations from both sides at once: each is one transaction, and one model stays active.
        CliProcess activateOne = start("models", "activate", "1", db);
        HttpResponse<String> activateTwo = Http.send(baseUrl, "POST", "/api/v1/models/2/activate", "");
        assertEquals(200, activateTwo.statusCode(), activateTwo.body());
        assertEquals(0, activateOne.awaitExit(), activateOne.output());
        JsonNode models =
                JSON.readTree(Http.send(baseUrl, "GET", "/api/v1/models", "").body());
        long active = 0;
        for (JsonNode model : models) {
            active += model.get("active").asBoolean() ? 1 : 0;
        }
        assertEquals(1, active, models.toString());

        server.signal(false);
        server.awaitExit();
        String runs = run("runs", db);
        assertTrue(!runs.contains("RUNNING") && !runs.contains("interrupted"), runs);
    }

    /** The CLI opens the file first and holds it; the server starts beside it and keeps serving when it ends. */
    @Test
    void theServerKeepsTheDatabaseWhenTheCommandThatOpenedItFirstEnds() throws Exception {
        CliProcess training = start("train", "--episodes", "3000000", db);
        training.awaitLine(line -> line.startsWith("training: "));
        CliProcess server = start("serve", "--port", "0", "--poll-every", "1s", db);
        String baseUrl = baseUrl(server);
        assertEquals(1, datasets(baseUrl).size());
        assertEquals(0, training.awaitExit(), training.output());
        awaitServed(baseUrl, 2);
        run("ingest", "--data-dir", logs.toString(), db);
        assertEquals(2, datasets(baseUrl).size(), "the server reaches the database after its first holder left");
    }

    private static String baseUrl(CliProcess server) throws InterruptedException {
        Matcher serving = Pattern.compile("Serving model \\d+ from .* on (http://[^/]+)/")
                .matcher(server.awaitLine(line -> line.startsWith("Serving model ")));
        assertTrue(serving.find());
        return serving.group(1);
    }

    private static JsonNode datasets(String baseUrl) throws Exception {
        HttpResponse<String> answer = Http.send(baseUrl, "GET", "/api/v1/datasets", "");
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    /** Polls the server (its state, not a clock) until it serves this model version. */
    private static void awaitServed(String baseUrl, long model) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CliProcess.SAFETY_SECONDS);
        String served = "";
        while (System.nanoTime() < deadline) {
            served = Http.send(baseUrl, "POST", "/get-next-action", "{\"state\":[2,4,3,1,0,0,0],\"action\":2}")
                    .headers()
                    .firstValue("X-Model-Version")
                    .orElse("");
            if (served.equals(Long.toString(model))) {
                return;
            }
            Thread.sleep(50);
        }
        fail("model " + model + " not served; serving " + served);
    }

    private String run(String... args) throws Exception {
        CliProcess command = start(args);
        assertEquals(0, command.awaitExit(), String.join(" ", args) + ":\n" + command.output());
        return command.output();
    }

    private CliProcess start(String... args) throws IOException {
        CliProcess process = CliProcess.start(folder, args);
        started.add(process);
        return process;
    }
}
