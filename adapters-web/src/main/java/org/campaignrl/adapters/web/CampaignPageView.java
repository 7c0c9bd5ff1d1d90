package org.campaignrl.adapters.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.campaignrl.adapters.reports.Format;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.port.in.CampaignsUseCase.CampaignDetails;
import org.campaignrl.domain.campaign.CalibrationRow;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.campaignrl.domain.campaign.Expectation;
import org.campaignrl.domain.campaign.GroupConversion;
import org.campaignrl.domain.campaign.Lift;
import org.campaignrl.domain.campaign.PlanFigures;
import org.campaignrl.domain.campaign.Readout;

/**
 * One plan's page, already formatted: its settings, what it expects by group, the send list's address, and its
 * newest readout — {@code readoutState} "none" (no ingest since), "not-found" (its sends never appeared) or
 * "found", with each group's conversion, the lift and the calibration chart.
 */
public record CampaignPageView(
        long id,
        List<Fact> facts,
        List<ExpectedRow> expected,
        String sendListHref,
        String sendListName,
        String readoutState,
        String readoutMessage,
        String readoutDataset,
        List<GroupRow> groups,
        LiftView lift,
        CalibrationChart calibration) {

    public record Fact(String label, String value) {}

    public record ExpectedRow(String group, String customers, String expected, String interval) {}

    /** {@code left}/{@code width}/{@code mark}: the interval bar and the rate in percent of the rows' scale. */
    public record GroupRow(
            String group,
            String planned,
            String sent,
            String responded,
            String conversion,
            String interval,
            String predicted,
            int left,
            int width,
            int mark) {}

    public record LiftView(
            String absolute,
            String absoluteInterval,
            String relative,
            String incremental,
            String incrementalInterval,
            String verdict,
            boolean beatsControl) {}

    /**
     * Predicted against observed, laid out for an SVG of {@code SIZE + 2 × MARGIN} square: each bin a point with its
     * observed interval as a vertical line; the diagonal is where a calibrated plan's points sit.
     */
    public record CalibrationChart(
            int size, int margin, int end, String axisMax, List<Point> points, List<CalibrationLine> rows) {}

    public record Point(int cx, int cy, int top, int bottom, String title) {}

    public record CalibrationLine(
            String predictedRange, String sent, String predicted, String observed, String interval) {}

    static final int SIZE = 240;
    static final int MARGIN = 36;

    static CampaignPageView of(CampaignDetails details) {
        CampaignPlan plan = details.plan();
        CampaignSettings s = plan.settings();
        List<Fact> facts = List.of(
                new Fact("Subject line", "Email Subject " + s.subjectId()),
                new Fact("Size", CampaignsPageView.size(s)),
                new Fact(
                        "Day",
                        s.day()
                                .map(d -> d.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH))
                                .orElse("each audience's best day")),
                new Fact("First day", s.startDate().toString()),
                new Fact("Ranked by", s.method().name().toLowerCase(Locale.ROOT).replace('_', ' ')),
                new Fact("Exploration", Format.percent(s.explorationShare()) + " of the emails"),
                new Fact(
                        "Control group",
                        Format.percent(s.controlShare()) + " of the customers, sent "
                                + (s.control() == ControlTreatment.NOTHING
                                        ? "nothing"
                                        : "the same subject line, business as usual")),
                new Fact("Seed", Long.toString(s.seed())),
                new Fact(
                        "Made",
                        Format.when(plan.createdAt()) + " from dataset " + plan.datasetId()
                                + (plan.modelId().isPresent()
                                        ? ", model " + plan.modelId().getAsLong() + " served"
                                        : "")),
                new Fact(
                        "Eligible customers",
                        Format.count(plan.figures().eligible()) + " in "
                                + Format.count(plan.figures().audiences()) + " audiences"));
        PlanFigures f = plan.figures();
        List<ExpectedRow> expected = List.of(
                expectedRow("target", f.target()),
                expectedRow("explore", f.explore()),
                expectedRow("control", f.control()),
                expectedRow("target + explore", f.chosen()));
        String sendList = Route.SEND_LIST.pathWith(plan.id());
        String name = "campaign-" + plan.id() + "-send-list.csv";
        CampaignReadout latest = details.latestReadout().orElse(null);
        if (latest == null) {
            return new CampaignPageView(
                    plan.id(),
                    facts,
                    expected,
                    sendList,
                    name,
                    "none",
                    "No readout yet: it comes "
                            + "with the next ingest of logs that hold this campaign's sends (the Data page).",
                    null,
                    List.of(),
                    null,
                    null);
        }
        String dataset = "dataset " + latest.datasetId() + ", " + Format.when(latest.madeAt());
        if (latest.readout().isEmpty()) {
            return new CampaignPageView(
                    plan.id(),
                    facts,
                    expected,
                    sendList,
                    name,
                    "not-found",
                    "Its sends never appeared: " + CampaignsApi.NO_SENDS_FOUND + ".",
                    dataset,
                    List.of(),
                    null,
                    null);
        }
        Readout readout = latest.readout().get();
        double scale = Math.max(
                0.05,
                readout.groups().stream()
                        .mapToDouble(g -> g.conversion().upper())
                        .max()
                        .orElse(0));
        List<GroupRow> groups =
                readout.groups().stream().map(g -> groupRow(g, scale)).toList();
        LiftView lift = readout.lift().map(CampaignPageView::lift).orElse(null);
        String message = readout.lift()
                .map(l -> "This campaign " + CampaignsApi.verdict(l) + ".")
                .orElse("No lift: the plan has no control group with sends to compare with.");
        return new CampaignPageView(
                plan.id(),
                facts,
                expected,
                sendList,
                name,
                "found",
                message,
                dataset,
                groups,
                lift,
                calibration(readout.calibration()));
    }

    private static ExpectedRow expectedRow(String group, Expectation e) {
        return new ExpectedRow(
                group,
                Format.count(e.customers()),
                CampaignsPageView.expected(e.expected()),
                CampaignsPageView.interval(e));
    }

    private static GroupRow groupRow(GroupConversion g, double scale) {
        return new GroupRow(
                g.group().label(),
                Format.count(g.planned()),
                Format.count(g.sent()),
                Format.count(g.responded()),
                Format.percent(g.conversion().rate()),
                Format.percent(g.conversion().lower()) + " – "
                        + Format.percent(g.conversion().upper()),
                Double.isFinite(g.predicted()) ? Format.percent(g.predicted()) : "–",
                bar(g.conversion().lower(), scale),
                bar(g.conversion().upper(), scale) - bar(g.conversion().lower(), scale),
                bar(g.conversion().rate(), scale));
    }

    private static int bar(double rate, double scale) {
        return (int) Math.round(100 * Math.min(1, Math.max(0, rate / scale)));
    }

    private static LiftView lift(Lift l) {
        return new LiftView(
                points(l.absolute()),
                points(l.absoluteLower()) + " – " + points(l.absoluteUpper()),
                Double.isFinite(l.relative())
                        ? String.format(
                                Locale.ROOT,
                                "%+.0f %% (%+.0f %% – %+.0f %%)",
                                100 * l.relative(),
                                100 * l.relativeLower(),
                                100 * l.relativeUpper())
                        : "– (the control never responded)",
                String.format(Locale.ROOT, "%+,.1f", l.incremental()),
                String.format(Locale.ROOT, "%+,.1f – %+,.1f", l.incrementalLower(), l.incrementalUpper()),
                CampaignsApi.verdict(l),
                l.beatsControl());
    }

    /** A difference of rates in percentage points: "+2.31 points". */
    private static String points(double difference) {
        return String.format(Locale.ROOT, "%+.2f points", 100 * difference);
    }

    private static CalibrationChart calibration(List<CalibrationRow> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        double max = 0.01;
        for (CalibrationRow row : rows) {
            max = Math.max(max, Math.max(row.predicted(), row.observed().upper()));
        }
        double axis = Math.min(1, Math.ceil(max * 20) / 20); // a round 5 % step
        List<Point> points = new ArrayList<>();
        List<CalibrationLine> lines = new ArrayList<>();
        for (CalibrationRow row : rows) {
            String title = "predicted " + Format.percent(row.predicted()) + ", observed "
                    + Format.percent(row.observed().rate()) + " ("
                    + Format.percent(row.observed().lower()) + " – "
                    + Format.percent(row.observed().upper()) + ") on " + Format.count(row.sent()) + " sends";
            points.add(new Point(
                    x(row.predicted(), axis),
                    y(row.observed().rate(), axis),
                    y(row.observed().upper(), axis),
                    y(row.observed().lower(), axis),
                    title));
            lines.add(new CalibrationLine(
                    Format.percent(row.fromPredicted()) + " – " + Format.percent(row.toPredicted()),
                    Format.count(row.sent()),
                    Format.percent(row.predicted()),
                    Format.percent(row.observed().rate()) + " (" + Format.count(row.responded()) + ")",
                    Format.percent(row.observed().lower()) + " – "
                            + Format.percent(row.observed().upper())));
        }
        return new CalibrationChart(SIZE, MARGIN, MARGIN + SIZE, Format.percent(axis), points, lines);
    }

    private static int x(double rate, double axis) {
        return MARGIN + (int) Math.round(SIZE * Math.min(1, rate / axis));
    }

    private static int y(double rate, double axis) {
        return MARGIN + SIZE - (int) Math.round(SIZE * Math.min(1, rate / axis));
    }
}
