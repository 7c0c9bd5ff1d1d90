package org.campaignrl.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationProgress;
import org.campaignrl.data.GeneratorSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `serve` prints as it starts (issue 16): its own lines, where it listens, which model, who may sign in; the
 * libraries' INFO lines only with --verbose.
 */
class StartUpOutputProcessTest {
    @TempDir
    static Path folder;

    private static String db;

    @BeforeAll
    static void aDatabaseThatServesAModel() throws Exception {
        Path logs = folder.resolve("logs");
        new CampaignLogGenerator(new GeneratorSettings(3_000, 5)).writeTo(logs, GenerationProgress.NONE);
        db = "--db=jdbc:h2:file:" + folder.resolve("db/campaign-rl").toAbsolutePath();
        assertEquals(
                0,
                CliRun.in(folder, "ingest", "--data-dir", logs.toString(), db).exitCode());
        assertEquals(0, CliRun.in(folder, "train", "--episodes", "2000", db).exitCode());
    }

    @Test
    void serveStartsWithItsOwnLinesOnly() throws Exception {
        List<String> lines = startUp("serve", "--port", "0", db);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(
                lines.get(0)
                        .matches(
                                "Serving model 1 from H2 file .*campaign-rl\\.mv\\.db on http://127\\.0\\.0\\.1:\\d+/"),
                lines.get(0));
        assertEquals("No users configured: no sign-in asked, listening on 127.0.0.1 only", lines.get(1));
    }

    @Test
    void verboseAlsoShowsTheLibrariesLines() throws Exception {
        List<String> lines = startUp("serve", "--port", "0", "--verbose", db);
        assertTrue(
                lines.stream().anyMatch(line -> line.contains("INFO org.eclipse.jetty.server.Server")),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("Serving model 1 from ")), String.join("\n", lines));
    }

    /** The server's output up to its line about sign-in, which it prints last; then it is stopped. */
    private static List<String> startUp(String... args) throws Exception {
        try (CliProcess server = CliProcess.start(folder, args)) {
            server.awaitLine(line -> line.startsWith("No users configured"));
            return server.output().lines().toList();
        }
    }
}
