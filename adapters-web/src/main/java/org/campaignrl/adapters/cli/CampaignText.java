package org.campaignrl.adapters.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.campaignrl.adapters.reports.Format;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.domain.campaign.CalibrationRow;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.Expectation;
import org.campaignrl.domain.campaign.GroupConversion;
import org.campaignrl.domain.campaign.Lift;
import org.campaignrl.domain.campaign.Readout;

/** How the CLI prints plans and readouts. */
final class CampaignText {
    private CampaignText() {}

    /** "Plan 3 (stored): …" then what each group expects. */
    static void plan(PrintWriter out, CampaignPlan plan) {
        CampaignSettings s = plan.settings();
        out.printf(
                "%s: subject %d, %s, %s, from %s, ranked by %s; exploring %s, control %s (%s); seed %d%n",
                plan.isStored() ? "Plan " + plan.id() : "Preview (not stored)",
                s.subjectId(),
                size(s),
                s.day()
                        .map(d -> "every send on " + d.name().toLowerCase(Locale.ROOT))
                        .orElse("each audience on its best day"),
                s.startDate(),
                s.method().name(),
                Format.percent(s.explorationShare()),
                Format.percent(s.controlShare()),
                PlanSubcommand.label(s.control()),
                s.seed());
        out.printf(
                "  dataset %d%s; %,d eligible customers in %,d audiences%n",
                plan.datasetId(),
                plan.modelId().isPresent() ? ", model " + plan.modelId().getAsLong() : "",
                plan.figures().eligible(),
                plan.figures().audiences());
        out.printf("  %-16s %10s %12s  %s%n", "group", "customers", "expected", "interval");
        expectation(out, "target", plan.figures().target());
        expectation(out, "explore", plan.figures().explore());
        expectation(out, "control", plan.figures().control());
        expectation(out, "target + explore", plan.figures().chosen());
    }

    static String size(CampaignSettings s) {
        return s.budget().isPresent()
                ? String.format(Locale.ROOT, "%,d emails", s.budget().getAsLong())
                : "predicted rate ≥ " + Format.percent(s.threshold().getAsDouble());
    }

    private static void expectation(PrintWriter out, String group, Expectation e) {
        out.printf(
                Locale.ROOT,
                "  %-16s %,10d %12.1f  %.1f – %.1f%n",
                group,
                e.customers(),
                e.expected(),
                e.lower(),
                e.upper());
    }

    /** The readout, or why there is none. */
    static void readout(PrintWriter out, long planId, CampaignReadout readout) {
        if (readout == null) {
            out.printf("Plan %d: no readout yet; it comes with the next ingest of logs that hold its sends%n", planId);
            return;
        }
        if (readout.readout().isEmpty()) {
            out.printf(
                    "Plan %d: its sends never appeared in the logs ingested since it was made (last looked for in "
                            + "dataset %d, %s)%n",
                    planId, readout.datasetId(), Format.when(readout.madeAt()));
            return;
        }
        Readout r = readout.readout().get();
        out.printf(
                "Plan %d, read out from dataset %d (%s):%n",
                planId, readout.datasetId(), Format.when(readout.madeAt()));
        out.printf(
                "  %-8s %9s %9s %9s %11s  %-19s %9s%n",
                "group", "planned", "sent", "responded", "conversion", "95 % interval", "predicted");
        for (GroupConversion g : r.groups()) {
            out.printf(
                    Locale.ROOT,
                    "  %-8s %,9d %,9d %,9d %10.2f%%  %6.2f%% – %6.2f%%  %s%n",
                    g.group().label(),
                    g.planned(),
                    g.sent(),
                    g.responded(),
                    100 * g.conversion().rate(),
                    100 * g.conversion().lower(),
                    100 * g.conversion().upper(),
                    Double.isFinite(g.predicted()) ? String.format(Locale.ROOT, "%8.2f%%", 100 * g.predicted()) : "–");
        }
        if (r.lift().isPresent()) {
            Lift l = r.lift().get();
            out.printf(
                    Locale.ROOT,
                    "  lift %+.2f points (95 %%: %+.2f – %+.2f), incremental responses %+.1f "
                            + "(%+.1f – %+.1f): %s%n",
                    100 * l.absolute(),
                    100 * l.absoluteLower(),
                    100 * l.absoluteUpper(),
                    l.incremental(),
                    l.incrementalLower(),
                    l.incrementalUpper(),
                    l.verdict().words());
        } else {
            out.println("  no lift: the plan has no control group with sends to compare with");
        }
        if (!r.calibration().isEmpty()) {
            out.println("  calibration (predicted → observed):");
            for (CalibrationRow c : r.calibration()) {
                out.printf(
                        Locale.ROOT,
                        "    %6.2f%% – %6.2f%%: %,7d sent, predicted %6.2f%%, observed %6.2f%% "
                                + "(%.2f%% – %.2f%%)%n",
                        100 * c.fromPredicted(),
                        100 * c.toPredicted(),
                        c.sent(),
                        100 * c.predicted(),
                        100 * c.observed().rate(),
                        100 * c.observed().lower(),
                        100 * c.observed().upper());
            }
        }
    }
}
