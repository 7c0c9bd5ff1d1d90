package org.campaignrl.adapters.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code campaign-rl <command>}: exit code 0 on success; on failure non-zero with a one-line reason
 * on stderr (2 for a command line that does not parse, 1 for anything else).
 */
@Command(name = "campaign-rl", mixinStandardHelpOptions = true, version = "campaign-rl 0.1.0",
        description = "Learns which audience, and which day, to send a marketing email to, from past campaign logs.",
        subcommands = {GenerateSubcommand.class, IngestSubcommand.class, ExportCellsSubcommand.class, TrainSubcommand.class,
                EvaluateSubcommand.class, SweepSubcommand.class,
                NextActionSubcommand.class, AudienceSubcommand.class, StatusSubcommand.class, RunsSubcommand.class,
                ServeSubcommand.class,
                ModelsCommand.class, UsersCommand.class})
public final class CampaignRlCli {

    /** A command line whose subcommands get the runtime through picocli's factory. */
    public static CommandLine commandLine(CliRuntime runtime) {
        CommandLine commandLine = new CommandLine(new CampaignRlCli(), new RuntimeFactory(runtime));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("campaign-rl: " + oneLine(e));
            err.flush();
            return 1;
        });
        return commandLine;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ');
    }

    /** Hands the runtime to every command that has a constructor taking it. */
    private record RuntimeFactory(CliRuntime runtime) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliRuntime.class).newInstance(runtime);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
