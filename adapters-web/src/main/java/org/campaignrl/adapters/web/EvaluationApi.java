package org.campaignrl.adapters.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.campaignrl.adapters.reports.EvaluationJson;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.port.in.EvaluateModelUseCase;
import org.campaignrl.application.port.in.EvaluateModelUseCase.EvaluateModelCommand;
import org.campaignrl.domain.ranking.RankingMethod;

/** {@code GET /api/v1/models/{id}/evaluation}: the same object as {@code evaluate --json}. */
final class EvaluationApi {
    private final EvaluateModelUseCase evaluateModel;

    EvaluationApi(EvaluateModelUseCase evaluateModel) {
        this.evaluateModel = evaluateModel;
    }

    void register(RoutesConfig routes) {
        Route.EVALUATE_MODEL.register(routes, this::evaluation);
    }

    private void evaluation(Context ctx) {
        EvaluateModelCommand d = EvaluateModelCommand.defaults(Optional.empty());
        Fields query = new Fields(ctx::queryParam);
        EvaluateModelCommand command = new EvaluateModelCommand(
                Optional.of(DashboardApi.pathId(ctx, "id")),
                method(query.text("method"), d.method()),
                query.text("top") == null ? d.topN() : query.requiredInt("top"),
                query.text("minSends") == null ? d.minSends() : query.requiredLong("minSends"),
                query.text("confidence") == null ? d.confidence() : query.requiredDouble("confidence"),
                query.text("bootstrap") == null ? d.bootstrapSamples() : query.requiredInt("bootstrap"),
                query.text("seed") == null ? d.seed() : query.requiredLong("seed"),
                d.samplesPerFold(),
                Optional.empty());
        ctx.json(EvaluationJson.of(evaluateModel.evaluate(command)));
    }

    static RankingMethod method(String text, RankingMethod fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return RankingMethod.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(
                    "method", "must be one of " + Arrays.toString(RankingMethod.values()) + ", was '" + text + "'");
        }
    }
}
