package org.campaignrl.adapters.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.campaignrl.adapters.users.Role;
import org.campaignrl.adapters.users.User;
import org.campaignrl.adapters.users.UserDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code campaign-rl users add|list}: the users file that {@code serve --users} reads. */
@Command(
        name = "users",
        description = "Manage the users file: who may sign in, with which role.",
        subcommands = {UsersCommand.Add.class, UsersCommand.List.class})
final class UsersCommand {

    @Command(
            name = "add",
            description =
                    "Add a user with a new random access token, printed once: the file keeps " + "only its SHA-256.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Letters, digits, . _ @ -")
        String name;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "campaign-manager (reads) or ml-engineer (also ingests, trains, activates, deletes).")
        String role;

        @Option(
                names = "--file",
                required = true,
                paramLabel = "FILE",
                description = "The users file (created if "
                        + "missing, readable and writable by its owner only; one others may write is refused).")
        Path file;

        @Override
        public Integer call() throws IOException {
            Role chosen = Role.labelled(role)
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(), "--role must be campaign-manager or ml-engineer, was '" + role + "'"));
            boolean exists = Files.exists(file);
            if (exists) {
                UserDirectory.refuseIfOthersMayWrite(file);
            }
            String existing = exists ? Files.readString(file, StandardCharsets.UTF_8) : "";
            String token = UserDirectory.newToken(new SecureRandom());
            String line = UserDirectory.line(new User(name, chosen), token);
            String updated = existing + (existing.isEmpty() || existing.endsWith("\n") ? "" : "\n") + line + "\n";
            // Parsing the whole result checks the name and refuses a duplicate before anything is written.
            UserDirectory.parse(file.toString(), updated);
            if (!exists) {
                UserDirectory.createPrivately(file);
            }
            Files.writeString(
                    file,
                    updated,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Added %s (%s) to %s. Their token, shown only now:%n%s%n",
                            name, chosen.label(), file, token);
            return 0;
        }
    }

    @Command(name = "list", description = "The users in a users file, with their roles.")
    static final class List implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The users file.")
        Path file;

        @Override
        public Integer call() {
            for (User user : UserDirectory.read(file).users()) {
                spec.commandLine()
                        .getOut()
                        .printf("%s\t%s%n", user.name(), user.role().label());
            }
            return 0;
        }
    }
}
