package org.campaignrl.adapters.cli;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.campaignrl.application.model.ConvergenceSummary;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.in.ManageModelsUseCase.ActivateModelCommand;
import org.campaignrl.application.port.in.ManageModelsUseCase.DeleteModelCommand;
import org.campaignrl.application.port.in.ModelRegistryUseCase.CompareModelsCommand;
import org.campaignrl.application.port.in.ModelRegistryUseCase.FigurePair;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ModelComparison;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ModelDetails;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ShowModelCommand;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.TrainingStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code models list|show|activate|rollback|compare|delete}: the model registry. A change of the
 * active model is one transaction; servers on the same database serve it within their poll interval.
 */
@Command(
        name = "models",
        description = "List, show, activate, roll back, compare and delete model versions.",
        subcommands = {
            ModelsCommand.ListModels.class,
            ModelsCommand.ShowModel.class,
            ModelsCommand.ActivateModel.class,
            ModelsCommand.Rollback.class,
            ModelsCommand.CompareModels.class,
            ModelsCommand.DeleteModel.class
        })
final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "name what to do: list, show, activate, rollback, compare " + "or delete");
    }

    @Command(name = "list", description = "Every model version, newest first; * marks the active one.")
    static final class ListModels extends DatabaseSubcommand {
        ListModels(CliRuntime runtime) {
            super(runtime);
        }

        @Override
        void run(CliRuntime.Session session) {
            var models = session.app().modelRegistry().models();
            if (models.isEmpty()) {
                out().println("No model yet: train one with 'campaign-rl train'.");
                return;
            }
            out().printf(
                            "  %6s %7s  %-20s  %-16s %-16s %-14s  %s%n",
                            "model", "dataset", "created (UTC)", "started by", "trained", "converged?", "metrics");
            for (ModelSummary m : models) {
                out().printf(
                                Locale.ROOT,
                                "%s %6d %7d  %-20s  %-16s %-16s %-14s  %s%n",
                                m.active() ? "*" : " ",
                                m.id(),
                                m.datasetId(),
                                when(m),
                                m.startedBy(),
                                m.hyperparameters().length(),
                                ConvergenceSummary.of(m.metrics()).verdict(),
                                metrics(m.metrics()));
            }
        }
    }

    @Command(name = "show", description = "One model version: settings, training, metrics, learning curve.")
    static final class ShowModel extends DatabaseSubcommand {
        @Parameters(paramLabel = "ID", description = "Model id.")
        long id;

        ShowModel(CliRuntime runtime) {
            super(runtime);
        }

        @Override
        void run(CliRuntime.Session session) {
            ModelDetails details = session.app().modelRegistry().model(new ShowModelCommand(id));
            ModelSummary m = details.summary();
            var h = m.hyperparameters();
            var r = m.rewardRule();
            out().printf(
                            "Model %d%s, trained on dataset %d at %s by %s%n",
                            m.id(), m.active() ? " (active)" : "", m.datasetId(), when(m), m.startedBy());
            out().printf(
                            Locale.ROOT,
                            "  trained %s%s, ε %s, α %s, γ %s, at most %d steps, seed %d%n",
                            h.length(),
                            h.untilConverged()
                                    ? String.format(Locale.ROOT, " (at most %,d episodes)", h.episodes())
                                    : "",
                            h.epsilon(),
                            h.alpha(),
                            h.gamma(),
                            h.maxSteps(),
                            h.seed());
            out().println("  " + ConvergenceSummary.of(m.metrics()).inWords());
            out().printf(
                            Locale.ROOT,
                            "  goal: conversion above %s on more than %d sends, reward factor %s%n",
                            r.targetRate(),
                            r.minSends(),
                            r.rewardFactor());
            out().printf(
                            Locale.ROOT,
                            "  training: %,d steps, %.1f %% of episodes reached a goal%n",
                            m.totalSteps(),
                            100 * m.trainingGoalRate());
            out().println("  metrics: " + (m.metrics().isEmpty() ? "none stored yet" : metrics(m.metrics())));
            if (!details.curve().isEmpty()) {
                out().println("  learning curve (episode: goal rate, mean steps):");
                int every = Math.max(1, details.curve().size() / 10);
                for (int i = 0; i < details.curve().size(); i++) {
                    if (i % every == 0 || i == details.curve().size() - 1) {
                        TrainingStats.CurvePoint point = details.curve().get(i);
                        out().printf(
                                        Locale.ROOT,
                                        "    %,9d: %5.1f %%, %5.1f%n",
                                        point.episode(),
                                        100 * point.goalRate(),
                                        point.meanSteps());
                    }
                }
            }
        }
    }

    @Command(name = "activate", description = "Serve this model version from now on.")
    static final class ActivateModel extends DatabaseSubcommand {
        @Parameters(paramLabel = "ID", description = "Model id.")
        long id;

        ActivateModel(CliRuntime runtime) {
            super(runtime);
        }

        @Override
        void run(CliRuntime.Session session) {
            OptionalLong before = activeId(session);
            ModelSummary now = session.app().manageModels().activate(new ActivateModelCommand(id));
            out().printf("Model %d is active%s%n", now.id(), was(before, now));
        }
    }

    @Command(name = "rollback", description = "Serve again the model that was active before the current one.")
    static final class Rollback extends DatabaseSubcommand {
        Rollback(CliRuntime runtime) {
            super(runtime);
        }

        @Override
        void run(CliRuntime.Session session) {
            OptionalLong before = activeId(session);
            ModelSummary now = session.app().manageModels().rollback();
            out().printf("Rolled back: model %d is active%s%n", now.id(), was(before, now));
        }
    }

    @Command(
            name = "compare",
            description = "Where model B's greedy action differs from model A's, and their "
                    + "quality figures side by side.")
    static final class CompareModels extends DatabaseSubcommand {
        @Parameters(index = "0", paramLabel = "A", description = "Baseline model id.")
        long a;

        @Parameters(index = "1", paramLabel = "B", description = "Model compared with it.")
        long b;

        CompareModels(CliRuntime runtime) {
            super(runtime);
        }

        @Override
        void run(CliRuntime.Session session) {
            ModelComparison c = session.app().modelRegistry().compare(new CompareModelsCommand(a, b));
            out().printf(
                            Locale.ROOT,
                            "Model %d → model %d: the greedy action changes in %,d of %,d states (%.1f %%)%n",
                            a,
                            b,
                            c.changedStates(),
                            c.comparedStates(),
                            100 * c.changedShare());
            if (c.statesOnlyInA() + c.statesOnlyInB() > 0) {
                out().printf(
                                "  the datasets differ: %,d states only in %d's, %,d only in %d's%n",
                                c.statesOnlyInA(), a, c.statesOnlyInB(), b);
            }
            for (Action action : Action.values()) {
                int changed = c.changedByAction().get(action.code());
                if (changed > 0) {
                    out().printf(
                                    "  %,9d now %s (%d)%n",
                                    changed, action.name().toLowerCase(Locale.ROOT), action.code());
                }
            }
            if (c.figures().isEmpty()) {
                out().println("  no quality figures stored for either model");
                return;
            }
            out().printf("  %-24s %12s %12s %12s%n", "figure", "model " + a, "model " + b, "difference");
            for (FigurePair figure : c.figures()) {
                out().printf(
                                "  %-24s %12s %12s %12s%n",
                                figure.name(), number(figure.a()), number(figure.b()), number(figure.difference()));
            }
        }
    }

    @Command(name = "delete", description = "Remove a model version with its curve and metrics (never the active one).")
    static final class DeleteModel extends DatabaseSubcommand {
        @Parameters(paramLabel = "ID", description = "Model id.")
        long id;

        DeleteModel(CliRuntime runtime) {
            super(runtime);
        }

        @Override
        void run(CliRuntime.Session session) {
            session.app().manageModels().delete(new DeleteModelCommand(id));
            out().printf("Model %d deleted%n", id);
        }
    }

    private static OptionalLong activeId(CliRuntime.Session session) {
        return session.app().modelRegistry().models().stream()
                .filter(ModelSummary::active)
                .mapToLong(ModelSummary::id)
                .findFirst();
    }

    private static String was(OptionalLong before, ModelSummary now) {
        return before.isEmpty()
                ? ""
                : before.getAsLong() == now.id() ? " (it was already)" : " (was " + before.getAsLong() + ")";
    }

    private static String when(ModelSummary m) {
        return m.createdAt().toString().replace('T', ' ').replaceFirst("\\.\\d+Z$|Z$", "");
    }

    private static String metrics(Map<String, Double> metrics) {
        return metrics.entrySet().stream()
                .map(e -> e.getKey() + "=" + number(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.4g", value);
    }
}
