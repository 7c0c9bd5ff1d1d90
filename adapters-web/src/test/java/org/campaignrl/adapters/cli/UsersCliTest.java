package org.campaignrl.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.campaignrl.adapters.users.Role;
import org.campaignrl.adapters.users.UserDirectory;
import org.campaignrl.boot.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertEquals(
                Role.CAMPAIGN_MANAGER,
                UserDirectory.read(file).authenticate(annToken).orElseThrow().role());
        assertEquals(1, twice.exitCode());
        assertTrue(twice.err().contains("'ann' appears twice"), twice.err());
        assertEquals(2, badRole.exitCode(), "a command line mistake");
        assertEquals(content, Files.readString(file), "refusals change nothing");
        assertEquals(
                "ann\tcampaign-manager\neve\tml-engineer\n",
                run("users", "list", "--file", file.toString()).out());
    }

    @Test
    void the_users_file_is_made_for_its_owner_alone_and_one_others_may_write_is_refused() throws Exception {
        Path file = folder.resolve("users.txt");

        assertEquals(
                0,
                run("users", "add", "ann", "--role", "campaign-manager", "--file", file.toString())
                        .exitCode());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        String content = Files.readString(file);
        CliRun add = run("users", "add", "eve", "--role", "ml-engineer", "--file", file.toString());
        CliRun serve = run(
                "serve",
                "--port",
                "0",
                "--users",
                file.toString(),
                "--db=jdbc:h2:file:" + folder.resolve("db/campaign-rl").toAbsolutePath());
        assertEquals(1, add.exitCode(), add.err());
        assertTrue(add.err().contains("may be written by others than its owner (rw-rw-rw-)"), add.err());
        assertTrue(add.err().contains("chmod 600 " + file), add.err());
        assertEquals(content, Files.readString(file), "nothing added");
        assertTrue(serve.exitCode() != 0 && serve.err().contains("may be written by others"), serve.err());
        assertFalse(Files.exists(folder.resolve("db")), "refused before the database opens");
    }

    @Test
    void serving_beyond_loopback_without_users_is_refused_before_anything_opens() {
        CliRun refused = run(
                "serve",
                "--host",
                "0.0.0.0",
                "--port",
                "0",
                "--db=jdbc:h2:file:" + folder.resolve("db/campaign-rl").toAbsolutePath());

        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("--host 0.0.0.0 needs users"), refused.err());
        assertFalse(Files.exists(folder.resolve("db")), "no database created");
    }

    private CliRun run(String... args) {
        return CliRun.in(folder, args);
    }
}
