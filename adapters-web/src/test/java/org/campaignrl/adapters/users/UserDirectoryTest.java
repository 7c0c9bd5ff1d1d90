package org.campaignrl.adapters.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserDirectoryTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void a_token_finds_its_user_and_only_its_hash_is_kept() {
        String token = UserDirectory.newToken(random);
        String line = UserDirectory.line(new User("eve", Role.ML_ENGINEER), token);
        UserDirectory users = UserDirectory.parse("users.txt", "# who may sign in\n\n" + line + "\n");

        assertEquals(Optional.of(new User("eve", Role.ML_ENGINEER)), users.authenticate(token));
        assertEquals(Optional.empty(), users.authenticate(token + "x"));
        assertEquals(Optional.empty(), users.authenticate(""));
        assertEquals(Optional.empty(), users.authenticate(null));
        assertFalse(line.contains(token), line);
        assertTrue(line.matches("eve ml-engineer sha256:[0-9a-f]{64}"), line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rw-rw-rw-", "rw--w----", "rw-----w-", "rwxrwxrwx"})
    void a_users_file_others_may_write_is_refused_naming_it(String mode, @TempDir Path folder) throws Exception {
        Path file = folder.resolve("users.txt");
        Files.writeString(file, UserDirectory.line(new User("eve", Role.ML_ENGINEER), UserDirectory.newToken(random)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> UserDirectory.read(file));

        assertEquals(
                "the users file " + file + " may be written by others than its owner (" + mode + "): whoever "
                        + "can write it can give themselves any role; make it the owner's alone: chmod 600 " + file,
                refused.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, UserDirectory.read(file).users().size(), "readable by others is no risk: it holds hashes");
    }

    @Test
    void a_new_users_file_is_its_owners_alone(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("users.txt");

        UserDirectory.createPrivately(file);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void tokens_are_256_random_bits_and_never_repeat() {
        String one = UserDirectory.newToken(random);
        assertTrue(one.matches("crl_[A-Za-z0-9_-]{43}"), one);
        assertFalse(one.equals(UserDirectory.newToken(random)));
    }

    @Test
    void an_environment_variable_may_separate_lines_with_semicolons() {
        String a = UserDirectory.newToken(random);
        String b = UserDirectory.newToken(random);
        UserDirectory users = UserDirectory.parse(
                "CAMPAIGN_RL_USERS",
                UserDirectory.line(new User("ann", Role.CAMPAIGN_MANAGER), a) + ";"
                        + UserDirectory.line(new User("eve", Role.ML_ENGINEER), b));

        assertEquals(2, users.users().size());
        assertEquals(Role.CAMPAIGN_MANAGER, users.authenticate(a).orElseThrow().role());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "eve ml-engineer                                   | users.txt line 2: expected 'name role sha256:<hex>'",
                "eve admin sha256:0000000000000000000000000000000000000000000000000000000000000000           | users.txt line 2 field 'role': unknown role 'admin'",
                "eve ml-engineer crl_plaintexttoken                | users.txt line 2 field 'token': expected sha256:",
                "e/ve ml-engineer sha256:0000000000000000000000000000000000000000000000000000000000000000    | users.txt line 2 field 'name'",
                "ann ml-engineer sha256:1111111111111111111111111111111111111111111111111111111111111111     | users.txt line 2 field 'name': 'ann' appears twice",
                "bob ml-engineer sha256:0000000000000000000000000000000000000000000000000000000000000000     | users.txt line 2 field 'token': the same token as another user",
            })
    void a_bad_line_is_refused_naming_the_file_line_and_field(String line, String message) {
        String first = "ann campaign-manager sha256:" + "0".repeat(64);

        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> UserDirectory.parse("users.txt", first + "\n" + line));

        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }
}
