package org.campaignrl.adapters.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.campaignrl.application.port.in.EvaluateModelUseCase.Evaluation;
import org.campaignrl.application.port.in.EvaluateModelUseCase.HeldOut;
import org.campaignrl.application.port.in.EvaluateModelUseCase.MethodResult;
import org.campaignrl.domain.ranking.evaluation.Estimate;
import org.campaignrl.adapters.reports.Format;

/** The evaluation page: the optimum figures, the users' fold report, and the held-out lift with intervals. */
public record EvaluationView(long modelId, List<String[]> quality, String foldReport, HeldOutView heldOut,
                             String problem) {

    public record HeldOutView(String split, String method, int topN, List<String[]> figures, BarChartView methods) {
    }

    static EvaluationView problem(String problem) {
        return new EvaluationView(0, List.of(), null, null, problem);
    }

    static EvaluationView of(Evaluation e) {
        List<String[]> quality = new ArrayList<>();
        e.quality().forEach((name, value) -> quality.add(new String[] {name,
                value == null || !Double.isFinite(value) ? "n/a" : String.format(Locale.ROOT, "%.4g", value)}));
        return new EvaluationView(e.modelId(), quality, e.folds().toText(), e.heldOut().map(EvaluationView::heldOut)
                .orElse(null), null);
    }

    private static HeldOutView heldOut(HeldOut h) {
        List<String[]> figures = List.of(
                row("Base rate", h.baseRate(), true),
                row("Top-" + h.topN() + " conversion", h.topConversion(), true),
                row("Oracle top-" + h.topN() + " conversion", h.oracleConversion(), true),
                row("Lift (top / base)", h.lift(), false),
                row("Regret (oracle − top)", h.regret(), true));
        BarChartView methods = BarChartView.of("Held-out top-" + h.topN() + " conversion by ranking method",
                "methods-chart", h.methods().stream().map(m -> m.method().toLowerCase(Locale.ROOT).replace('_', ' ')).toList(),
                h.methods().stream().map(m -> finite(m.topConversion().value())).toList(),
                h.methods().stream().map(EvaluationView::detail).toList());
        return new HeldOutView(h.split(), h.method(), h.topN(), figures, methods);
    }

    private static String detail(MethodResult m) {
        return m.method() + ": " + Format.percent(finite(m.topConversion().value())) + " (95 % interval "
                + Format.percent(finite(m.topConversion().lower())) + " – " + Format.percent(finite(m.topConversion().upper()))
                + "), lift " + String.format(Locale.ROOT, "%.2f", finite(m.lift().value()));
    }

    private static String[] row(String name, Estimate e, boolean percent) {
        return percent
                ? new String[] {name, Format.percent(finite(e.value())),
                        Format.percent(finite(e.lower())) + " – " + Format.percent(finite(e.upper()))}
                : new String[] {name, String.format(Locale.ROOT, "%.3f", finite(e.value())),
                        String.format(Locale.ROOT, "%.3f – %.3f", finite(e.lower()), finite(e.upper()))};
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
