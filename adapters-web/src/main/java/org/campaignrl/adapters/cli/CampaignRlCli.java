package org.campaignrl.adapters.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code campaign-rl <command>}: exit code 0 on success; on failure non-zero with a one-line reason
 * on stderr (2 for a command line that does not parse, 1 for anything else).
 */
@Command(
        name = "campaign-rl",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        version = "campaign-rl 0.1.0",
        description = "Learns which audience, and which day, to send a marketing email to, from past campaign logs.")
public final class CampaignRlCli {
    /** Every command, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            GenerateSubcommand.class,
            AnswerPlanSubcommand.class,
            IngestSubcommand.class,
            ExportCellsSubcommand.class,
            TrainSubcommand.class,
            EvaluateSubcommand.class,
            SweepSubcommand.class,
            NextActionSubcommand.class,
            AudienceSubcommand.class,
            StatusSubcommand.class,
            RunsSubcommand.class,
            ServeSubcommand.class,
            CancelSubcommand.class,
            ModelsCommand.class,
            PlanSubcommand.class,
            CampaignsCommand.class,
            UsersCommand.class);

    /** A command line with every command; subcommands get the runtime through picocli's factory. */
    public static CommandLine commandLine(CliRuntime runtime) {
        return commandLine(runtime, COMMANDS);
    }

    /**
     * A command line for these arguments: when the first one names a command, with that command alone, else with
     * every command (for the help, or a mistyped command's suggestions). Picocli builds each command's model by
     * reflection, a visible share of every process's start for all of them (the figure: docs/performance.md); what a
     * command line of one command does with its arguments is what the full one does.
     */
    public static CommandLine forArguments(CliRuntime runtime, String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(runtime, List.of(command));
                }
            }
        }
        return commandLine(runtime);
    }

    private static CommandLine commandLine(CliRuntime runtime, List<Class<?>> commands) {
        CommandLine commandLine = new CommandLine(new CampaignRlCli(), new RuntimeFactory(runtime));
        commands.forEach(commandLine::addSubcommand);
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
