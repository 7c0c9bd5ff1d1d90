package org.campaignrl.domain.ranking.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.estimators.SubjectSpan;
import org.campaignrl.domain.numerics.BinomialSampler;
import org.campaignrl.domain.ranking.RankingMethod;
import org.campaignrl.domain.ranking.TopSelection;

/**
 * Does a ranking pick audiences that convert on data it has not seen? The cells are split in two
 * (by customer or by time, outside this class); the ranking sees only the training part.
 *
 * <p>Per subject line, the top N cells by the method's training scores (among cells with at
 * least {@code minSends} training sends) are chosen. Then, on the held-out part:
 * <ul>
 *   <li><b>top</b>: the chosen cells' send-weighted conversion, Σ responses / Σ sends over all
 *       chosen cells of all subject lines;</li>
 *   <li><b>base</b>: every held-out response / every held-out send;</li>
 *   <li><b>lift</b> = top / base;</li>
 *   <li><b>oracle</b>: the same figure for the best N cells per subject line picked on the
 *       held-out part itself (by held-out rate among cells with at least {@code minSends}
 *       held-out sends): the most any choice could show there. Picked and measured on the same
 *       sends, it is optimistic — a ceiling, not a target;</li>
 *   <li><b>regret</b> = oracle − top.</li>
 * </ul>
 *
 * <p>Every figure carries a 95 % percentile interval (2.5 % and 97.5 %) from a seeded parametric
 * bootstrap of the held-out part: each held-out cell's responses are redrawn from
 * Binomial(sends, observed rate) — exactly, by alias tables, where the variance np(1 − p) is below
 * 50, by the normal approximation above — B times, and every figure is recomputed. The chosen cells stay
 * fixed, as the training data does; so do the oracle's, unless {@link OracleResampling#RESELECTED}
 * asks for a new pick in every replicate. A cell that never responded (or always did) is redrawn as
 * it was, so the intervals show the noise of the held-out measurement given its cells' rates, not
 * the uncertainty of the training choice. Same seed, same intervals. Regret and lift intervals
 * are paired: both of their terms come from the same replicate. {@link #compare} runs all methods
 * on the same replicates, so their differences are paired too.
 *
 * <p>Ties in every choice go to more sends, then to the lower state index.
 */
public final class HeldOutEvaluation {
    private HeldOutEvaluation() {}

    /** What the bootstrap does with the oracle's cells. */
    public enum OracleResampling {
        /**
         * The oracle's cells, picked once on the held-out part, stay fixed, as the chosen cells do:
         * its interval (and the regret's, paired with the top figure's) is the noise of measuring
         * those cells. The default.
         */
        FIXED,
        /**
         * Every replicate picks its own best cells again. This also shows how unstable the pick is,
         * but each replicate re-picks the luckiest cells of its own redraw, so when the held-out
         * cells are small the interval lies above the point estimate (the oracle's winner's curse).
         */
        RESELECTED
    }

    /**
     * @param topN             cells chosen per subject line
     * @param minSends         the fewest sends a cell needs to be chosen (training sends for the
     *                         ranking, held-out sends — and at least one — for the oracle)
     * @param confidence       the level of the Wilson lower bound, when a method uses it
     * @param bootstrapSamples B, 0 for no intervals
     * @param seed             the bootstrap's seed
     * @param oracle           what the bootstrap does with the oracle's cells
     */
    public record Options(
            int topN, long minSends, double confidence, int bootstrapSamples, long seed, OracleResampling oracle) {
        /** Top 10 per subject, at least 10 sends, 95 %, 1000 replicates, seed 42, the oracle's cells fixed. */
        public static final Options DEFAULT = new Options(10, 10, 0.95, 1000, 42, OracleResampling.FIXED);

        public Options {
            if (topN < 1) {
                throw new IllegalArgumentException("top N must be at least 1: " + topN);
            }
            if (minSends < 0) {
                throw new IllegalArgumentException("minimum sends must not be negative: " + minSends);
            }
            ConversionInterval.checkConfidence(confidence);
            if (bootstrapSamples < 0) {
                throw new IllegalArgumentException("bootstrap samples must not be negative: " + bootstrapSamples);
            }
            if (oracle == null) {
                throw new IllegalArgumentException("oracle resampling must be given");
            }
        }

        public Options withTopN(int newTopN) {
            return new Options(newTopN, minSends, confidence, bootstrapSamples, seed, oracle);
        }

        public Options withMinSends(long newMinSends) {
            return new Options(topN, newMinSends, confidence, bootstrapSamples, seed, oracle);
        }

        public Options withBootstrap(int newSamples, long newSeed) {
            return new Options(topN, minSends, confidence, newSamples, newSeed, oracle);
        }

        public Options withOracle(OracleResampling newOracle) {
            return new Options(topN, minSends, confidence, bootstrapSamples, seed, newOracle);
        }
    }

    /** How one ranking did on the held-out part. */
    public static final class Result {
        private final String label;
        private final int[][] chosen;
        private final int[][] oracleChosen;
        private final long chosenSends;
        private final long chosenResponses;
        private final Estimate top;
        private final Estimate base;
        private final Estimate lift;
        private final Estimate oracle;
        private final Estimate regret;

        private Result(
                String label,
                int[][] chosen,
                int[][] oracleChosen,
                long chosenSends,
                long chosenResponses,
                Estimate top,
                Estimate base,
                Estimate lift,
                Estimate oracle,
                Estimate regret) {
            this.label = label;
            this.chosen = chosen;
            this.oracleChosen = oracleChosen;
            this.chosenSends = chosenSends;
            this.chosenResponses = chosenResponses;
            this.top = top;
            this.base = base;
            this.lift = lift;
            this.oracle = oracle;
            this.regret = regret;
        }

        /** The method's name, or the label given with custom scores. */
        public String label() {
            return label;
        }

        /** The cells chosen on training data for a subject line (by code), best first. */
        public int[] chosen(int subjectCode) {
            return chosen[subjectCode].clone();
        }

        /** The oracle's cells for a subject line (by code): the best on the held-out part itself, best first. */
        public int[] oracleChosen(int subjectCode) {
            return oracleChosen[subjectCode].clone();
        }

        /** All chosen cells, across subject lines. */
        public int chosenCount() {
            int count = 0;
            for (int[] states : chosen) {
                count += states.length;
            }
            return count;
        }

        /** Held-out sends of the chosen cells. */
        public long chosenHeldOutSends() {
            return chosenSends;
        }

        /** Held-out responses of the chosen cells. */
        public long chosenHeldOutResponses() {
            return chosenResponses;
        }

        /** Held-out conversion of the chosen cells (NaN when they have no held-out sends). */
        public Estimate top() {
            return top;
        }

        /** Held-out conversion of every cell. */
        public Estimate base() {
            return base;
        }

        /** top / base. */
        public Estimate lift() {
            return lift;
        }

        /** Held-out conversion of the best cells picked on the held-out part itself. */
        public Estimate oracle() {
            return oracle;
        }

        /** oracle − top. */
        public Estimate regret() {
            return regret;
        }

        @Override
        public String toString() {
            return String.format(
                    java.util.Locale.ROOT,
                    "%s: top %.4f [%.4f, %.4f], base %.4f, lift %.3f [%.3f, %.3f], oracle %.4f, regret %.4f [%.4f, %.4f]",
                    label,
                    top.value(),
                    top.lower(),
                    top.upper(),
                    base.value(),
                    lift.value(),
                    lift.lower(),
                    lift.upper(),
                    oracle.value(),
                    regret.value(),
                    regret.lower(),
                    regret.upper());
        }
    }

    /** Several rankings evaluated on one split with the same bootstrap replicates. */
    public static final class Comparison {
        private final List<Result> results;
        private final double[][] topReplicates;

        private Comparison(List<Result> results, double[][] topReplicates) {
            this.results = List.copyOf(results);
            this.topReplicates = topReplicates;
        }

        /** One result per method, in the order given. */
        public List<Result> results() {
            return results;
        }

        /** The result with the highest held-out top conversion (the first of equals). */
        public Result best() {
            Result best = results.get(0);
            for (Result result : results) {
                if (result.top().value() > best.top().value()) {
                    best = result;
                }
            }
            return best;
        }

        /**
         * Top conversion of result i minus that of result j, with a paired interval: both are
         * recomputed on the same replicates, so the interval shows whether the difference is more
         * than noise (it excludes 0) far better than two overlapping intervals can.
         */
        public Estimate difference(int i, int j) {
            double[] differences = new double[topReplicates[i].length];
            for (int b = 0; b < differences.length; b++) {
                differences[b] = topReplicates[i][b] - topReplicates[j][b];
            }
            return Estimate.fromReplicates(
                    results.get(i).top().value() - results.get(j).top().value(), differences);
        }
    }

    /** Evaluates one ranking method. */
    public static Result evaluate(Cells training, Cells heldOut, RankingMethod method, Options options) {
        return compare(training, heldOut, List.of(method), options).results().get(0);
    }

    /** Evaluates a ranking given as one training score per state (higher first). */
    public static Result evaluate(
            Cells training, Cells heldOut, String label, double[] trainingScores, Options options) {
        return run(training, heldOut, List.of(label), List.of(trainingScores), options)
                .results()
                .get(0);
    }

    /** Evaluates several methods on the same split and the same bootstrap replicates. */
    public static Comparison compare(Cells training, Cells heldOut, List<RankingMethod> methods, Options options) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no method to evaluate");
        }
        List<String> labels = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        for (RankingMethod method : methods) {
            labels.add(method.name());
            scores.add(method.scores(training, options.confidence()));
        }
        return run(training, heldOut, labels, scores, options);
    }

    private static Comparison run(
            Cells training, Cells heldOut, List<String> labels, List<double[]> scores, Options options) {
        StateSpace space = training.space();
        if (!space.equals(heldOut.space())) {
            throw new IllegalArgumentException("training and held-out cells are over different state spaces");
        }
        int states = space.size();
        int methods = labels.size();
        long[] trainingSends = TopSelection.sendsOf(training);
        long[] sends = TopSelection.sendsOf(heldOut);
        long[] responses = new long[states];
        double[] rate = new double[states];
        long totalSends = 0;
        long totalResponses = 0;
        for (int s = 0; s < states; s++) {
            responses[s] = heldOut.responses(s);
            rate[s] = heldOut.conversion(s);
            totalSends += sends[s];
            totalResponses += responses[s];
        }

        int[][][] chosen = new int[methods][][];
        int[][] chosenFlat = new int[methods][];
        long[] chosenSends = new long[methods];
        long[] chosenResponses = new long[methods];
        for (int m = 0; m < methods; m++) {
            double[] score = scores.get(m);
            if (score.length != states) {
                throw new IllegalArgumentException("need one score per state (" + states + "), not " + score.length);
            }
            chosen[m] = TopSelection.topPerSubject(space, score, trainingSends, options.minSends(), options.topN());
            chosenFlat[m] = flatten(chosen[m]);
            for (int s : chosenFlat[m]) {
                chosenSends[m] += sends[s];
                chosenResponses[m] += responses[s];
            }
        }
        // The oracle: the best cells by held-out rate, among cells with enough held-out sends.
        long oracleMinSends = Math.max(1, options.minSends());
        int[][] oracleChosen = TopSelection.topPerSubject(space, rate, sends, oracleMinSends, options.topN());
        long oracleSends = 0;
        long oracleResponses = 0;
        for (int s : flatten(oracleChosen)) {
            oracleSends += sends[s];
            oracleResponses += responses[s];
        }
        double base = ratio(totalResponses, totalSends);
        double oraclePoint = ratio(oracleResponses, oracleSends);

        int samples = options.bootstrapSamples();
        double[][] topReplicates = new double[methods][samples];
        double[] baseReplicates = new double[samples];
        double[] oracleReplicates = new double[samples];
        if (samples > 0) {
            // With the oracle's cells fixed, they are summed like one more method's.
            boolean fixed = options.oracle() == OracleResampling.FIXED;
            int[][] summed = java.util.Arrays.copyOf(chosenFlat, fixed ? methods + 1 : methods);
            double[][] summedReplicates = java.util.Arrays.copyOf(topReplicates, summed.length);
            long[] summedSends = java.util.Arrays.copyOf(chosenSends, summed.length);
            if (fixed) {
                summed[methods] = flatten(oracleChosen);
                summedReplicates[methods] = oracleReplicates;
                summedSends[methods] = oracleSends;
            }
            bootstrap(
                    space,
                    sends,
                    responses,
                    rate,
                    summed,
                    summedSends,
                    fixed ? -1 : oracleMinSends,
                    options,
                    summedReplicates,
                    baseReplicates,
                    oracleReplicates);
        }
        Estimate baseEstimate = Estimate.fromReplicates(base, baseReplicates);
        Estimate oracleEstimate = Estimate.fromReplicates(oraclePoint, oracleReplicates);
        List<Result> results = new ArrayList<>(methods);
        double[] lifts = new double[samples];
        double[] regrets = new double[samples];
        for (int m = 0; m < methods; m++) {
            double top = ratio(chosenResponses[m], chosenSends[m]);
            for (int b = 0; b < samples; b++) {
                lifts[b] = topReplicates[m][b] / baseReplicates[b];
                regrets[b] = oracleReplicates[b] - topReplicates[m][b];
            }
            results.add(new Result(
                    labels.get(m),
                    chosen[m],
                    oracleChosen,
                    chosenSends[m],
                    chosenResponses[m],
                    Estimate.fromReplicates(top, topReplicates[m]),
                    baseEstimate,
                    Estimate.fromReplicates(top / base, lifts),
                    oracleEstimate,
                    Estimate.fromReplicates(oraclePoint - top, regrets)));
        }
        return new Comparison(results, topReplicates);
    }

    /**
     * Redraws the held-out responses B times and fills the replicates: the base, each fixed set of
     * cells' conversion, and — when {@code reselectMinSends ≥ 0} — the oracle re-picked among the
     * cells with at least that many sends. Cell-major: all B draws of one cell are made together,
     * while its sampler table is in cache, and each replicate keeps its own running sums and its
     * own best N cells of the current subject line.
     */
    private static void bootstrap(
            StateSpace space,
            long[] sends,
            long[] responses,
            double[] rate,
            int[][] chosenFlat,
            long[] chosenSends,
            long reselectMinSends,
            Options options,
            double[][] topReplicates,
            double[] baseReplicates,
            double[] oracleReplicates) {
        int samples = options.bootstrapSamples();
        int methods = chosenFlat.length;
        int states = sends.length;
        // Which methods chose each cell (most cells: none).
        int[] chooserCount = new int[states];
        for (int[] flat : chosenFlat) {
            for (int s : flat) {
                chooserCount[s]++;
            }
        }
        int[][] choosers = new int[states][];
        for (int m = 0; m < methods; m++) {
            for (int s : chosenFlat[m]) {
                if (choosers[s] == null) {
                    choosers[s] = new int[chooserCount[s]];
                    chooserCount[s] = 0;
                }
                choosers[s][chooserCount[s]++] = m;
            }
        }
        BinomialSampler sampler = new BinomialSampler(sends, rate);
        SplittableRandom random = new SplittableRandom(options.seed());
        long totalSends = 0;
        long fixedResponses = 0;
        long[] drawnTotal = new long[samples];
        long[][] topSums = new long[methods][samples];
        OracleSlots oracle = new OracleSlots(samples, options.topN());
        long[] drawn = new long[samples];
        for (int subject = 0; subject < space.size(Attribute.SUBJECT); subject++) {
            SubjectSpan span = SubjectSpan.of(space, subject);
            oracle.reset();
            for (int s = span.start(); s < span.end(); s++) {
                long n = sends[s];
                if (n == 0) {
                    continue;
                }
                totalSends += n;
                boolean candidate = reselectMinSends >= 0 && n >= reselectMinSends;
                boolean constant = sampler.isConstant(s);
                if (constant && !candidate && choosers[s] == null) {
                    fixedResponses += responses[s];
                    continue;
                }
                sampler.drawMany(s, random, drawn, samples, responses[s]);
                for (int b = 0; b < samples; b++) {
                    drawnTotal[b] += drawn[b];
                }
                if (choosers[s] != null) {
                    for (int m : choosers[s]) {
                        long[] sums = topSums[m];
                        for (int b = 0; b < samples; b++) {
                            sums[b] += drawn[b];
                        }
                    }
                }
                if (candidate) {
                    for (int b = 0; b < samples; b++) {
                        oracle.offer(b, s, drawn[b], n);
                    }
                }
            }
            oracle.collect();
        }
        for (int b = 0; b < samples; b++) {
            baseReplicates[b] = ratio(drawnTotal[b] + fixedResponses, totalSends);
            if (reselectMinSends >= 0) {
                oracleReplicates[b] = ratio(oracle.responses[b], oracle.sends[b]);
            }
            for (int m = 0; m < methods; m++) {
                topReplicates[m][b] = ratio(topSums[m][b], chosenSends[m]);
            }
        }
    }

    /**
     * For each of several replicates, the best N cells of the current subject line by rate (then
     * sends, then index) among the cells offered, and the running sums of their responses and
     * sends over the subject lines collected so far. Rates are compared exactly, by
     * cross-multiplying counts.
     */
    private static final class OracleSlots {
        private final int n;
        private final int[] count;
        private final int[] state;
        private final long[] slotResponses;
        private final long[] slotSends;
        // The last (worst) kept cell of each replicate, dense, for the common quick rejection.
        private final long[] worstResponses;
        private final long[] worstSends;
        private final int[] worstState;
        final long[] responses;
        final long[] sends;

        OracleSlots(int replicates, int n) {
            this.n = n;
            count = new int[replicates];
            state = new int[replicates * n];
            slotResponses = new long[replicates * n];
            slotSends = new long[replicates * n];
            worstResponses = new long[replicates];
            worstSends = new long[replicates];
            worstState = new int[replicates];
            responses = new long[replicates];
            sends = new long[replicates];
        }

        /** Starts a new subject line. */
        void reset() {
            java.util.Arrays.fill(count, 0);
        }

        void offer(int replicate, int s, long r, long sent) {
            int filled = count[replicate];
            if (filled == n
                    && !before(s, r, sent, worstState[replicate], worstResponses[replicate], worstSends[replicate])) {
                return;
            }
            int base = replicate * n;
            int position = filled < n ? filled : n - 1;
            if (filled < n) {
                count[replicate] = filled + 1;
            }
            while (position > 0
                    && before(
                            s,
                            r,
                            sent,
                            state[base + position - 1],
                            slotResponses[base + position - 1],
                            slotSends[base + position - 1])) {
                state[base + position] = state[base + position - 1];
                slotResponses[base + position] = slotResponses[base + position - 1];
                slotSends[base + position] = slotSends[base + position - 1];
                position--;
            }
            state[base + position] = s;
            slotResponses[base + position] = r;
            slotSends[base + position] = sent;
            int last = base + count[replicate] - 1;
            worstState[replicate] = state[last];
            worstResponses[replicate] = slotResponses[last];
            worstSends[replicate] = slotSends[last];
        }

        /** Adds the current subject line's best cells to the running sums. */
        void collect() {
            for (int replicate = 0; replicate < count.length; replicate++) {
                int base = replicate * n;
                for (int i = 0; i < count[replicate]; i++) {
                    responses[replicate] += slotResponses[base + i];
                    sends[replicate] += slotSends[base + i];
                }
            }
        }

        /** Whether cell s (r of sent) ranks before cell other (otherR of otherSent). */
        private static boolean before(int s, long r, long sent, int other, long otherR, long otherSent) {
            double left = (double) r * otherSent;
            double right = (double) otherR * sent;
            if (left != right) {
                return left > right;
            }
            if (sent != otherSent) {
                return sent > otherSent;
            }
            return s < other;
        }
    }

    private static int[] flatten(int[][] perSubject) {
        int total = 0;
        for (int[] states : perSubject) {
            total += states.length;
        }
        int[] flat = new int[total];
        int k = 0;
        for (int[] states : perSubject) {
            System.arraycopy(states, 0, flat, k, states.length);
            k += states.length;
        }
        return flat;
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
