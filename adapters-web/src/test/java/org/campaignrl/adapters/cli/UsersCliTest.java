package org.campaignrl.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.campaignrl.adapters.users.Role;
import org.campaignrl.adapters.users.UserDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.campaignrl.boot.CliRun;

/** {@code users add|list} write the file {@code serve --users} reads; {@code serve} beyond loopback needs it. */
class UsersCliTest {
    @TempDir
    Path folder;

    @Test
    void adding_users_prints_each_token_once_and_the_file_keeps_only_hashes() throws Exception {
        Path file = folder.resolve("users.txt");

        CliRun ann = run("users", "add", "ann", "--role", "campaign-manager", "--file", file.toString());
        CliRun eve = run("users", "add", "eve", "--role", "ml-engineer", "--file", file.toString());
        CliRun twice = run("users", "add", "ann", "--role", "ml-engineer", "--file", file.toString());
        CliRun badRole = run("users", "add", "bob", "--role", "admin", "--file", file.toString());

        assertEquals(0, ann.exitCode(), ann.err());
        assertEquals(0, eve.exitCode(), eve.err());
        String annToken = ann.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        String content = Files.readString(file);
        assertFalse(content.contains(annToken), "no token in the file");
        assertEquals(Role.CAMPAIGN_MANAGER, UserDirectory.read(file).authenticate(annToken).orElseThrow().role());
        assertEquals(1, twice.exitCode());
        assertTrue(twice.err().contains("'ann' appears twice"), twice.err());
        assertEquals(2, badRole.exitCode(), "a command line mistake");
        assertEquals(content, Files.readString(file), "refusals change nothing");
        assertEquals("ann\tcampaign-manager\neve\tml-engineer\n", run("users", "list", "--file", file.toString()).out());
    }

    @Test
    void serving_beyond_loopback_without_users_is_refused_before_anything_opens() {
        CliRun refused = run("serve", "--host", "0.0.0.0", "--port", "0",
                "--db=jdbc:h2:file:" + folder.resolve("db/campaign-rl").toAbsolutePath());

        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("--host 0.0.0.0 needs users"), refused.err());
        assertFalse(Files.exists(folder.resolve("db")), "no database created");
    }

    private CliRun run(String... args) {
        return CliRun.in(folder, args);
    }
}
