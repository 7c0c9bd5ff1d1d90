package org.campaignrl.domain.ranking.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.numerics.BinomialSampler;
import org.campaignrl.domain.ranking.RankingMethod;
import org.campaignrl.domain.ranking.Synthetic;
import org.junit.jupiter.api.Test;

class HeldOutEvaluationTest {
    private static final StateSpace TWO = new StateSpace(new int[] {4, 9}, List.of("a.com"));
    private static final int PER = TWO.size() / 2;

    private static Cells cells(StateSpace space, long[][] histories) {
        long[] sends = new long[space.size()];
        long[] responses = new long[space.size()];
        for (long[] history : histories) {
            sends[(int) history[0]] = history[1];
            responses[(int) history[0]] = history[2];
        }
        return new Cells(space, sends, responses);
    }

    @Test
    void exactArithmeticOnATinyCase() {
        Cells training =
                cells(TWO, new long[][] {{1, 10, 5}, {2, 10, 2}, {3, 10, 8}, {PER + 1, 20, 10}, {PER + 2, 5, 0}});
        Cells heldOut = cells(TWO, new long[][] {
            {1, 20, 4}, {2, 10, 6}, {3, 30, 6}, {PER + 1, 10, 1}, {PER + 2, 40, 20}, {7, 5, 5}
        });
        HeldOutEvaluation.Options options =
                new HeldOutEvaluation.Options(2, 1, 0.95, 0, 1, HeldOutEvaluation.OracleResampling.FIXED);
        HeldOutEvaluation.Result result =
                HeldOutEvaluation.evaluate(training, heldOut, RankingMethod.RAW_RATE, options);

        assertArrayEquals(new int[] {3, 1}, result.chosen(0));
        assertArrayEquals(new int[] {PER + 1, PER + 2}, result.chosen(1));
        assertEquals(4, result.chosenCount());
        assertEquals(100, result.chosenHeldOutSends());
        assertEquals(31, result.chosenHeldOutResponses());
        assertEquals(0.31, result.top().value(), 1e-15);
        assertEquals(42.0 / 115, result.base().value(), 1e-15);
        assertEquals(0.31 / (42.0 / 115), result.lift().value(), 1e-12);
        // Oracle: subject 0 picks cell 7 (5/5) and cell 2 (6/10); subject 1 both of its cells.
        assertEquals(32.0 / 65, result.oracle().value(), 1e-15);
        assertEquals(32.0 / 65 - 0.31, result.regret().value(), 1e-15);
        assertArrayEquals(new int[] {7, 2}, result.oracleChosen(0));
        assertArrayEquals(new int[] {PER + 2, PER + 1}, result.oracleChosen(1));
        assertTrue(Double.isNaN(result.top().lower()), "no bootstrap, no interval");
    }

    @Test
    void rankingOnTheHeldOutDataItselfMatchesTheOracle() {
        Cells cells = Synthetic.draw(Synthetic.truth(), 97_000, 5);
        HeldOutEvaluation.Result result = HeldOutEvaluation.evaluate(
                cells, cells, RankingMethod.RAW_RATE, HeldOutEvaluation.Options.DEFAULT.withBootstrap(0, 1));
        assertEquals(result.oracle().value(), result.top().value(), 0.0);
        assertEquals(0.0, result.regret().value(), 0.0);
        assertEquals(30, result.chosenCount());
    }

    @Test
    void aRandomRankingHasALiftOfOneOnAverage() {
        double[] truth = Synthetic.truth();
        Cells training = Synthetic.draw(truth, 97_000, 11);
        Cells heldOut = Synthetic.draw(truth, 97_000, 12);
        HeldOutEvaluation.Options options =
                HeldOutEvaluation.Options.DEFAULT.withTopN(50).withMinSends(0).withBootstrap(0, 1);
        SplittableRandom random = new SplittableRandom(99);
        double[] scores = new double[truth.length];
        double sum = 0;
        int runs = 400;
        for (int run = 0; run < runs; run++) {
            for (int s = 0; s < scores.length; s++) {
                scores[s] = random.nextDouble();
            }
            sum += HeldOutEvaluation.evaluate(training, heldOut, "random", scores, options)
                    .lift()
                    .value();
        }
        assertEquals(1.0, sum / runs, 0.03);
    }

    @Test
    void bootstrapIntervalsContainThePointEstimatesAndAreSeeded() {
        double[] truth = Synthetic.truth();
        Cells training = Synthetic.draw(truth, 97_000, 21);
        Cells heldOut = Synthetic.draw(truth, 97_000, 22);
        HeldOutEvaluation.Options options = HeldOutEvaluation.Options.DEFAULT.withBootstrap(1000, 7);
        for (RankingMethod method : RankingMethod.values()) {
            HeldOutEvaluation.Result result = HeldOutEvaluation.evaluate(training, heldOut, method, options);
            assertContains(result.top(), method + " top");
            assertContains(result.base(), method + " base");
            assertContains(result.lift(), method + " lift");
            assertContains(result.oracle(), method + " oracle");
            assertContains(result.regret(), method + " regret");
            assertTrue(result.top().width() > 0 && result.base().width() > 0);
            assertTrue(result.base().width() < result.top().width(), "the base pools far more sends");
        }
        HeldOutEvaluation.Result first = HeldOutEvaluation.evaluate(training, heldOut, RankingMethod.SHRUNK, options);
        HeldOutEvaluation.Result again = HeldOutEvaluation.evaluate(training, heldOut, RankingMethod.SHRUNK, options);
        HeldOutEvaluation.Result otherSeed =
                HeldOutEvaluation.evaluate(training, heldOut, RankingMethod.SHRUNK, options.withBootstrap(1000, 8));
        assertEquals(first.top(), again.top());
        assertEquals(first.lift(), again.lift());
        assertEquals(first.oracle(), again.oracle());
        assertEquals(first.regret(), again.regret());
        // The top figure moves in steps of 1/(chosen sends), so its percentiles may well coincide
        // across seeds; the base pools ~100 000 sends and does not.
        assertNotEquals(first.base(), otherSeed.base());
        assertEquals(first.top().value(), otherSeed.top().value());
    }

    @Test
    void reselectingTheOracleInEveryReplicateShowsItsWinnersCurse() {
        double[] truth = Synthetic.truth();
        Cells training = Synthetic.draw(truth, 48_500, 41);
        Cells heldOut = Synthetic.draw(truth, 48_500, 42);
        HeldOutEvaluation.Options fixed = HeldOutEvaluation.Options.DEFAULT;
        HeldOutEvaluation.Result kept = HeldOutEvaluation.evaluate(training, heldOut, RankingMethod.SHRUNK, fixed);
        HeldOutEvaluation.Result repicked = HeldOutEvaluation.evaluate(
                training,
                heldOut,
                RankingMethod.SHRUNK,
                fixed.withOracle(HeldOutEvaluation.OracleResampling.RESELECTED));
        assertEquals(kept.oracle().value(), repicked.oracle().value());
        assertEquals(kept.top(), repicked.top());
        // Small held-out cells: each replicate re-picks its own luckiest cells, above the point.
        assertTrue(repicked.oracle().lower() > kept.oracle().lower(), repicked.oracle() + " vs " + kept.oracle());
        assertTrue(repicked.oracle().upper() > kept.oracle().upper());
    }

    private static void assertContains(Estimate estimate, String what) {
        assertTrue(estimate.contains(estimate.value()), what + ": " + estimate);
    }

    @Test
    void comparisonSharesReplicatesAndPairsTheDifferences() {
        double[] truth = Synthetic.truth();
        Cells training = Synthetic.draw(truth, 97_000, 31);
        Cells heldOut = Synthetic.draw(truth, 97_000, 32);
        HeldOutEvaluation.Options options = HeldOutEvaluation.Options.DEFAULT;
        HeldOutEvaluation.Comparison comparison = HeldOutEvaluation.compare(
                training, heldOut, List.of(RankingMethod.RAW_RATE, RankingMethod.SHRUNK), options);
        assertEquals(2, comparison.results().size());
        assertEquals(
                HeldOutEvaluation.evaluate(training, heldOut, RankingMethod.SHRUNK, options)
                        .top(),
                comparison.results().get(1).top());
        Estimate difference = comparison.difference(1, 0);
        assertEquals(
                comparison.results().get(1).top().value()
                        - comparison.results().get(0).top().value(),
                difference.value(),
                1e-15);
        assertEquals(0.0, comparison.difference(0, 0).width(), 0.0);
        assertThrows(
                IllegalArgumentException.class, () -> HeldOutEvaluation.compare(training, heldOut, List.of(), options));
    }

    @Test
    void theSamplerDrawsBinomialsWithTheRightMeanAndVariance() {
        long[] n = {12, 12, 400, 400, 9, 5};
        double[] p = {0.1, 0.9, 0.1, 0.5, 0.0, 1.0};
        BinomialSampler sampler = new BinomialSampler(n, p);
        assertTrue(sampler.isConstant(4));
        assertTrue(sampler.isConstant(5));
        SplittableRandom random = new SplittableRandom(1);
        int draws = 200_000;
        for (int c = 0; c < 4; c++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < draws; i++) {
                long k = sampler.draw(c, random);
                assertTrue(k >= 0 && k <= n[c]);
                sum += k;
                squares += (double) k * k;
            }
            double mean = sum / draws;
            double variance = squares / draws - mean * mean;
            double trueVariance = n[c] * p[c] * (1 - p[c]);
            assertEquals(n[c] * p[c], mean, 4 * Math.sqrt(trueVariance / draws) + 1e-9, "mean of cell " + c);
            assertEquals(trueVariance, variance, 0.03 * trueVariance + 0.01, "variance of cell " + c);
        }
    }

    @Test
    void regretAgainstAKnownTruth() {
        StateSpace space = TWO;
        double[] truth = new double[space.size()];
        truth[1] = 0.9;
        truth[2] = 0.5;
        truth[3] = 0.1;
        truth[PER + 1] = 0.3;
        Cells training = cells(space, new long[][] {{1, 10, 1}, {2, 10, 5}, {3, 10, 9}, {PER + 1, 10, 3}});
        TruthRegret raw = TruthRegret.evaluate(training, truth, RankingMethod.RAW_RATE, 1, 1, 0.95);
        // Raw picks cell 3 (true 0.1) and PER + 1 (0.3); the truly best are 1 (0.9) and PER + 1.
        assertEquals(2, raw.chosenCount());
        assertEquals(0.2, raw.chosenMean(), 1e-12);
        assertEquals(0.6, raw.bestMean(), 1e-12);
        assertEquals(0.4, raw.regret(), 1e-12);
        TruthRegret perfect = TruthRegret.evaluate(training, truth, "truth", truth, 1, 1);
        assertEquals(0.0, perfect.regret(), 0.0);
    }
}
