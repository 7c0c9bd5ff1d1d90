package org.campaignrl.adapters.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.campaignrl.adapters.reports.Format;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.port.in.PlanCampaignUseCase.PlanCampaignCommand;
import org.campaignrl.application.port.in.ServingStatusUseCase.DatasetSummary;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.campaignrl.domain.campaign.Expectation;

/**
 * The Campaigns page, already formatted: the plan form (null without a dataset), its problem when a plan was
 * refused, and every plan, newest first.
 */
public record CampaignsPageView(Form form, String problem, List<PlanRow> plans) {

    /** The form's fields, each with the value to show: the one submitted after a refusal, else the default. */
    public record Form(
            List<AudiencesView.Choice> subjects,
            String budget,
            String threshold,
            List<AudiencesView.Choice> days,
            List<AudiencesView.Choice> methods,
            String explorationShare,
            String controlShare,
            List<AudiencesView.Choice> controls,
            String seed,
            String startDate,
            String previewUrl) {}

    public record PlanRow(
            long id,
            String href,
            String created,
            String subject,
            String size,
            String customers,
            String expected,
            String interval) {}

    /** The budget the form suggests. */
    static final String DEFAULT_BUDGET = "1000";

    static CampaignsPageView of(
            DatasetSummary dataset, List<CampaignPlan> plans, Fields submitted, LocalDate today, String problem) {
        return new CampaignsPageView(
                dataset == null ? null : form(dataset, submitted, today),
                problem,
                plans.stream().map(CampaignsPageView::row).toList());
    }

    private static Form form(DatasetSummary dataset, Fields submitted, LocalDate today) {
        String subject = value(
                submitted, "subjectId", Integer.toString(dataset.subjectIds().get(0)));
        List<AudiencesView.Choice> subjects = dataset.subjectIds().stream()
                .map(id -> new AudiencesView.Choice(
                        Integer.toString(id),
                        "Email Subject " + id,
                        Integer.toString(id).equals(subject)))
                .toList();
        String day = value(submitted, "day", CampaignRequest.BEST_DAY);
        List<AudiencesView.Choice> days = new ArrayList<>();
        days.add(new AudiencesView.Choice(
                CampaignRequest.BEST_DAY, "each audience's best day", CampaignRequest.BEST_DAY.equalsIgnoreCase(day)));
        for (DayOfWeek d : DayOfWeek.values()) {
            days.add(new AudiencesView.Choice(
                    d.name(),
                    d.getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    d.name().equalsIgnoreCase(day)));
        }
        String method = value(submitted, "method", CampaignSettings.DEFAULT_METHOD.name());
        List<AudiencesView.Choice> methods = AudienceFinder.methods().stream()
                .map(m -> new AudiencesView.Choice(
                        m,
                        m.toLowerCase(Locale.ROOT).replace('_', ' ')
                                + (m.equals(CampaignSettings.DEFAULT_METHOD.name()) ? " (best on held-out sends)" : ""),
                        m.equalsIgnoreCase(method)))
                .toList();
        String control = value(submitted, "control", ControlTreatment.BUSINESS_AS_USUAL.name());
        List<AudiencesView.Choice> controls = List.of(
                new AudiencesView.Choice(
                        ControlTreatment.BUSINESS_AS_USUAL.name(),
                        "the same subject line, business as usual",
                        ControlTreatment.BUSINESS_AS_USUAL.name().equalsIgnoreCase(control)),
                new AudiencesView.Choice(
                        ControlTreatment.NOTHING.name(),
                        "nothing",
                        ControlTreatment.NOTHING.name().equalsIgnoreCase(control)));
        return new Form(
                subjects,
                submitted == null ? DEFAULT_BUDGET : value(submitted, "budget", ""),
                value(submitted, "threshold", ""),
                days,
                methods,
                value(submitted, "explorationShare", Format.number(PlanCampaignCommand.DEFAULT_EXPLORATION_SHARE)),
                value(submitted, "controlShare", Format.number(PlanCampaignCommand.DEFAULT_CONTROL_SHARE)),
                controls,
                value(submitted, "seed", Long.toString(PlanCampaignCommand.DEFAULT_SEED)),
                value(submitted, "startDate", today.toString()),
                Route.PREVIEW_CAMPAIGN.path());
    }

    private static String value(Fields submitted, String field, String fallback) {
        String text = submitted == null ? null : submitted.text(field);
        return text == null ? fallback : text;
    }

    private static PlanRow row(CampaignPlan plan) {
        CampaignSettings s = plan.settings();
        Expectation chosen = plan.figures().chosen();
        return new PlanRow(
                plan.id(),
                Route.CAMPAIGN_PAGE.pathWith(plan.id()),
                Format.when(plan.createdAt()),
                "Email Subject " + s.subjectId(),
                size(s),
                Format.count(plan.figures().customers()),
                expected(chosen.expected()),
                interval(chosen));
    }

    /** "1,000 emails" or "predicted ≥ 5.00 %". */
    static String size(CampaignSettings s) {
        return s.budget().isPresent()
                ? Format.count(s.budget().getAsLong()) + " emails"
                : "predicted ≥ " + Format.percent(s.threshold().getAsDouble());
    }

    static String expected(double responses) {
        return String.format(Locale.ROOT, "%,.1f", responses);
    }

    static String interval(Expectation e) {
        return expected(e.lower()) + " – " + expected(e.upper());
    }
}
