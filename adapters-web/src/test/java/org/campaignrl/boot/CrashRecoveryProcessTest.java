package org.campaignrl.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.campaignrl.application.model.Run;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationProgress;
import org.campaignrl.data.GeneratorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CLI as separate processes, stopped in the middle of an ingest or a training: by SIGKILL (nothing of
 * the process runs any more) or by SIGTERM (its shutdown hook stops the work). The next process opens the
 * database, serves the dataset and model that were served before, unchanged, and lists the run as failed:
 * interrupted, or abandoned. Every wait is for the process's output or state; the time limits only keep a
 * broken build from hanging and are far above what the work needs on a loaded machine.
 */
class CrashRecoveryProcessTest {
    private static final long SAFETY_SECONDS = CliProcess.SAFETY_SECONDS;
    /** Far more than any test waits for: the work is always stopped long before it could end. */
    private static final String ENDLESS_EPISODES = "50000000";

    private static final int SIGKILL_EXIT = 128 + 9;
    private static final int SIGTERM_EXIT = 128 + 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    /** A database with dataset 1 and the active model 1 (runs 1 and 2), copied for each test. */
    private static Path preparedDatabase;
    /** Logs whose sends take seconds to read: the signal comes while they are read. */
    private static Path bigLogs;

    @TempDir
    Path folder;

    private String db;
    private final List<CliProcess> started = new ArrayList<>();

    @BeforeAll
    static void prepareADatabaseThatServesAModel() throws Exception {
        Path smallLogs = shared.resolve("small");
        bigLogs = shared.resolve("big");
        new CampaignLogGenerator(new GeneratorSettings(3_000, 5)).writeTo(smallLogs, GenerationProgress.NONE);
        new CampaignLogGenerator(new GeneratorSettings(200_000, 6)).writeTo(bigLogs, GenerationProgress.NONE);
        repeatTheSends(bigLogs.resolve("sent_emails.csv"), 6);
        preparedDatabase = shared.resolve("db");
        String preparedDb = dbOption(preparedDatabase);
        inProcess(shared, "ingest", "--data-dir", smallLogs.toString(), preparedDb);
        inProcess(shared, "train", "--episodes", "3000", preparedDb);
    }

    /** The same sends {@code times} over (about a million each), under the one header. */
    private static void repeatTheSends(Path sentEmails, int times) throws IOException {
        byte[] once = Files.readAllBytes(sentEmails);
        int bodyStart = indexOfFirstLineEnd(once) + 1;
        try (OutputStream out = Files.newOutputStream(sentEmails, StandardOpenOption.APPEND)) {
            for (int i = 1; i < times; i++) {
                out.write(once, bodyStart, once.length - bodyStart);
            }
        }
    }

    private static int indexOfFirstLineEnd(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no header line");
    }

    @BeforeEach
    void copyThePreparedDatabase() throws IOException {
        Path copy = folder.resolve("db");
        Files.createDirectories(copy);
        try (var files = Files.list(preparedDatabase)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        db = dbOption(copy);
    }

    @AfterEach
    void killWhatIsStillRunning() {
        started.forEach(CliProcess::close);
    }

    @ParameterizedTest(name = "{0} stopped by {1}")
    @CsvSource({
        "ingest, SIGKILL",
        "train,  SIGKILL",
        "ingest, SIGTERM",
        "train,  SIGTERM",
    })
    void aCommandStoppedMidwayChangesNothingServedAndIsRecordedAsFailed(String command, String signal)
            throws Exception {
        String servedBefore = inProcess(folder, "status", db);
        CliProcess work = command.equals("ingest")
                ? start("ingest", "--data-dir", bigLogs.toString(), db)
                : start("train", "--episodes", ENDLESS_EPISODES, db);
        // Progress shows the work under way and in the log: reading the sends (an ingest goes no further than its
        // first file before its run is recorded), or the first hundredth of the episodes.
        work.awaitLine(line -> line.startsWith(command.equals("ingest") ? "reading sent_emails.csv" : "training: "));

        boolean killed = signal.equals("SIGKILL");
        work.signal(killed);
        assertEquals(killed ? SIGKILL_EXIT : SIGTERM_EXIT, work.awaitExit(), work.output());

        String runs = afterRestart("runs", db);
        String expectedKind = command.equals("ingest") ? "INGEST" : "TRAINING";
        String expectedWhy = killed ? Run.INTERRUPTED : "abandoned: the command was stopped";
        assertRun(runs, 3, expectedKind, work.process.pid(), expectedWhy);
        assertEquals(servedBefore, inProcess(folder, "status", db), "what is served changed");
    }

    @Test
    void aServerStoppedBySigtermAbandonsItsTrainingJobAndClosesTheDatabase() throws Exception {
        String servedBefore = inProcess(folder, "status", db);
        CliProcess server = start("serve", "--port", "0", db);
        Matcher serving = Pattern.compile("Serving model 1 from .* on (http://[^/]+)/")
                .matcher(server.awaitLine(line -> line.startsWith("Serving model ")));
        assertTrue(serving.find());
        String baseUrl = serving.group(1);

        HttpResponse<String> accepted =
                Http.send(baseUrl, "POST", "/api/v1/training-jobs", "{\"episodes\": " + ENDLESS_EPISODES + "}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        String job = accepted.headers().firstValue("Location").orElseThrow();
        awaitJobUnderWay(server, baseUrl, job);

        server.signal(false);
        assertEquals(SIGTERM_EXIT, server.awaitExit(), server.output());

        String runs = afterRestart("runs", db);
        assertRun(runs, 3, "TRAINING", server.process.pid(), "abandoned: the server was stopped");
        assertEquals(servedBefore, inProcess(folder, "status", db), "what is served changed");
    }

    /** Polls the job (the server's state, not a clock) until it has trained some episodes. */
    private static void awaitJobUnderWay(CliProcess server, String baseUrl, String job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SAFETY_SECONDS);
        while (System.nanoTime() < deadline) {
            JsonNode view = JSON.readTree(Http.send(baseUrl, "GET", job, "").body());
            String state = view.get("state").asText();
            if (state.equals("RUNNING") && view.get("done").asLong() > 0) {
                return;
            }
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                fail("the job ended on its own: " + view);
            }
            Thread.sleep(50);
        }
        fail("the job did not start:\n" + server.output());
    }

    /** The run with this id, in the {@code runs} listing, failed for {@code why} in process {@code pid}. */
    private static void assertRun(String runs, int id, String kind, long pid, String why) {
        Matcher run = Pattern.compile(
                        "(?m)^Run " + id + " (\\w+) (\\w+), started \\S+ on [^:]+:(\\d+), .*\\R.*\\R    (.*)$")
                .matcher(runs);
        assertTrue(run.find(), runs);
        assertEquals(
                List.of(kind, "FAILED", Long.toString(pid), why),
                List.of(run.group(1), run.group(2), run.group(3), run.group(4)),
                runs);
    }

    // --- processes

    private static String dbOption(Path folder) {
        return "--db=jdbc:h2:file:" + folder.resolve("campaign-rl").toAbsolutePath();
    }

    /** A command in this JVM, for what needs no process of its own; its output. */
    private static String inProcess(Path home, String... args) {
        CliRun run = CliRun.in(home, args);
        assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
        return run.out();
    }

    private CliProcess start(String... args) throws IOException {
        CliProcess process = CliProcess.start(folder, args);
        started.add(process);
        return process;
    }

    /** A new process, as after a restart: it has to open the database that the stopped one left. */
    private String afterRestart(String... args) throws Exception {
        CliProcess next = start(args);
        assertEquals(0, next.awaitExit(), next.output());
        return next.output();
    }
}
