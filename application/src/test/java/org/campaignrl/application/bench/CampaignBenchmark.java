package org.campaignrl.application.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.campaignrl.application.memory.InMemoryStorage;
import org.campaignrl.application.memory.SimpleLogSource;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.port.in.PlanCampaignUseCase.PlanCampaignCommand;
import org.campaignrl.application.service.ActiveModel;
import org.campaignrl.application.service.CampaignsService;
import org.campaignrl.application.service.PlanCampaignService;
import org.campaignrl.data.TruthFile;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Binning;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.campaign.Assignments;
import org.campaignrl.domain.campaign.CampaignPlanner;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.campaignrl.domain.campaign.CustomerProfiles;
import org.campaignrl.domain.campaign.Group;
import org.campaignrl.domain.estimators.IntervalMethod;
import org.campaignrl.domain.estimators.SegmentShrinkage;
import org.campaignrl.domain.ranking.AudienceRanking;
import org.campaignrl.domain.ranking.BestDay;
import org.campaignrl.domain.ranking.ProfileCounts;
import org.campaignrl.domain.ranking.RankingMethod;
import org.campaignrl.domain.ranking.RankingOptions;
import org.campaignrl.domain.ranking.Segment;
import org.campaignrl.domain.ranking.SegmentRanking;
import org.campaignrl.domain.ranking.SegmentSummary;

/**
 * How good and how fast campaign plans are on generated logs whose truth is known. Prints, per subject line, the
 * true expected responses (Σ of the truth's probabilities of the customers emailed, on their planned days) of:
 * the oracle (the best {@code budget} customers under the truth, each on their best day), the plan (explore 0 and
 * the default 10 %), the plan ranked by each other method, and what the audience finder offers today — its top
 * cell (by each method) or its top segment (Wilson lower bound, up to two attributes fixed, on its best day), each
 * sent to its real members, at most the budget. Then the time to plan, as a ratio to one SegmentShrinkage estimate
 * of the same cells (the yardstick, measured in the same run), and the time to export a send list of every customer
 * against copying the userbase file.
 *
 * <p>Run (after {@code mvn -B -o -DskipTests package -pl application -am}):
 * {@code java -cp "application/target/test-classes:application/target/classes:domain/target/classes:data/target/classes"
 * org.campaignrl.application.bench.CampaignBenchmark DIR [BUDGET]} on {@code ./campaign-rl generate --out DIR
 * --customers 500000 --seed 42}. The logs are read by the test-jar's SimpleLogSource.
 */
public final class CampaignBenchmark {
    private static final LocalDate START = LocalDate.of(2016, 4, 4);

    private CampaignBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long budget = args.length > 1 ? Long.parseLong(args[1]) : 10_000;
        long start = System.nanoTime();
        AggregatedLogs logs = SimpleLogSource.readFolder(dir, "rejected_rows.csv");
        Cells cells = logs.cells();
        StateSpace space = cells.space();
        CustomerProfiles customers = logs.customers().profiles();
        double[] truth = TruthFile.probabilities(dir.resolve("truth.json"), space);
        sendsPerPair = Math.max(1, logs.summary().sendsPerRespondingPair().orElse(1));
        System.out.printf(
                Locale.ROOT,
                "sends per responding pair %.3f (the planner's lower bound without it: %.3f)%n",
                sendsPerPair,
                CampaignPlanner.sendsPerUnit(cells, customers.size()));
        System.out.printf(
                Locale.ROOT,
                "%s: %,d customers, %,d sends read in %.1f s; budget %,d emails%n",
                dir,
                customers.size(),
                cells.totalSends(),
                (System.nanoTime() - start) / 1e9,
                budget);

        for (int subjectId : space.subjectIds()) {
            int subjectCode = space.subjectCode(subjectId);
            double oracle = oracle(space, customers, truth, subjectCode, budget);
            System.out.printf(
                    Locale.ROOT,
                    "%nsubject %d: oracle (best %,d customers under the truth) %.1f%n",
                    subjectId,
                    budget,
                    oracle);
            row(
                    "plan, SEGMENT_SHRUNK (default), explore 0",
                    truthOf(
                            plan(cells, customers, subjectId, budget, RankingMethod.HELD_OUT_BEST, 0),
                            customers,
                            space,
                            truth,
                            subjectCode),
                    oracle);
            CampaignPlanner.Plan usual = CampaignPlanner.plan(
                    cells,
                    customers,
                    settings(subjectId, budget, RankingMethod.HELD_OUT_BEST, 0.1, 0),
                    CampaignPlanner.Estimates.of(cells, RankingMethod.HELD_OUT_BEST, sendsPerPair));
            row(
                    "plan, SEGMENT_SHRUNK (default), explore 10 %",
                    truthOf(usual.assignments(), customers, space, truth, subjectCode), oracle);
            var expected = usual.figures().chosen();
            System.out.printf(
                    Locale.ROOT,
                    "  %-78s %9.1f  (%.1f – %.1f)%n",
                    "  what that plan expects",
                    expected.expected(),
                    expected.lower(),
                    expected.upper());
            for (RankingMethod method : RankingMethod.values()) {
                if (method != RankingMethod.HELD_OUT_BEST) {
                    row(
                            "plan ranked by " + method + ", explore 0",
                            truthOf(
                                    plan(cells, customers, subjectId, budget, method, 0),
                                    customers,
                                    space,
                                    truth,
                                    subjectCode),
                            oracle);
                }
            }
            ProfileCounts counts = customers.counts(space);
            for (RankingMethod method : RankingMethod.values()) {
                AudienceRanking.Entry top = AudienceRanking.rank(
                                cells, subjectCode, RankingOptions.DEFAULT.withMethod(method))
                        .entries()
                        .get(0);
                int profile = ProfileCounts.profileOfState(space, top.state());
                long members = Math.min(budget, counts.customers(profile));
                row(
                        "finder's top cell by " + method + " (" + counts.customers(profile) + " members)",
                        members * truth[top.state()],
                        oracle);
            }
            SegmentSummary segment = SegmentRanking.rank(cells, subjectCode, SegmentRanking.Options.DEFAULT, counts)
                    .entries()
                    .get(0);
            row(
                    "finder's top segment " + segment.segment().describe(space) + " ("
                            + segment.customers().orElse(0) + " members)",
                    segmentTruth(cells, space, customers, truth, segment.segment(), budget),
                    oracle);
        }

        timing(cells, customers, budget);
        exportTiming(logs, dir);
    }

    private static void row(String what, double responses, double oracle) {
        System.out.printf(
                Locale.ROOT, "  %-78s %9.1f  %6.2f %% of the oracle%n", what, responses, 100 * responses / oracle);
    }

    static CampaignSettings settings(int subjectId, long budget, RankingMethod method, double explore, double control) {
        return new CampaignSettings(
                subjectId,
                OptionalLong.of(budget),
                OptionalDouble.empty(),
                Optional.empty(),
                method,
                explore,
                control,
                ControlTreatment.BUSINESS_AS_USUAL,
                42,
                START);
    }

    /** As the ingest counted them (the plan service reads the same from the dataset's summary). */
    private static double sendsPerPair;

    private static Assignments plan(
            Cells cells, CustomerProfiles customers, int subjectId, long budget, RankingMethod method, double explore) {
        return CampaignPlanner.plan(
                        cells,
                        customers,
                        settings(subjectId, budget, method, explore, 0),
                        CampaignPlanner.Estimates.of(cells, method, sendsPerPair))
                .assignments();
    }

    /** The truth's expected responses of the plan's emails (target and explore), each on its planned day. */
    private static double truthOf(
            Assignments a, CustomerProfiles customers, StateSpace space, double[] truth, int subjectCode) {
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.group(i) != Group.CONTROL) {
                int profile = customers.profileIndex(customers.positionOf(a.customerId(i)), space);
                sum += truth[stateOf(space, subjectCode, Binning.dayCode(a.sendDate(i)), profile)];
            }
        }
        return sum;
    }

    private static int stateOf(StateSpace space, int subjectCode, int day, int profile) {
        return profile + space.advance(0, Attribute.DAY) * day + space.advance(0, Attribute.SUBJECT) * subjectCode;
    }

    /** The best {@code budget} customers under the truth, each on their own best day. */
    private static double oracle(
            StateSpace space, CustomerProfiles customers, double[] truth, int subjectCode, long budget) {
        double[] best = new double[customers.size()];
        for (int position = 0; position < best.length; position++) {
            int profile = customers.profileIndex(position, space);
            double top = 0;
            for (int day = 0; day < space.size(Attribute.DAY); day++) {
                top = Math.max(top, truth[stateOf(space, subjectCode, day, profile)]);
            }
            best[position] = top;
        }
        Arrays.sort(best);
        double sum = 0;
        for (int i = best.length - 1; i >= Math.max(0, best.length - budget); i--) {
            sum += best[i];
        }
        return sum;
    }

    /** A segment sent to its members (at most the budget, a random sample's expectation) on its day. */
    private static double segmentTruth(
            Cells cells, StateSpace space, CustomerProfiles customers, double[] truth, Segment segment, long budget) {
        int day = segment.isFixed(Attribute.DAY)
                ? segment.code(Attribute.DAY)
                : BestDay.of(cells, segment, IntervalMethod.WILSON, 0.95).best().day();
        int subjectCode = segment.code(Attribute.SUBJECT);
        double sum = 0;
        long members = 0;
        for (int position = 0; position < customers.size(); position++) {
            int profile = customers.profileIndex(position, space);
            int state = stateOf(space, subjectCode, day, profile);
            if (segment.matches(space, state)) {
                sum += truth[state];
                members++;
            }
        }
        return members == 0 ? 0 : sum / members * Math.min(members, budget);
    }

    /** Planning time against one SegmentShrinkage estimate of the same cells; medians of 7 after 3 warm-ups. */
    private static void timing(Cells cells, CustomerProfiles customers, long budget) {
        int subjectId = cells.space().subjectIds()[0];
        CampaignSettings settings = settings(subjectId, budget, RankingMethod.HELD_OUT_BEST, 0.1, 0.1);
        double plan = median(() -> CampaignPlanner.plan(
                cells, customers, settings, CampaignPlanner.Estimates.of(cells, settings.method(), sendsPerPair)));
        CampaignPlanner.Estimates estimates = CampaignPlanner.Estimates.of(cells, settings.method(), sendsPerPair);
        double kept = median(() -> CampaignPlanner.plan(cells, customers, settings, estimates));
        double yardstick = median(() -> new SegmentShrinkage().estimate(cells));
        System.out.printf(
                Locale.ROOT,
                "%nplanning %,d emails (explore 10 %%, control 10 %%): %.0f ms, %.2f × one "
                        + "SegmentShrinkage estimate of the cells (%.0f ms); with the estimates kept (a preview): %.0f ms, "
                        + "%.2f ×%n",
                budget,
                plan,
                plan / yardstick,
                yardstick,
                kept,
                kept / yardstick);
    }

    /** Exporting a send list of every customer (90 % target and explore, 10 % control) from in-memory storage. */
    private static void exportTiming(AggregatedLogs logs, Path dir) throws IOException {
        InMemoryStorage storage = new InMemoryStorage();
        long datasetId = storage.datasets().save(logs, java.time.Instant.EPOCH);
        Clock clock = Clock.fixed(java.time.Instant.EPOCH, ZoneOffset.UTC);
        PlanCampaignService planner = new PlanCampaignService(
                new ActiveModel(storage.models(), storage.datasets()), storage.datasets(), storage.campaigns(), clock);
        int everyone = logs.customers().size();
        long chosen = everyone - Math.round(everyone * 0.1);
        long planId = planner.plan(new PlanCampaignCommand(
                        logs.cells().space().subjectIds()[0],
                        chosen,
                        null,
                        null,
                        null,
                        0.1,
                        0.1,
                        ControlTreatment.BUSINESS_AS_USUAL,
                        42,
                        START))
                .id();
        CampaignsService campaigns = new CampaignsService(storage.campaigns(), storage.datasets());
        Path out = Files.createTempFile("send-list", ".csv");
        Path copy = Files.createTempFile("userbase", ".csv");
        List<Double> exports = new ArrayList<>();
        List<Double> copies = new ArrayList<>();
        long rows = 0;
        for (int run = 0; run < 5; run++) {
            long t0 = System.nanoTime();
            try (Writer writer = Files.newBufferedWriter(out)) {
                rows = campaigns.exportSendList(planId, writer);
            }
            exports.add((System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            Files.copy(dir.resolve("userbase.csv"), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            copies.add((System.nanoTime() - t1) / 1e6);
        }
        double export = median(exports);
        double yardstick = median(copies);
        System.out.printf(
                Locale.ROOT,
                "exporting a send list of %,d rows (%,d bytes) from in-memory storage (dataset "
                        + "%d): %.0f ms, %.2f × copying the userbase file (%,d bytes, %.0f ms)%n",
                rows,
                Files.size(out),
                datasetId,
                export,
                export / yardstick,
                Files.size(dir.resolve("userbase.csv")),
                yardstick);
        Files.delete(out);
        Files.delete(copy);
    }

    private static double median(Runnable work) {
        for (int i = 0; i < 3; i++) {
            work.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - t0) / 1e6);
        }
        return median(times);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
