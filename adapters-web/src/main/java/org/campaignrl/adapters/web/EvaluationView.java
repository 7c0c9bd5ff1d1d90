package org.campaignrl.adapters.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.campaignrl.adapters.reports.Format;
import org.campaignrl.application.port.in.EvaluateModelUseCase.Evaluation;
import org.campaignrl.application.port.in.EvaluateModelUseCase.HeldOut;
import org.campaignrl.application.port.in.EvaluateModelUseCase.MethodResult;
import org.campaignrl.domain.ranking.evaluation.Estimate;

/** The evaluation page: the optimum figures, the users' fold report, and the held-out lift with intervals. */
public record EvaluationView(
        long modelId, List<String[]> quality, String foldReport, HeldOutView heldOut, String problem) {

    public record HeldOutView(String split, String method, int topN, List<String[]> figures, BarChartView methods) {}

    static EvaluationView problem(String problem) {
        return new EvaluationView(0, List.of(), null, null, problem);
    }

    /** How a figure of {@code PolicyQuality.figures()} is said: in words, and as a count, a share or a number. */
    private enum Kind {
        SHARE,
        COUNT,
        STEPS,
        NUMBER
    }

    private record Figure(String label, Kind kind) {}

    private static final Map<String, Figure> FIGURES = Map.ofEntries(
            Map.entry("success_rate", new Figure("Start states whose greedy path reaches a goal", Kind.SHARE)),
            Map.entry(
                    "success_rate_over_reachable",
                    new Figure("… of the start states that can reach a goal at all", Kind.SHARE)),
            Map.entry("mean_steps", new Figure("Mean steps of those paths", Kind.STEPS)),
            Map.entry("mean_optimal_steps", new Figure("Fewest steps possible from the same starts", Kind.STEPS)),
            Map.entry(
                    "mean_optimal_steps_all_reachable",
                    new Figure("Fewest steps possible from every start that can reach a goal", Kind.STEPS)),
            Map.entry("greedy_agreement", new Figure("States where the model chooses as the optimum does", Kind.SHARE)),
            Map.entry(
                    "mean_abs_q_error",
                    new Figure("Mean distance of the learned values from the optimal ones, |Q − Q*|", Kind.NUMBER)),
            Map.entry("goal_cells", new Figure("Goal cells", Kind.COUNT)),
            Map.entry("states", new Figure("States, each tried as a start", Kind.COUNT)),
            Map.entry("reachable_starts", new Figure("Start states that can reach a goal", Kind.COUNT)),
            Map.entry("successful_starts", new Figure("Start states whose greedy path reached one", Kind.COUNT)),
            Map.entry("max_steps", new Figure("Step limit of a path", Kind.COUNT)),
            Map.entry("gamma", new Figure("Discount γ the optimum is computed for", Kind.NUMBER)));

    static EvaluationView of(Evaluation e) {
        List<String[]> quality = new ArrayList<>();
        e.quality().forEach((name, value) -> quality.add(figure(name, value)));
        return new EvaluationView(
                e.modelId(),
                quality,
                e.folds().toText(),
                e.heldOut().map(EvaluationView::heldOut).orElse(null),
                null);
    }

    /** A figure's label and value in words: "Goal cells", "562"; an unknown one by its name. */
    static String[] figure(String name, Double value) {
        Figure figure = FIGURES.getOrDefault(name, new Figure(name.replace('_', ' '), Kind.NUMBER));
        if (value == null || !Double.isFinite(value)) {
            return new String[] {figure.label(), "n/a"};
        }
        String text = switch (figure.kind()) {
            case SHARE -> Format.percent(value);
            case COUNT -> Format.count(Math.round(value));
            case STEPS -> String.format(Locale.ROOT, "%.2f", value);
            case NUMBER -> String.format(Locale.ROOT, "%.4g", value);
        };
        return new String[] {figure.label(), text};
    }

    private static HeldOutView heldOut(HeldOut h) {
        List<String[]> figures = List.of(
                row("Base rate", h.baseRate(), true),
                row("Top-" + h.topN() + " conversion", h.topConversion(), true),
                row("Oracle top-" + h.topN() + " conversion", h.oracleConversion(), true),
                row("Lift (top / base)", h.lift(), false),
                row("Regret (oracle − top)", h.regret(), true));
        BarChartView methods = BarChartView.of(
                "Held-out top-" + h.topN() + " conversion by ranking method",
                "methods-chart",
                h.methods().stream()
                        .map(m -> m.method().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .toList(),
                h.methods().stream().map(m -> finite(m.topConversion().value())).toList(),
                h.methods().stream().map(EvaluationView::detail).toList());
        return new HeldOutView(h.split(), h.method(), h.topN(), figures, methods);
    }

    private static String detail(MethodResult m) {
        return m.method() + ": " + Format.percent(finite(m.topConversion().value())) + " (95 % interval "
                + Format.percent(finite(m.topConversion().lower())) + " – "
                + Format.percent(finite(m.topConversion().upper()))
                + "), lift "
                + String.format(Locale.ROOT, "%.2f", finite(m.lift().value()));
    }

    private static String[] row(String name, Estimate e, boolean percent) {
        return percent
                ? new String[] {
                    name,
                    Format.percent(finite(e.value())),
                    Format.percent(finite(e.lower())) + " – " + Format.percent(finite(e.upper()))
                }
                : new String[] {
                    name,
                    String.format(Locale.ROOT, "%.3f", finite(e.value())),
                    String.format(Locale.ROOT, "%.3f – %.3f", finite(e.lower()), finite(e.upper()))
                };
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
