package org.campaignrl.adapters.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.campaignrl.adapters.reports.Format;
import org.campaignrl.application.model.ConvergenceSummary;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.in.JobsUseCase.JobView;
import org.campaignrl.application.port.in.ModelRegistryUseCase.FigurePair;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ModelComparison;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ModelDetails;
import org.campaignrl.application.port.in.RetrainingUseCase.RetrainingStatus;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.TrainingStats;

/**
 * The models page: every version with its quality figures and the actions on it, the training form with
 * its defaults, the job being watched, a comparison of two versions, and the active model's learning curve.
 */
public record ModelsPageView(
        List<Row> models,
        Defaults defaults,
        JobBox job,
        Comparison comparison,
        BarChartView curve,
        Retraining retraining,
        String problem,
        String notice) {

    /** The retraining schedule in words, and its decisions, newest first. */
    public record Retraining(String schedule, String lastRun, List<DecisionRow> decisions) {}

    public record DecisionRow(
            String when, String outcome, String dataset, String candidate, String active, String reason) {}

    /**
     * @param training    how it was trained, in words: "until converged" or "20,000 episodes"
     * @param convergence whether it converged and what its greedy policy does, in words
     * @param converged   "converged", "not converged" or "not measured", for styling
     */
    public record Row(
            long id,
            String created,
            long datasetId,
            String training,
            String epsilon,
            String alpha,
            String gamma,
            String seed,
            String targetRate,
            String minSends,
            String trainingGoalRate,
            String successRate,
            String meanSteps,
            String meanQError,
            String startedBy,
            boolean active,
            String convergence,
            String converged) {}

    /**
     * The form's starting values: the documented defaults. ε and α are left blank: their default depends on the
     * episodes chosen, and the placeholders say which.
     */
    public record Defaults(
            String episodes,
            String epsilonPlaceholder,
            String alphaPlaceholder,
            String gamma,
            int maxSteps,
            long seed,
            String targetRate,
            long minSends,
            String rewardFactor) {}

    public record Comparison(long a, long b, String changed, List<String> changedByAction, List<FigureRow> figures) {}

    public record FigureRow(String name, String a, String b, String difference) {}

    static ModelsPageView of(
            List<ModelSummary> models,
            JobView job,
            ModelComparison comparison,
            ModelDetails activeDetails,
            RetrainingStatus retraining,
            String problem,
            String notice) {
        TrainModelCommand d = TrainModelCommand.defaults();
        Defaults defaults = new Defaults(
                d.untilConverged() ? TrainingRequest.UNTIL_CONVERGED : String.valueOf(d.episodes()),
                placeholder(d.epsilon(), Hyperparameters.ORIGINAL.epsilon()),
                placeholder(d.alpha(), Hyperparameters.ORIGINAL.alpha()),
                Format.number(d.gamma()),
                d.maxSteps(),
                d.seed(),
                Format.number(d.targetRate()),
                d.minSends(),
                Format.number(d.rewardFactor()));
        return new ModelsPageView(
                models.stream().map(ModelsPageView::row).toList(),
                defaults,
                job == null ? null : JobBox.of(job),
                comparison == null ? null : comparison(comparison),
                activeDetails == null ? null : curve(activeDetails),
                retraining(retraining),
                problem,
                notice);
    }

    private static String placeholder(double untilConverged, double withCount) {
        return Format.number(untilConverged) + " (" + Format.number(withCount) + " with a number of episodes)";
    }

    private static Retraining retraining(RetrainingStatus status) {
        String schedule = status.schedule()
                .map(s -> "every " + s.every().toString().substring(2).toLowerCase(Locale.ROOT)
                        + " from " + s.watchDir() + ", tolerance " + Format.percent(s.tolerance()) + "; next run "
                        + Format.when(s.nextRunAt()))
                .orElse("not scheduled: serve --retrain-every DURATION --watch-dir DIR");
        String lastRun = status.lastRun()
                .map(d -> Format.when(d.decidedAt()) + ": "
                        + d.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + d.reason())
                .orElse("none yet");
        List<DecisionRow> decisions = status.decisions().stream()
                .map(d -> new DecisionRow(
                        Format.when(d.decidedAt()),
                        d.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        d.datasetId().map(String::valueOf).orElse("–"),
                        d.candidateModelId().map(String::valueOf).orElse("–"),
                        d.activeModelId().map(String::valueOf).orElse("–"),
                        d.reason()))
                .toList();
        return new Retraining(schedule, lastRun, decisions);
    }

    private static Row row(ModelSummary m) {
        var h = m.hyperparameters();
        ConvergenceSummary convergence = ConvergenceSummary.of(m.metrics());
        return new Row(
                m.id(),
                Format.when(m.createdAt()),
                m.datasetId(),
                h.length(),
                Format.number(h.epsilon()),
                Format.number(h.alpha()),
                Format.number(h.gamma()),
                Long.toString(h.seed()),
                Format.percent(m.rewardRule().targetRate()),
                Format.count(m.rewardRule().minSends()),
                Format.percent(m.trainingGoalRate()),
                figure(m, "success_rate", true),
                figure(m, "mean_steps", false) + " / " + figure(m, "mean_optimal_steps", false),
                figure(m, "mean_abs_q_error", false),
                m.startedBy(),
                m.active(),
                convergence.inWords(),
                convergence.verdict());
    }

    private static String figure(ModelSummary m, String name, boolean percent) {
        Double value = m.metrics().get(name);
        if (value == null) {
            return "–";
        }
        return percent ? Format.percent(value) : String.format(Locale.ROOT, "%.3g", value);
    }

    private static Comparison comparison(ModelComparison c) {
        List<String> byAction = new ArrayList<>();
        for (int action = 0; action < Action.COUNT; action++) {
            byAction.add(Format.count(c.changedByAction().get(action)) + " now " + action + " · next "
                    + Action.ofCode(action).attribute().displayName());
        }
        List<FigureRow> figures = new ArrayList<>();
        for (FigurePair f : c.figures()) {
            figures.add(new FigureRow(f.name(), value(f.a()), value(f.b()), value(f.difference())));
        }
        return new Comparison(
                c.a().id(),
                c.b().id(),
                Format.count(c.changedStates()) + " of " + Format.count(c.comparedStates()) + " states ("
                        + Format.percent(c.changedShare()) + ")",
                byAction,
                figures);
    }

    private static String value(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.4g", value);
    }

    /** The share of episodes reaching a goal per window of the active model's training, as bars. */
    private static BarChartView curve(ModelDetails details) {
        List<TrainingStats.CurvePoint> points = details.curve();
        int step = Math.max(1, points.size() / 20);
        List<String> labels = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        List<String> detail = new ArrayList<>();
        for (int i = step - 1; i < points.size(); i += step) {
            TrainingStats.CurvePoint p = points.get(i);
            labels.add("episode " + Format.count(p.episode()));
            rates.add(p.goalRate());
            detail.add(String.format(
                    Locale.ROOT,
                    "up to episode %,d: %.1f %% reached a goal, %.1f steps on average",
                    p.episode(),
                    100 * p.goalRate(),
                    p.meanSteps()));
        }
        return BarChartView.of(
                "Learning curve of model " + details.summary().id() + ": episodes reaching a goal",
                "learning-curve",
                labels,
                rates,
                detail);
    }
}
