package org.campaignrl.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.campaignrl.boot.CliRun;
import org.campaignrl.boot.RegistryApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code campaign-rl models …} end to end over an H2 file database. */
class ModelsCliTest {
    @TempDir
    Path folder;

    @Test
    void listShowActivateRollbackCompareDelete() throws Exception {
        String db = "--db=jdbc:h2:file:" + folder.resolve("db/campaign-rl").toAbsolutePath();
        Path logs = RegistryApp.logs(folder, 5);
        assertEquals(0, run("ingest", "--data-dir", logs.toString(), db).exitCode());
        assertEquals(
                0,
                run("train", "--episodes", "1000", "--seed", "1", "--by", "ana", db)
                        .exitCode());
        assertEquals(0, run("train", "--episodes", "1000", "--seed", "2", db).exitCode());

        CliRun list = run("models", "list", db);
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().lines().anyMatch(line -> line.matches("\\*\\s+2\\s+1 .*")), list.out());
        assertTrue(list.out().lines().anyMatch(line -> line.matches(" \\s+1\\s+1 .* ana .*")), list.out());
        assertTrue(list.out().contains(System.getProperty("user.name")), list.out());

        CliRun show = run("models", "show", "1", db);
        assertTrue(
                show.out().startsWith("Model 1, trained on dataset 1")
                        && show.out().contains("by ana"),
                show.out());
        assertTrue(show.out().contains("learning curve"), show.out());

        CliRun compare = run("models", "compare", "1", "2", db);
        assertEquals(0, compare.exitCode(), compare.err());
        assertTrue(compare.out().startsWith("Model 1 → model 2: the greedy action changes in "), compare.out());

        CliRun activate = run("models", "activate", "1", db);
        assertEquals("Model 1 is active (was 2)", activate.out().strip());
        CliRun rollback = run("models", "rollback", db);
        assertEquals("Rolled back: model 2 is active (was 1)", rollback.out().strip());

        CliRun deleteActive = run("models", "delete", "2", db);
        assertEquals(1, deleteActive.exitCode());
        assertTrue(deleteActive.err().startsWith("campaign-rl: model 2 is the active model"), deleteActive.err());
        assertEquals("Model 1 deleted", run("models", "delete", "1", db).out().strip());
        CliRun nothingBefore = run("models", "rollback", db);
        assertEquals(1, nothingBefore.exitCode());
        assertTrue(nothingBefore.err().contains("nothing to roll back to"), nothingBefore.err());

        assertEquals(1, run("models", "show", "1", db).exitCode());
        assertEquals(2, run("models", "show", "one", db).exitCode());
        assertEquals(2, run("models", db).exitCode());
    }

    private CliRun run(String... args) {
        return CliRun.in(folder, args);
    }
}
