package org.campaignrl.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.campaignrl.boot.CliRun;
import org.campaignrl.boot.Wiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command's help renders as written: picocli warns on System.err about a description it cannot format. */
class CliHelpTest {
    @TempDir
    Path folder;

    @Test
    void every_commands_help_renders_without_a_picocli_warning() {
        List<List<String>> commands = new ArrayList<>();
        collect(CampaignRlCli.commandLine(new Wiring(folder)), List.of(), commands);
        assertTrue(commands.size() > 10, commands.toString());

        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (List<String> command : commands) {
                List<String> args = new ArrayList<>(command);
                args.add("--help");
                CliRun help = CliRun.in(folder, args.toArray(String[]::new));
                assertEquals(0, help.exitCode(), command + ": " + help.err());
                assertTrue(help.out().startsWith("Usage: campaign-rl"), command + ": " + help.out());
                assertFalse(help.out().contains("%n"), command + ": " + help.out());
            }
        } finally {
            System.setErr(systemErr);
        }
        assertFalse(
                warnings.toString(StandardCharsets.UTF_8).contains("picocli WARN"),
                warnings.toString(StandardCharsets.UTF_8));
    }

    private static void collect(CommandLine parent, List<String> path, List<List<String>> into) {
        parent.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> command = new ArrayList<>(path);
            command.add(name);
            into.add(command);
            collect(sub, command, into);
        });
    }
}
