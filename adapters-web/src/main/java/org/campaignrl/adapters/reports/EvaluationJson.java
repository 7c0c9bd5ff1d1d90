package org.campaignrl.adapters.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignrl.application.port.in.EvaluateModelUseCase.Evaluation;
import org.campaignrl.application.port.in.EvaluateModelUseCase.HeldOut;
import org.campaignrl.application.port.in.EvaluateModelUseCase.MethodResult;
import org.campaignrl.application.port.in.EvaluateModelUseCase.TruthComparison;
import org.campaignrl.application.port.in.EvaluateModelUseCase.TruthResult;
import org.campaignrl.domain.quality.FoldReport;
import org.campaignrl.domain.ranking.evaluation.Estimate;

/**
 * An evaluation as one JSON object, the same for {@code evaluate --json} and
 * {@code GET /api/v1/models/{id}/evaluation}: snake_case names, intervals as two numbers, and null where a
 * figure is undefined (JSON has no NaN).
 */
public final class EvaluationJson {
    private EvaluationJson() {}

    public static Map<String, Object> of(Evaluation evaluation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model_id", evaluation.modelId());
        json.put("dataset_id", evaluation.datasetId());
        evaluation.quality().forEach((name, value) -> json.put(name, number(value)));
        json.put("folds", folds(evaluation.folds()));
        json.put("folds_caveat", FoldReport.CAVEAT);
        json.put("heldout", evaluation.heldOut().map(EvaluationJson::heldOut).orElse(null));
        json.put("truth", evaluation.truth().map(EvaluationJson::truth).orElse(null));
        return json;
    }

    private static List<Map<String, Object>> folds(FoldReport report) {
        List<Map<String, Object>> folds = new ArrayList<>();
        for (FoldReport.Fold fold : report.folds()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("fold", fold.index());
            json.put("cells", fold.cells());
            json.put("starts", fold.starts());
            json.put("visits", fold.visits());
            json.put("average_conversion", number(fold.average()));
            json.put("median_conversion", number(fold.median()));
            json.put("minimum_conversion", number(fold.minimum()));
            json.put("maximum_conversion", number(fold.maximum()));
            folds.add(json);
        }
        return folds;
    }

    private static Map<String, Object> heldOut(HeldOut h) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("split", h.split());
        json.put("method", h.method());
        json.put("top_n", h.topN());
        json.put("min_sends", h.minSends());
        json.put("bootstrap_samples", h.bootstrapSamples());
        put(json, "base_rate", h.baseRate());
        put(json, "top10_conversion", h.topConversion());
        put(json, "oracle_top10_conversion", h.oracleConversion());
        put(json, "lift", h.lift());
        put(json, "regret", h.regret());
        List<Map<String, Object>> methods = new ArrayList<>();
        for (MethodResult m : h.methods()) {
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("method", m.method());
            put(method, "top10_conversion", m.topConversion());
            put(method, "lift", m.lift());
            put(method, "regret", m.regret());
            put(method, "over_raw_rate", m.overRawRate());
            methods.add(method);
        }
        json.put("methods", methods);
        return json;
    }

    private static Map<String, Object> truth(TruthComparison t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", t.file());
        List<Map<String, Object>> methods = new ArrayList<>();
        for (TruthResult r : t.methods()) {
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("method", r.method());
            method.put("chosen_true_mean", number(r.chosenMean()));
            method.put("best_true_mean", number(r.bestMean()));
            method.put("regret", number(r.regret()));
            methods.add(method);
        }
        json.put("methods", methods);
        t.truthBestHeldOutConversion().ifPresent(e -> put(json, "truth_best_heldout_conversion", e));
        return json;
    }

    /** {@code name}: the point estimate; {@code name_ci}: its 95 % interval. */
    private static void put(Map<String, Object> json, String name, Estimate estimate) {
        json.put(name, number(estimate.value()));
        json.put(name + "_ci", java.util.Arrays.asList(number(estimate.lower()), number(estimate.upper())));
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
