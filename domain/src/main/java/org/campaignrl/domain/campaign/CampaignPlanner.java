package org.campaignrl.domain.campaign;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.estimators.BetaPosteriors;
import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.estimators.IntervalMethod;
import org.campaignrl.domain.estimators.LogisticShrinkage;
import org.campaignrl.domain.estimators.SegmentShrinkage;
import org.campaignrl.domain.numerics.BetaSampler;
import org.campaignrl.domain.ranking.BestDay;
import org.campaignrl.domain.ranking.RankingMethod;
import org.campaignrl.domain.ranking.Segment;

/**
 * Makes a campaign plan for one subject line from a dataset's cells and customers.
 *
 * <ol>
 *   <li><b>Audiences.</b> An audience is a customer profile (tenure, domain, age, gender, type) on a day: the
 *       plan's day, or the day whose cell the ranking scores highest for that profile (its own best day; the
 *       scores of the shrinkage methods already pool every cell's segments, which a per-profile Wilson bound
 *       of {@link BestDay} on one profile's few sends would not). Its members are the profile's customers, so
 *       each customer is in exactly one audience and a plan reaches each at most once.</li>
 *   <li><b>Control.</b> {@code controlShare} of the plan's customers, drawn at random (seeded) from all eligible
 *       customers before anyone is chosen, so that it is an unbiased sample of them. It is sent the subject line
 *       on the business-as-usual day — the plan's day, or the subject's best day over everyone ({@link BestDay}
 *       of the whole subject) — or nothing.</li>
 *   <li><b>Target.</b> The budget less the exploration share, filled from the best-ranked audience down with its
 *       real members (not in control), in a seeded random order within an audience; with a threshold, the
 *       budget is every member of an audience whose predicted rate reaches it.</li>
 *   <li><b>Explore.</b> The exploration share of the budget, by Thompson sampling: in each of up to
 *       {@link #EXPLORE_ROUNDS} rounds every audience with members left draws a rate from its Beta posterior and
 *       the highest draw gets the next batch of emails. An audience the model is unsure of draws high often
 *       enough to be tried; one it knows to be poor does not.</li>
 * </ol>
 *
 * <p>Predictions and posteriors: the method ranks; each state's Beta posterior is the estimator's own for the
 * shrinkage methods ({@code LOGISTIC_SHRUNK}, {@code SEGMENT_SHRUNK}), and {@link RankingMethod#HELD_OUT_BEST}'s
 * for the others, whose scores are no probabilities (a Wilson lower bound) or carry no uncertainty. A customer's
 * predicted probability is the posterior mean of its audience's state.
 *
 * <p>Expected responses of a group: Σ of its customers' posterior means mₐ; the variance of the count is
 * Σₐ nₐ·E[θₐ(1 − θₐ)] (the sends' Bernoulli noise) + Σₐ nₐ²·Var θₐ (one shared uncertain rate per audience), and
 * the interval is mean ± z·sd at 95 %, cut to 0..customers.
 */
public final class CampaignPlanner {
    /** At most this many Thompson rounds, whatever the exploration budget: each round draws every audience once. */
    static final int EXPLORE_ROUNDS = 200;

    private static final double Z = ConversionInterval.zFor(0.95);

    private CampaignPlanner() {}

    /** The plan: its customers and what it expects. */
    public record Plan(Assignments assignments, PlanFigures figures) {}

    /**
     * What a plan needs of the cells whatever its settings but the method: every state's ranking score and Beta
     * posterior. The costly part of planning (an estimator's fit); a caller planning many times on the same data
     * (a form's live figures) keeps it.
     */
    public record Estimates(RankingMethod method, double[] scores, BetaPosteriors posteriors) {
        /**
         * The method's scores and its posteriors (see the class comment) for cells and that many customers, the
         * sends per pair bounded below by {@link #sendsPerUnit}.
         */
        public static Estimates of(Cells cells, RankingMethod method, int customers) {
            return of(cells, method, sendsPerUnit(cells, customers));
        }

        /**
         * The same with the sends of one (customer, subject) pair known (the ingest's count, at least 1): each
         * cell's counts are divided by it for the posteriors, as a pair's sends respond together.
         */
        public static Estimates of(Cells cells, RankingMethod method, double sendsPerUnit) {
            if (method == RankingMethod.SEGMENT_SHRUNK) {
                // Scores and posteriors from one fit: it is most of a plan's time.
                SegmentShrinkage.Fitted fitted = new SegmentShrinkage().fitted(cells, sendsPerUnit);
                return new Estimates(method, fitted.estimates(), fitted.posteriors());
            }
            return new Estimates(
                    method, method.scores(cells, 0.95), CampaignPlanner.posteriors(cells, method, sendsPerUnit));
        }
    }

    /** Why a plan cannot be made as asked: which setting, and what is wrong with it. */
    public static final class UnfulfillableException extends IllegalArgumentException {
        private final String setting;
        private final String problem;

        public UnfulfillableException(String setting, String problem) {
            super(setting + ": " + problem);
            this.setting = setting;
            this.problem = problem;
        }

        public String problem() {
            return problem;
        }

        /** "subjectId", "budget", "threshold" or "customers". */
        public String setting() {
            return setting;
        }
    }

    /**
     * @param customers the dataset's customers, their codes those of {@code cells.space()}
     * @throws UnfulfillableException for a subject not in the cells, no customers, a budget (with its control)
     *                                beyond the eligible customers, a threshold no audience reaches
     */
    public static Plan plan(Cells cells, CustomerProfiles customers, CampaignSettings settings) {
        return plan(cells, customers, settings, null);
    }

    /**
     * The same with the estimates made already ({@link Estimates#of} for these cells, customers and the settings'
     * method), or null to make them.
     */
    public static Plan plan(Cells cells, CustomerProfiles customers, CampaignSettings settings, Estimates estimates) {
        StateSpace space = cells.space();
        int subjectCode = space.subjectCode(settings.subjectId());
        if (subjectCode < 0) {
            throw new UnfulfillableException(
                    "subjectId",
                    "subject line " + settings.subjectId() + " is not in the data; known ids: "
                            + Arrays.toString(space.subjectIds()));
        }
        int eligible = customers.size();
        if (eligible == 0) {
            throw new UnfulfillableException("customers", "the dataset keeps no customers: ingest the logs again");
        }
        if (estimates == null) {
            estimates = Estimates.of(cells, settings.method(), eligible);
        } else if (estimates.method() != settings.method()) {
            throw new IllegalArgumentException(
                    "estimates of " + estimates.method() + " for a plan ranked by " + settings.method());
        }
        double[] scores = estimates.scores();
        BetaPosteriors posteriors = estimates.posteriors();
        // One seeded generator, split in a fixed order: members' order, control, exploration.
        SplittableRandom random = new SplittableRandom(settings.seed());
        Audiences audiences = Audiences.of(space, subjectCode, customers, scores, settings.day(), random.split());
        int usualDay = settings.day()
                .map(day -> day.getValue() - 1)
                .orElseGet(() -> BestDay.of(cells, Segment.ofSubject(subjectCode), IntervalMethod.WILSON, 0.95)
                        .best()
                        .day());

        // How many the ranking chooses, and so how large the control is.
        long chosen;
        if (settings.budget().isPresent()) {
            chosen = settings.budget().getAsLong();
        } else {
            chosen = audiences.membersReaching(settings.threshold().getAsDouble(), posteriors);
            if (chosen == 0) {
                throw new UnfulfillableException(
                        "threshold",
                        "no audience's predicted rate reaches "
                                + settings.threshold().getAsDouble());
            }
        }
        long controlSize = Math.round(chosen * settings.controlShare() / (1 - settings.controlShare()));
        if (settings.budget().isPresent() && chosen + controlSize > eligible) {
            throw new UnfulfillableException(
                    "budget",
                    String.format(
                            java.util.Locale.ROOT,
                            "%,d emails%s are more than the %,d eligible customers",
                            chosen,
                            controlSize == 0
                                    ? ""
                                    : String.format(java.util.Locale.ROOT, " and a control of %,d", controlSize),
                            eligible));
        }
        controlSize = Math.min(controlSize, eligible);
        BitSet control = drawControl(eligible, (int) controlSize, random.split());
        audiences.exclude(control);
        if (settings.threshold().isPresent()) {
            chosen = audiences.membersReaching(settings.threshold().getAsDouble(), posteriors);
        }
        long exploreSize = Math.round(chosen * settings.explorationShare());
        long targetSize = chosen - exploreSize;

        Assignments.Builder assignments = Assignments.builder((int) (chosen + controlSize));
        long[][] counts = new long[Group.values().length][space.size()];
        boolean byThreshold = settings.threshold().isPresent();
        for (int a : audiences.ranked()) {
            if (targetSize == 0) {
                break;
            }
            if (byThreshold && !audiences.reaches(a, settings.threshold().getAsDouble(), posteriors)) {
                continue;
            }
            targetSize -=
                    take(assignments, counts, audiences, a, targetSize, Group.TARGET, posteriors, settings, customers);
        }
        // Target stops short only with a threshold whose audiences lost members to rounding: explore takes the rest.
        exploreSize += targetSize;
        explore(
                audiences,
                exploreSize,
                posteriors,
                random.split(),
                (a, batch) ->
                        take(assignments, counts, audiences, a, batch, Group.EXPLORE, posteriors, settings, customers));

        int usualEpochDay =
                Math.toIntExact(settings.sendDate(DayOfWeek.of(usualDay + 1)).toEpochDay());
        for (int position = control.nextSetBit(0); position >= 0; position = control.nextSetBit(position + 1)) {
            int state = Audiences.state(space, subjectCode, usualDay, customers.profileIndex(position, space));
            counts[Group.CONTROL.ordinal()][state]++;
            assignments.add(customers.id(position), Group.CONTROL, usualEpochDay, posteriors.mean(state));
        }
        Expectation controlExpectation = expectation(counts[Group.CONTROL.ordinal()], posteriors);
        if (settings.control() == ControlTreatment.NOTHING) {
            controlExpectation = new Expectation(controlExpectation.customers(), 0, 0, 0);
        }
        return new Plan(
                assignments.build(),
                new PlanFigures(
                        eligible,
                        audiences.count(),
                        expectation(counts[Group.TARGET.ordinal()], posteriors),
                        expectation(counts[Group.EXPLORE.ordinal()], posteriors),
                        controlExpectation));
    }

    /** The estimator's own posteriors for the shrinkage methods, the held-out best's for the others. */
    static BetaPosteriors posteriors(Cells cells, RankingMethod method, double sendsPerUnit) {
        return method == RankingMethod.LOGISTIC_SHRUNK
                ? new LogisticShrinkage().posteriors(cells, sendsPerUnit)
                : new SegmentShrinkage().posteriors(cells, sendsPerUnit);
    }

    /**
     * How many sends a (customer, subject line) pair has, at least: the ingest counts every send of a pair that
     * responded as responded, so a pair's sends are one draw, not several. The cells do not tell how many pairs
     * there were; all sends over every customer times every subject line is a lower bound (pairs never sent to
     * lower the mean), never below 1.
     */
    public static double sendsPerUnit(Cells cells, int customers) {
        double pairs = (double) customers * cells.space().size(Attribute.SUBJECT);
        return Math.max(1, cells.totalSends() / pairs);
    }

    /** Takes up to {@code n} members of an audience into a group; returns how many it had. */
    private static long take(
            Assignments.Builder assignments,
            long[][] counts,
            Audiences audiences,
            int audience,
            long n,
            Group group,
            BetaPosteriors posteriors,
            CampaignSettings settings,
            CustomerProfiles customers) {
        int state = audiences.stateOf(audience);
        double p = posteriors.mean(state);
        int epochDay = Math.toIntExact(
                settings.sendDate(DayOfWeek.of(audiences.dayOf(audience) + 1)).toEpochDay());
        int taken = audiences.take(
                audience,
                (int) Math.min(n, Integer.MAX_VALUE),
                position -> assignments.add(customers.id(position), group, epochDay, p));
        counts[group.ordinal()][state] += taken;
        return taken;
    }

    /** Thompson sampling: rounds of one draw per audience with members left, the highest draw's audience taking a batch. */
    private static void explore(
            Audiences audiences, long emails, BetaPosteriors posteriors, SplittableRandom random, TakenSink sink) {
        long left = emails;
        long batch = Math.max(1, (emails + EXPLORE_ROUNDS - 1) / EXPLORE_ROUNDS);
        while (left > 0) {
            int best = -1;
            double bestDraw = -1;
            for (int a = 0; a < audiences.count(); a++) {
                if (audiences.remaining(a) == 0) {
                    continue;
                }
                int state = audiences.stateOf(a);
                double draw = BetaSampler.beta(posteriors.alpha(state), posteriors.beta(state), random);
                if (draw > bestDraw) {
                    bestDraw = draw;
                    best = a;
                }
            }
            if (best < 0) {
                return; // everyone is taken: the budget check keeps this from happening
            }
            left -= sink.take(best, Math.min(batch, left));
        }
    }

    @FunctionalInterface
    private interface TakenSink {
        /** Takes up to {@code n} members of the audience; returns how many. */
        long take(int audience, long n);
    }

    /** Floyd's algorithm: {@code size} distinct positions of 0..n−1, each set equally likely, in O(size). */
    static BitSet drawControl(int n, int size, SplittableRandom random) {
        BitSet chosen = new BitSet(n);
        for (int j = n - size; j < n; j++) {
            int t = random.nextInt(j + 1);
            chosen.set(chosen.get(t) ? j : t);
        }
        return chosen;
    }

    /** A group's expected responses from its customers per state (see the class comment). */
    static Expectation expectation(long[] countByState, BetaPosteriors posteriors) {
        long customers = 0;
        double mean = 0;
        double variance = 0;
        for (int state = 0; state < countByState.length; state++) {
            long n = countByState[state];
            if (n == 0) {
                continue;
            }
            double m = posteriors.mean(state);
            double v = posteriors.variance(state);
            customers += n;
            mean += n * m;
            // E[θ(1 − θ)] = m − m² − v: the Bernoulli noise averaged over the posterior.
            variance += n * Math.max(0, m - m * m - v) + (double) n * n * v;
        }
        double sd = Math.sqrt(variance);
        double expected = Math.min(mean, customers);
        return new Expectation(
                customers, expected, Math.max(0, expected - Z * sd), Math.min(customers, expected + Z * sd));
    }
}
