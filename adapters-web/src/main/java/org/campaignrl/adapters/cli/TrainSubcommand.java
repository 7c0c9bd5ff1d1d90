package org.campaignrl.adapters.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", description = "Train a new model version on the latest dataset and activate it.")
final class TrainSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--episodes", defaultValue = "20000", description = "Episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--epsilon", defaultValue = "0.1", description = "Exploration rate ε (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--alpha", defaultValue = "0.1", description = "Learning rate α (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--gamma", defaultValue = "0.6", description = "Discount γ (default: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--max-steps", defaultValue = "100", description = "Step limit of an episode and of a rollout (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--target-rate", defaultValue = "0.30", description = "Goal: conversion above this (default: ${DEFAULT-VALUE}).")
    double targetRate;

    @Option(names = "--min-sends", defaultValue = "10", description = "Goal: more sends than this (default: ${DEFAULT-VALUE}).")
    long minSends;

    @Option(names = "--reward-factor", defaultValue = "3", description = "Goal reward = factor × 10 (default: ${DEFAULT-VALUE}).")
    double rewardFactor;

    @Option(names = "--start-state", split = ",", paramLabel = "S,D,T,E,A,G,C",
            description = "State of the first episode: subject id, then codes (default: the first state).")
    int[] startState;

    @Option(names = "--dataset", paramLabel = "ID", description = "Dataset id (default: the latest).")
    Long datasetId;

    @Option(names = "--no-activate", description = "Store the model without making it the active one.")
    boolean noActivate;

    @Option(names = "--by", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who starts the training, recorded with the model (default: the OS user, ${DEFAULT-VALUE}).")
    String startedBy;

    TrainSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        TrainModelCommand command = new TrainModelCommand(episodes, epsilon, alpha, gamma, maxSteps, seed,
                targetRate, minSends, rewardFactor, Optional.ofNullable(startState), Optional.ofNullable(datasetId),
                !noActivate, startedBy);
        try (CliRuntime.Session session = runtime.open(database.jdbcUrl());
             StopOnSignal stop = StopOnSignal.stopping(session, "the command was stopped")) {
            TrainOutcome outcome = session.app().trainModel().train(command, TerminalProgress.onStderr());
            var stats = outcome.stats();
            out().printf("Model %d trained on dataset %d in %.1f ms%s%n", outcome.modelId(), outcome.datasetId(),
                    outcome.trainingNanos() / 1e6, outcome.activated() ? " and activated" : " (not activated)");
            out().printf("  %,d episodes, %,d steps, %.1f %% of episodes reached one of %,d goal cells%n",
                    stats.episodes(), stats.totalSteps(), 100 * stats.goalRate(), outcome.goalCells());
        }
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
