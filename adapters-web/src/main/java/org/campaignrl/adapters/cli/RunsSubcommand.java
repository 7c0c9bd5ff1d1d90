package org.campaignrl.adapters.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.port.in.RunsUseCase.RecentRunsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "runs",
        description = "The recent ingests and trainings, whoever started them, and how each ended: "
                + "one interrupted by a crash or a kill is failed the next time the database is opened.")
final class RunsSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "" + RecentRunsCommand.DEFAULT_LIMIT,
            description = "How many, newest first (default: ${DEFAULT-VALUE}).")
    int limit;

    RunsSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        RecentRunsCommand query = new RecentRunsCommand(limit);
        try (CliRuntime.Session session = runtime.open(database.jdbcUrl())) {
            List<Run> runs = session.app().runs().recentRuns(query);
            if (runs.isEmpty()) {
                out().println("No runs yet.");
            }
            for (Run run : runs) {
                out().println(line(run));
                out().println("    " + run.subject());
                if (!run.message().isEmpty()) {
                    out().println("    " + run.message());
                }
            }
        }
        return 0;
    }

    /** "Run 3 TRAINING FAILED, started 2024-06-01T02:00:00Z on host:1234, 12.3 s". */
    static String line(Run run) {
        String took = run.finishedAt()
                .map(end -> ", " + seconds(Duration.between(run.startedAt(), end)))
                .orElse("");
        return String.format(
                Locale.ROOT,
                "Run %d %s %s, started %s on %s%s",
                run.id(),
                run.kind(),
                run.status(),
                run.startedAt(),
                run.owner(),
                took);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
