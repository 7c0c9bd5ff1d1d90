package org.campaignrl.adapters.cli;

import java.util.concurrent.Callable;
import org.campaignrl.application.model.ConvergenceSummary;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.in.ServingStatusUseCase.ServingStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "What is stored and which model is active.")
final class StatusSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    StatusSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        try (CliRuntime.Session session = runtime.open(database.jdbcUrl())) {
            ServingStatus status = session.app().servingStatus().status();
            out().println("Storage: " + session.storage());
            status.latestDataset()
                    .ifPresentOrElse(
                            d -> out().printf(
                                            "Latest dataset: %d, %,d sends, %,d cells with sends%n",
                                            d.id(), d.summary().sends(), d.nonEmptyCells()),
                            () -> out().println("No dataset yet."));
            if (status.models().isEmpty()) {
                out().println("No model yet.");
            }
            for (ModelSummary m : status.models()) {
                out().printf(
                                "Model %d%s: dataset %d, trained %s, seed %d, created %s; %s%n",
                                m.id(),
                                m.active() ? " (active)" : "",
                                m.datasetId(),
                                m.hyperparameters().length(),
                                m.hyperparameters().seed(),
                                m.createdAt(),
                                ConvergenceSummary.of(m.metrics()).inWords());
            }
        }
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
