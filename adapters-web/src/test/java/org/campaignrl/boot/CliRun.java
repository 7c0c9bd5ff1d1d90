package org.campaignrl.boot;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.campaignrl.adapters.cli.CampaignRlCli;
import picocli.CommandLine;

/**
 * One CLI command run in this JVM as {@code Main} runs it, wired over the install folder given, with its exit code
 * and what it printed.
 */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun in(Path installFolder, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CampaignRlCli.forArguments(new Wiring(installFolder), args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
