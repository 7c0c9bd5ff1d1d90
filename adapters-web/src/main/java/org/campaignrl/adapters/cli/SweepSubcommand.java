package org.campaignrl.adapters.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.campaignrl.adapters.reports.SweepReport;
import org.campaignrl.application.port.in.SweepUseCase.SweepCommand;
import org.campaignrl.application.port.in.SweepUseCase.SweepPoint;
import org.campaignrl.domain.RewardRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "sweep",
        description = "Train over a grid of hyperparameters (models are not stored) and chart success "
                + "rate and mean |Q − Q*| against episodes.")
final class SweepSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(
            names = "--episodes",
            split = ",",
            defaultValue = "1000,5000,20000,100000",
            description = "Default: ${DEFAULT-VALUE}.")
    List<Integer> episodes;

    @Option(names = "--epsilon", split = ",", defaultValue = "0.1", description = "Default: ${DEFAULT-VALUE}.")
    List<Double> epsilons;

    @Option(names = "--alpha", split = ",", defaultValue = "0.1", description = "Default: ${DEFAULT-VALUE}.")
    List<Double> alphas;

    @Option(names = "--gamma", split = ",", defaultValue = "0.6", description = "Default: ${DEFAULT-VALUE}.")
    List<Double> gammas;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "Default: ${DEFAULT-VALUE}.")
    List<Long> seeds;

    @Option(names = "--max-steps", defaultValue = "100", description = "Default: ${DEFAULT-VALUE}.")
    int maxSteps;

    @Option(names = "--target-rate", defaultValue = "0.30", description = "Default: ${DEFAULT-VALUE}.")
    double targetRate;

    @Option(names = "--min-sends", defaultValue = "10", description = "Default: ${DEFAULT-VALUE}.")
    long minSends;

    @Option(names = "--reward-factor", defaultValue = "3", description = "Default: ${DEFAULT-VALUE}.")
    double rewardFactor;

    @Option(names = "--dataset", paramLabel = "ID", description = "Dataset id (default: the latest).")
    Long datasetId;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Writes sweep.csv and sweep.svg there.")
    Path out;

    SweepSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        SweepCommand command = new SweepCommand(
                episodes,
                epsilons,
                alphas,
                gammas,
                seeds,
                maxSteps,
                new RewardRule(targetRate, minSends, rewardFactor),
                Optional.ofNullable(datasetId));
        try (CliRuntime.Session session = runtime.open(database.jdbcUrl())) {
            List<SweepPoint> points = session.app().sweep().sweep(command, TerminalProgress.onStderr());
            Files.createDirectories(out);
            String csv = SweepReport.csv(points);
            Files.writeString(out.resolve("sweep.csv"), csv);
            Files.writeString(out.resolve("sweep.svg"), SweepReport.svg(points));
            var print = spec.commandLine().getOut();
            print.print(csv);
            print.printf(
                    Locale.ROOT,
                    "%d runs, %d goal cells; wrote %s and %s%n",
                    points.size(),
                    points.isEmpty() ? 0 : points.get(0).goalCells(),
                    out.resolve("sweep.csv"),
                    out.resolve("sweep.svg"));
        }
        return 0;
    }
}
