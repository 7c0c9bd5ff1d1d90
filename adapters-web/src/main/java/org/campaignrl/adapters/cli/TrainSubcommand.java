package org.campaignrl.adapters.cli;

import java.util.concurrent.Callable;
import org.campaignrl.application.model.ConvergenceSummary;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainOutcome;
import org.campaignrl.domain.Hyperparameters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "train",
        description = "Train a new model version on the latest dataset and activate it.",
        defaultValueProvider = TrainSubcommand.Defaults.class)
final class TrainSubcommand implements Callable<Integer> {
    static final String UNTIL_CONVERGED = "auto";

    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(
            names = "--episodes",
            paramLabel = "N|auto",
            converter = EpisodesConverter.class,
            description = "auto: train until the policy is the "
                    + "optimum's (at most " + Hyperparameters.DEFAULT_MAX_EPISODES
                    + " episodes); N: exactly N episodes from "
                    + "random starts, as the original service did (default: ${DEFAULT-VALUE}).")
    String episodes;

    @Option(
            names = "--epsilon",
            description = "Exploration rate ε (default: " + Hyperparameters.CONVERGING_EPSILON + " until converged, "
                    + Hyperparameters.ORIGINAL_EPSILON + " with --episodes N).")
    Double epsilon;

    @Option(
            names = "--alpha",
            description = "Learning rate α (default: " + Hyperparameters.CONVERGING_ALPHA + " until converged, "
                    + Hyperparameters.ORIGINAL_ALPHA + " with --episodes N).")
    Double alpha;

    @Option(names = "--gamma", description = "Discount γ (default: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(
            names = "--max-steps",
            description = "Step limit of an episode and of a rollout (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--target-rate", description = "Goal: conversion above this (default: ${DEFAULT-VALUE}).")
    double targetRate;

    @Option(names = "--min-sends", description = "Goal: more sends than this (default: ${DEFAULT-VALUE}).")
    long minSends;

    @Option(names = "--reward-factor", description = "Goal reward = factor × 10 (default: ${DEFAULT-VALUE}).")
    double rewardFactor;

    @Option(
            names = "--start-state",
            split = ",",
            paramLabel = "S,D,T,E,A,G,C",
            description = "State of the first episode of a fixed count: subject id, then codes (default: the first "
                    + "state).")
    int[] startState;

    @Option(names = "--dataset", paramLabel = "ID", description = "Dataset id (default: the latest).")
    Long datasetId;

    @Option(names = "--no-activate", description = "Store the model without making it the active one.")
    boolean noActivate;

    @Option(
            names = "--by",
            paramLabel = "NAME",
            defaultValue = "${sys:user.name}",
            description = "Who starts the training, recorded with the model (default: the OS user, ${DEFAULT-VALUE}).")
    String startedBy;

    /** The options' defaults are the training command's own ({@link TrainModelCommand#defaults()}). */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            if (!(argument instanceof OptionSpec option)) {
                return null;
            }
            TrainModelCommand d = TrainModelCommand.defaults();
            return switch (option.longestName()) {
                case "--episodes" -> d.untilConverged() ? UNTIL_CONVERGED : String.valueOf(d.episodes());
                case "--gamma" -> String.valueOf(d.gamma());
                case "--max-steps" -> String.valueOf(d.maxSteps());
                case "--seed" -> String.valueOf(d.seed());
                case "--target-rate" -> String.valueOf(d.targetRate());
                case "--min-sends" -> String.valueOf(d.minSends());
                case "--reward-factor" -> String.valueOf(d.rewardFactor());
                default -> null;
            };
        }
    }

    TrainSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        TrainModelCommand command = TrainModelCommand.defaults();
        if (!UNTIL_CONVERGED.equalsIgnoreCase(episodes.strip())) {
            command = command.withEpisodes(episodeCount());
        }
        if (epsilon != null) {
            command = command.withEpsilon(epsilon);
        }
        if (alpha != null) {
            command = command.withAlpha(alpha);
        }
        command = command.withGamma(gamma)
                .withMaxSteps(maxSteps)
                .withSeed(seed)
                .withTargetRate(targetRate)
                .withMinSends(minSends)
                .withRewardFactor(rewardFactor)
                .withActivate(!noActivate)
                .withStartedBy(startedBy);
        if (startState != null) {
            command = command.withStartState(startState);
        }
        if (datasetId != null) {
            command = command.withDataset(datasetId);
        }
        try (CliRuntime.Session session = runtime.open(database.jdbcUrl());
                StopOnSignal stop = StopOnSignal.stopping(session, "the command was stopped")) {
            TrainOutcome outcome = session.app().trainModel().train(command, TerminalProgress.onStderr());
            var stats = outcome.stats();
            out().printf(
                            "Model %d trained on dataset %d in %.1f ms%s%n",
                            outcome.modelId(),
                            outcome.datasetId(),
                            outcome.trainingNanos() / 1e6,
                            outcome.activated() ? " and activated" : " (not activated)");
            out().printf(
                            "  %,d episodes (%s), %,d steps, %,d goal cells%n",
                            stats.episodes(),
                            command.hyperparameters().length(),
                            stats.totalSteps(),
                            outcome.goalCells());
            out().printf("  %s%n", ConvergenceSummary.of(outcome.quality()).inWords());
        }
        return 0;
    }

    private int episodeCount() {
        return Integer.parseInt(episodes.strip());
    }

    /** "auto" or a whole number, checked as the command line is parsed (a usage error otherwise). */
    static final class EpisodesConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!UNTIL_CONVERGED.equalsIgnoreCase(value.strip())) {
                try {
                    Integer.parseInt(value.strip());
                } catch (NumberFormatException e) {
                    throw new CommandLine.TypeConversionException(
                            "'" + value + "' is neither " + UNTIL_CONVERGED + " nor a whole number");
                }
            }
            return value;
        }
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
