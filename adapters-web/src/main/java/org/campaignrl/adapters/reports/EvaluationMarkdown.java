package org.campaignrl.adapters.reports;

import java.util.Locale;
import org.campaignrl.application.port.in.EvaluateModelUseCase.Evaluation;
import org.campaignrl.application.port.in.EvaluateModelUseCase.HeldOut;
import org.campaignrl.application.port.in.EvaluateModelUseCase.MethodResult;
import org.campaignrl.application.port.in.EvaluateModelUseCase.TruthResult;
import org.campaignrl.domain.ranking.evaluation.Estimate;

/** An evaluation as a Markdown report, for people. */
public final class EvaluationMarkdown {
    private EvaluationMarkdown() {}

    public static String of(Evaluation e) {
        StringBuilder md = new StringBuilder();
        md.append("# Evaluation of model ")
                .append(e.modelId())
                .append(" (dataset ")
                .append(e.datasetId())
                .append(")\n\n");
        md.append("## Against the exact optimum\n\n| figure | value |\n|---|---|\n");
        e.quality()
                .forEach((name, value) -> md.append("| ")
                        .append(name)
                        .append(" | ")
                        .append(fmt(value))
                        .append(" |\n"));
        md.append(
                        "\n`success_rate`: share of all start states whose greedy rollout enters a goal cell within the step ")
                .append("limit. `mean_steps` against `mean_optimal_steps`: over those successful starts. ")
                .append("`mean_abs_q_error`: mean |Q − Q*| over every state-action pair, Q* by value iteration.\n\n");
        md.append("## The existing users' protocol\n\n```\n")
                .append(e.folds().toText())
                .append("\n```\n\n");
        e.heldOut()
                .ifPresentOrElse(
                        h -> heldOut(md, h),
                        () -> md.append("## Held-out sends\n\n")
                                .append(
                                        "The dataset kept no held-out part: ingest with `--holdout-from DATE` or `--holdout-share S` ")
                                .append("to measure recommendations on sends the model has not seen.\n\n"));
        e.truth().ifPresent(t -> {
            md.append("## Against the known truth (")
                    .append(t.file())
                    .append(")\n\n")
                    .append("| ranking | mean true p of chosen | of the truly best | regret |\n|---|---|---|---|\n");
            for (TruthResult r : t.methods()) {
                md.append("| ")
                        .append(r.method())
                        .append(" | ")
                        .append(pct(r.chosenMean()))
                        .append(" | ")
                        .append(pct(r.bestMean()))
                        .append(" | ")
                        .append(pts(r.regret()))
                        .append(" |\n");
            }
            t.truthBestHeldOutConversion()
                    .ifPresent(best -> md.append("\nThe truly best cells (by true probability, ")
                            .append("same minimum of training sends) convert at ")
                            .append(pct(best.value()))
                            .append(" (")
                            .append(interval(best, true))
                            .append(") on the held-out sends.\n"));
            md.append('\n');
        });
        return md.toString();
    }

    private static void heldOut(StringBuilder md, HeldOut h) {
        md.append("## Held-out sends (")
                .append(h.split())
                .append(")\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "Top %d cells per subject line (at least %d sends) ranked by %s on the "
                                + "training part, measured on the held-out part; 95 %% intervals from %d bootstrap draws.%n%n",
                        h.topN(),
                        h.minSends(),
                        h.method(),
                        h.bootstrapSamples()))
                .append("| figure | value | 95 % interval |\n|---|---|---|\n")
                .append(row("base rate", h.baseRate(), true))
                .append(row("top-N conversion", h.topConversion(), true))
                .append(row("oracle top-N conversion", h.oracleConversion(), true))
                .append(row("lift (top / base)", h.lift(), false))
                .append(row("regret (oracle − top)", h.regret(), true))
                .append(
                        "\n| ranking | top-N conversion | 95 % interval | lift | over raw rate (paired 95 % interval) |\n")
                .append("|---|---|---|---|---|\n");
        for (MethodResult m : h.methods()) {
            md.append("| ")
                    .append(m.method())
                    .append(" | ")
                    .append(pct(m.topConversion().value()))
                    .append(" | ")
                    .append(interval(m.topConversion(), true))
                    .append(" | ")
                    .append(fmt(m.lift().value()))
                    .append(" | ")
                    .append(pts(m.overRawRate().value()))
                    .append(" (")
                    .append(pts(m.overRawRate().lower()))
                    .append(" – ")
                    .append(pts(m.overRawRate().upper()))
                    .append(") |\n");
        }
        md.append('\n');
    }

    private static String row(String name, Estimate e, boolean percent) {
        return "| " + name + " | " + (percent ? pct(e.value()) : fmt(e.value())) + " | " + interval(e, percent)
                + " |\n";
    }

    private static String interval(Estimate e, boolean percent) {
        return percent ? pct(e.lower()) + " – " + pct(e.upper()) : fmt(e.lower()) + " – " + fmt(e.upper());
    }

    private static String pct(double rate) {
        return Double.isFinite(rate) ? String.format(Locale.ROOT, "%.2f %%", 100 * rate) : "n/a";
    }

    private static String pts(double rate) {
        return Double.isFinite(rate) ? String.format(Locale.ROOT, "%.2f points", 100 * rate) : "n/a";
    }

    private static String fmt(Double value) {
        return value == null || !Double.isFinite(value) ? "n/a" : String.format(Locale.ROOT, "%.4g", value);
    }
}
