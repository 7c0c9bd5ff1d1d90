package org.campaignrl.adapters.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.NothingServedException;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.CampaignAudience;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.CampaignAudienceCommand;
import org.campaignrl.application.port.in.RankAudiencesUseCase.RankAudiencesCommand;
import org.campaignrl.application.port.in.RankAudiencesUseCase.RankedAudience;
import org.campaignrl.application.port.in.RankAudiencesUseCase.RankedAudiences;
import org.campaignrl.application.port.in.ServingStatusUseCase.DatasetSummary;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.ranking.RankingMethod;

/**
 * The audience finder: the page, its CSV export and {@code GET /api/v1/audiences}, all reading one set of
 * query parameters (subjectId, method, minSends, confidence, emails, limit, and day…type to fix attributes).
 */
final class AudienceFinder {
    // The defaults of every query parameter, here once: the OpenAPI document states them too.
    // The ranking the held-out evaluation finds best (docs/learning-quality.md), as campaign plans use.
    static final RankingMethod DEFAULT_METHOD = RankingMethod.HELD_OUT_BEST;
    static final long DEFAULT_MIN_SENDS = 10;
    static final double DEFAULT_CONFIDENCE = 0.95;
    static final int DEFAULT_LIMIT = 20;
    static final long DEFAULT_EMAILS = 10_000;
    static final int DEFAULT_MAX_FIXED = 2;

    private final CampaignRl app;
    private final Pages pages;

    AudienceFinder(CampaignRl app, Pages pages) {
        this.app = app;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        Route.AUDIENCES_PAGE.register(routes, this::page);
        Route.AUDIENCES_CSV.register(routes, this::csv);
        Route.AUDIENCES.register(
                routes, ctx -> ctx.json(AudiencesJson.of(app.rankAudiences().rank(command(ctx)))));
    }

    private void page(Context ctx) {
        DatasetSummary dataset = app.servingStatus()
                .status()
                .activeDataset()
                .or(() -> app.servingStatus().status().latestDataset())
                .orElse(null);
        if (dataset == null) {
            pages.render(
                    ctx, "audiences.jte", AudiencesView.problem(null, "no dataset yet: ingest campaign logs first"));
            return;
        }
        try {
            RankAudiencesCommand command = command(ctx);
            RankedAudiences ranked = app.rankAudiences().rank(command);
            CampaignAudience rollout = null;
            try {
                rollout = app.campaignAudience().audience(new CampaignAudienceCommand(command.subjectId()));
            } catch (NothingServedException noModel) {
                // The ranking needs only data; the model's rollout is shown when there is one.
            }
            pages.render(ctx, "audiences.jte", AudiencesView.of(dataset, command, ranked, rollout, ctx.queryString()));
        } catch (InvalidCommandException | NotFoundException e) {
            ctx.status(e instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
            String problem =
                    e instanceof InvalidCommandException bad ? bad.field() + ": " + bad.problem() : e.getMessage();
            pages.render(ctx, "audiences.jte", AudiencesView.problem(dataset, problem));
        }
    }

    private void csv(Context ctx) {
        RankedAudiences ranked = app.rankAudiences().rank(command(ctx));
        StringBuilder csv = new StringBuilder("kind,rank,");
        for (Attribute attribute : Attribute.values()) {
            csv.append(Csv.cell(attribute.displayName())).append(',');
        }
        csv.append("sends,responses,conversion,lower,upper,expected_responses,expected_lower,expected_upper\n");
        rows(csv, "cell", ranked.cells());
        rows(csv, "segment", ranked.segments());
        ctx.header("Content-Disposition", "attachment; filename=\"audiences-subject-" + ranked.subjectId() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv.toString());
    }

    private static void rows(StringBuilder csv, String kind, List<RankedAudience> audiences) {
        for (int i = 0; i < audiences.size(); i++) {
            RankedAudience a = audiences.get(i);
            csv.append(kind).append(',').append(i + 1).append(',');
            for (String label : a.labels()) {
                csv.append(Csv.cell(label)).append(',');
            }
            csv.append(String.format(
                    Locale.ROOT,
                    "%d,%d,%.6f,%.6f,%.6f,%.2f,%.2f,%.2f%n",
                    a.sends(),
                    a.responses(),
                    a.conversion(),
                    a.lower(),
                    a.upper(),
                    a.expectedResponses(),
                    a.expectedLower(),
                    a.expectedUpper()));
        }
    }

    /** The first subject line when none is asked for; defaults as documented. */
    private RankAudiencesCommand command(Context ctx) {
        Fields query = new Fields(ctx::queryParam);
        int subjectId;
        if (query.text("subjectId") != null) {
            subjectId = query.requiredInt("subjectId");
        } else {
            subjectId = app.servingStatus()
                    .status()
                    .activeDataset()
                    .or(() -> app.servingStatus().status().latestDataset())
                    .map(d -> d.subjectIds().get(0))
                    .orElseThrow(() -> new NotFoundException("no dataset yet: ingest campaign logs first"));
        }
        int[] fixed = new int[Attribute.COUNT];
        fixed[0] = -1;
        for (int slot = 1; slot < Attribute.COUNT; slot++) {
            String name = ExplorerView.PARAMETERS.get(slot);
            fixed[slot] = query.text(name) == null || "any".equals(query.text(name)) ? -1 : query.requiredInt(name);
        }
        return new RankAudiencesCommand(
                subjectId,
                EvaluationApi.method(query.text("method"), DEFAULT_METHOD),
                query.text("minSends") == null ? DEFAULT_MIN_SENDS : query.requiredLong("minSends"),
                query.text("confidence") == null ? DEFAULT_CONFIDENCE : query.requiredDouble("confidence"),
                fixed,
                query.text("limit") == null ? DEFAULT_LIMIT : query.requiredInt("limit"),
                query.text("emails") == null ? DEFAULT_EMAILS : query.requiredLong("emails"),
                query.text("maxFixed") == null ? DEFAULT_MAX_FIXED : query.requiredInt("maxFixed"));
    }

    /** The JSON view of a ranking. */
    record AudiencesJson(
            long datasetId,
            int subjectId,
            String subject,
            String method,
            double confidence,
            long emails,
            List<AudienceJson> cells,
            List<AudienceJson> segments,
            BestDayJson bestDay) {
        static AudiencesJson of(RankedAudiences r) {
            return new AudiencesJson(
                    r.datasetId(),
                    r.subjectId(),
                    r.subjectLabel(),
                    r.method(),
                    r.confidence(),
                    r.emails(),
                    r.cells().stream().map(AudienceJson::of).toList(),
                    r.segments().stream().map(AudienceJson::of).toList(),
                    r.bestDay()
                            .map(d -> new BestDayJson(
                                    d.days().stream()
                                            .map(day -> new DayJson(
                                                    day.day(),
                                                    day.sends(),
                                                    day.responses(),
                                                    day.conversion(),
                                                    List.of(day.lower(), day.upper())))
                                            .toList(),
                                    d.certainty(),
                                    d.probabilityBestBeatsRunnerUp()))
                            .orElse(null));
        }
    }

    record AudienceJson(
            List<Integer> codes,
            List<String> labels,
            long sends,
            long responses,
            double conversion,
            List<Double> conversionCi,
            double score,
            Long customers,
            double expectedResponses,
            List<Double> expectedResponsesCi) {
        static AudienceJson of(RankedAudience a) {
            return new AudienceJson(
                    a.codes(),
                    a.labels(),
                    a.sends(),
                    a.responses(),
                    a.conversion(),
                    List.of(a.lower(), a.upper()),
                    Double.isFinite(a.score()) ? a.score() : 0,
                    a.customers() < 0 ? null : a.customers(),
                    a.expectedResponses(),
                    List.of(a.expectedLower(), a.expectedUpper()));
        }
    }

    record BestDayJson(List<DayJson> days, String certainty, double probabilityBestBeatsRunnerUp) {}

    record DayJson(String day, long sends, long responses, double conversion, List<Double> conversionCi) {}

    static List<String> methods() {
        List<String> names = new ArrayList<>();
        for (RankingMethod method : RankingMethod.values()) {
            names.add(method.name());
        }
        return names;
    }
}
