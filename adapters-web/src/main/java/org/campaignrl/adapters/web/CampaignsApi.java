package org.campaignrl.adapters.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.port.in.CampaignsUseCase;
import org.campaignrl.application.port.in.CampaignsUseCase.CampaignDetails;
import org.campaignrl.application.port.in.PlanCampaignUseCase;
import org.campaignrl.application.port.in.PlanCampaignUseCase.PlanCampaignCommand;
import org.campaignrl.domain.campaign.CalibrationRow;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.Expectation;
import org.campaignrl.domain.campaign.GroupConversion;
import org.campaignrl.domain.campaign.Lift;
import org.campaignrl.domain.campaign.PlanFigures;
import org.campaignrl.domain.campaign.Readout;

/**
 * {@code /api/v1/campaigns}: plan (stored), preview (not stored), list, show with the latest readout, and the send
 * list as CSV, streamed from storage to the client one row at a time. Answers are this class's JSON records.
 */
final class CampaignsApi {
    /** What a readout without sends says, on the API and the page alike. */
    static final String NO_SENDS_FOUND = "none of this plan's sends appear in the logs ingested since it was made";

    private final PlanCampaignUseCase planning;
    private final CampaignsUseCase campaigns;
    private final ObjectMapper mapper;
    private final Clock clock;

    CampaignsApi(PlanCampaignUseCase planning, CampaignsUseCase campaigns, ObjectMapper mapper, Clock clock) {
        this.planning = planning;
        this.campaigns = campaigns;
        this.mapper = mapper;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        Route.CAMPAIGNS.register(
                routes,
                ctx -> ctx.json(campaigns.list().stream().map(PlanJson::of).toList()));
        Route.PREVIEW_CAMPAIGN.register(routes, ctx -> ctx.json(PlanJson.of(planning.preview(command(ctx)))));
        Route.PLAN_CAMPAIGN.register(routes, ctx -> {
            CampaignPlan plan = planning.plan(command(ctx));
            ctx.status(HttpStatus.CREATED)
                    .header("Location", Route.CAMPAIGN.pathWith(plan.id()))
                    .json(PlanJson.of(plan));
        });
        Route.CAMPAIGN.register(
                routes, ctx -> ctx.json(CampaignJson.of(campaigns.show(DashboardApi.pathId(ctx, "id")))));
        Route.SEND_LIST.register(routes, ctx -> sendList(ctx, campaigns, DashboardApi.pathId(ctx, "id")));
    }

    private PlanCampaignCommand command(Context ctx) {
        return CampaignRequest.from(
                JsonBody.parse(mapper, ctx.body(), OpenApiSchemas.CAMPAIGN_PLAN_FIELDS)
                        .asFields(),
                today(clock));
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    /**
     * Streams a plan's send list as a download. An unknown plan is refused before anything is written; the rows go
     * out as storage hands them over, so the list never sits in memory.
     */
    static void sendList(Context ctx, CampaignsUseCase campaigns, long planId) throws Exception {
        campaigns.show(planId); // an unknown plan: 404 before the answer starts
        ctx.header("Content-Disposition", "attachment; filename=\"campaign-" + planId + "-send-list.csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        campaigns.exportSendList(planId, out);
        out.flush();
    }

    // --- the JSON shapes

    /** A plan as stored (id 0 for a preview); {@code budget} or {@code threshold} null, {@code day} null for best days. */
    record PlanJson(
            long id,
            int subjectId,
            Long budget,
            Double threshold,
            String day,
            String method,
            double explorationShare,
            double controlShare,
            String control,
            long seed,
            String startDate,
            long datasetId,
            Long modelId,
            String createdAt,
            FiguresJson figures) {
        static PlanJson of(CampaignPlan plan) {
            CampaignSettings s = plan.settings();
            return new PlanJson(
                    plan.id(),
                    s.subjectId(),
                    s.budget().isPresent() ? s.budget().getAsLong() : null,
                    s.threshold().isPresent() ? s.threshold().getAsDouble() : null,
                    s.day().map(Enum::name).orElse(null),
                    s.method().name(),
                    s.explorationShare(),
                    s.controlShare(),
                    s.control().name(),
                    s.seed(),
                    s.startDate().toString(),
                    plan.datasetId(),
                    plan.modelId().isPresent() ? plan.modelId().getAsLong() : null,
                    plan.createdAt().toString(),
                    FiguresJson.of(plan.figures()));
        }
    }

    record FiguresJson(
            long eligible,
            int audiences,
            long customers,
            ExpectationJson target,
            ExpectationJson explore,
            ExpectationJson control,
            ExpectationJson chosen) {
        static FiguresJson of(PlanFigures f) {
            return new FiguresJson(
                    f.eligible(),
                    f.audiences(),
                    f.customers(),
                    ExpectationJson.of(f.target()),
                    ExpectationJson.of(f.explore()),
                    ExpectationJson.of(f.control()),
                    ExpectationJson.of(f.chosen()));
        }
    }

    record ExpectationJson(long customers, double expected, double lower, double upper) {
        static ExpectationJson of(Expectation e) {
            return new ExpectationJson(e.customers(), e.expected(), e.lower(), e.upper());
        }
    }

    /** A plan and its newest readout (null when none was made yet). */
    record CampaignJson(PlanJson plan, ReadoutJson readout) {
        static CampaignJson of(CampaignDetails details) {
            return new CampaignJson(
                    PlanJson.of(details.plan()),
                    details.latestReadout().map(ReadoutJson::of).orElse(null));
        }
    }

    /** {@code groups}, {@code calibration} empty and {@code lift} null when the plan's sends were not found. */
    record ReadoutJson(
            long datasetId,
            String madeAt,
            boolean sendsFound,
            String message,
            List<GroupJson> groups,
            LiftJson lift,
            List<CalibrationJson> calibration) {
        static ReadoutJson of(CampaignReadout r) {
            Readout readout = r.readout().orElse(null);
            if (readout == null) {
                return new ReadoutJson(
                        r.datasetId(), r.madeAt().toString(), false, NO_SENDS_FOUND, List.of(), null, List.of());
            }
            return new ReadoutJson(
                    r.datasetId(),
                    r.madeAt().toString(),
                    true,
                    readout.lift()
                            .map(CampaignsApi::verdict)
                            .orElse("no lift: the plan has no control group with " + "sends to compare with"),
                    readout.groups().stream().map(GroupJson::of).toList(),
                    readout.lift().map(LiftJson::of).orElse(null),
                    readout.calibration().stream().map(CalibrationJson::of).toList());
        }
    }

    /** Whether the plan beat its control, in words. */
    static String verdict(Lift lift) {
        return lift.verdict().words() + ": " + lift.verdict().because();
    }

    /** {@code predicted} null when none of the group was sent. */
    record GroupJson(
            String group,
            long planned,
            long sent,
            long responded,
            double conversion,
            double lower,
            double upper,
            Double predicted) {
        static GroupJson of(GroupConversion g) {
            return new GroupJson(
                    g.group().label(),
                    g.planned(),
                    g.sent(),
                    g.responded(),
                    g.conversion().rate(),
                    g.conversion().lower(),
                    g.conversion().upper(),
                    finiteOrNull(g.predicted()));
        }
    }

    /** The relative lift and its interval are null when the control converted not at all. */
    record LiftJson(
            double absolute,
            double absoluteLower,
            double absoluteUpper,
            Double relative,
            Double relativeLower,
            Double relativeUpper,
            double incremental,
            double incrementalLower,
            double incrementalUpper,
            boolean beatsControl) {
        static LiftJson of(Lift l) {
            return new LiftJson(
                    l.absolute(),
                    l.absoluteLower(),
                    l.absoluteUpper(),
                    finiteOrNull(l.relative()),
                    finiteOrNull(l.relativeLower()),
                    finiteOrNull(l.relativeUpper()),
                    l.incremental(),
                    l.incrementalLower(),
                    l.incrementalUpper(),
                    l.beatsControl());
        }
    }

    record CalibrationJson(
            double fromPredicted,
            double toPredicted,
            long sent,
            double predicted,
            long responded,
            double observed,
            double observedLower,
            double observedUpper) {
        static CalibrationJson of(CalibrationRow c) {
            return new CalibrationJson(
                    c.fromPredicted(),
                    c.toPredicted(),
                    c.sent(),
                    c.predicted(),
                    c.responded(),
                    c.observed().rate(),
                    c.observed().lower(),
                    c.observed().upper());
        }
    }

    /** JSON has no NaN or infinity: an undefined figure is null. */
    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
