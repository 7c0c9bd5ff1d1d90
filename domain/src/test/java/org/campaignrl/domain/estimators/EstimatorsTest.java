package org.campaignrl.domain.estimators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.ranking.Synthetic;
import org.junit.jupiter.api.Test;

class EstimatorsTest {
    /** 1 subject, 1 domain: 980 states. */
    private static final StateSpace TINY = new StateSpace(new int[] {1}, List.of("a.com"));
    /** 3 subjects, 2 domains: 5880 states, 22 logistic parameters. */
    private static final StateSpace SMALL = new StateSpace(new int[] {4, 9, 17}, List.of("a.com", "b.org"));

    @Test
    void rawRateIsResponsesOverSends() {
        long[] sends = new long[TINY.size()];
        long[] responses = new long[TINY.size()];
        sends[3] = 8;
        responses[3] = 2;
        double[] rates = new RawRate().estimate(new Cells(TINY, sends, responses));
        assertEquals(0.25, rates[3]);
        assertEquals(0.0, rates[4]);
    }

    /** True rates 0.05, 0.10 or 0.20 at random; half the cells have 5 sends, half 500. */
    private static Cells mixedCells(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] levels = {0.05, 0.10, 0.20};
        long[] sends = new long[TINY.size()];
        long[] responses = new long[TINY.size()];
        for (int s = 0; s < TINY.size() - 10; s++) { // the last 10 cells stay empty
            double p = levels[random.nextInt(3)];
            sends[s] = s % 2 == 0 ? 5 : 500;
            for (int i = 0; i < sends[s]; i++) {
                if (random.nextDouble() < p) {
                    responses[s]++;
                }
            }
        }
        // Two cells with the same raw rate, 0.6, on very different evidence.
        sends[0] = 5;
        responses[0] = 3;
        sends[1] = 500;
        responses[1] = 300;
        return new Cells(TINY, sends, responses);
    }

    @Test
    void shrinkagePullsSmallCellsMoreThanLargeOnes() {
        Cells cells = mixedCells(7);
        EmpiricalBayesShrinkage shrinkage = new EmpiricalBayesShrinkage();
        BetaPrior prior = shrinkage.prior(cells, 0);
        double[] shrunk = shrinkage.estimate(cells);
        double mean = prior.mean();
        assertTrue(shrunk[0] < shrunk[1], "3/5 must be pulled down more than 300/500");
        assertTrue(Math.abs(shrunk[0] - mean) < 0.5 * Math.abs(0.6 - mean), "small cell: " + shrunk[0]);
        assertTrue(Math.abs(shrunk[1] - 0.6) < 0.05 * Math.abs(0.6 - mean), "large cell: " + shrunk[1]);
        // Spread of true rates: var 0.0039 around 0.117, so ρ ≈ 0.038 and a strength of about 25.
        assertTrue(prior.strength() > 12 && prior.strength() < 50, "strength " + prior.strength());
        // A cell never sent to gets the prior mean.
        assertEquals(mean, shrunk[TINY.size() - 1], 1e-12);
    }

    @Test
    void shrinkageLeavesTheSendWeightedMeanAboutUnchanged() {
        Cells cells = mixedCells(11);
        double[] shrunk = new EmpiricalBayesShrinkage().estimate(cells);
        double weighted = 0;
        for (int s = 0; s < shrunk.length; s++) {
            weighted += cells.sends(s) * shrunk[s];
        }
        double pooled = (double) cells.totalResponses() / cells.totalSends();
        assertEquals(pooled, weighted / cells.totalSends(), 0.002);
    }

    @Test
    void shrinkagePoolsCompletelyWhenCellsDifferOnlyByBinomialNoise() {
        SplittableRandom random = new SplittableRandom(3);
        long[] sends = new long[TINY.size()];
        long[] responses = new long[TINY.size()];
        for (int s = 0; s < TINY.size(); s++) {
            sends[s] = 40;
            for (int i = 0; i < 40; i++) {
                if (random.nextDouble() < 0.1) {
                    responses[s]++;
                }
            }
        }
        BetaPrior prior = new EmpiricalBayesShrinkage().prior(new Cells(TINY, sends, responses), 0);
        assertTrue(prior.strength() > 1000, "strength " + prior.strength());
    }

    @Test
    void aSubjectNeverSentToGetsThePooledRate() {
        long[] sends = new long[SMALL.size()];
        long[] responses = new long[SMALL.size()];
        sends[0] = 10;
        responses[0] = 2;
        sends[1] = 30;
        responses[1] = 2;
        double[] shrunk = new EmpiricalBayesShrinkage().estimate(new Cells(SMALL, sends, responses));
        int lastSubjectState = SMALL.size() - 1;
        assertEquals(0.1, shrunk[lastSubjectState], 1e-6);
    }

    /** logit p = −2 + planted effects, code 0 the reference of every attribute. */
    private static final double INTERCEPT = -2.0;

    private static final double[][] PLANTED = {
        {0, 0.4, -0.3},
        {0, 0.3, 0.2, 0.0, -0.15, -0.35, -0.5},
        {0, 0.1, 0.2, 0.3, 0.35, 0.45, 0.5},
        {0, 0.25},
        {0, 0.2, 0.45, 0.5, 0.3},
        {0, -0.24},
        {0, 0.3}
    };

    private static double[] plantedTruth(StateSpace space) {
        double[] p = new double[space.size()];
        for (int s = 0; s < p.length; s++) {
            double eta = INTERCEPT;
            for (int a = 0; a < Attribute.COUNT; a++) {
                eta += PLANTED[a][space.code(s, Attribute.atPosition(a))];
            }
            p[s] = 1 / (1 + Math.exp(-eta));
        }
        return p;
    }

    @Test
    void logisticModelRecoversPlantedMainEffects() {
        Cells cells = Synthetic.drawIndependent(SMALL, plantedTruth(SMALL), 300, 5);
        AdditiveLogisticModel.Fit fit = new AdditiveLogisticModel().fit(cells);
        assertTrue(fit.converged());
        assertEquals(22, fit.parameterCount());
        assertEquals(INTERCEPT, fit.intercept(), 0.05);
        for (int a = 0; a < Attribute.COUNT; a++) {
            Attribute attribute = Attribute.atPosition(a);
            for (int code = 0; code < PLANTED[a].length; code++) {
                assertEquals(PLANTED[a][code], fit.effect(attribute, code), 0.05, attribute + " " + code);
            }
        }
    }

    @Test
    void logisticModelPredictsCellsNeverSentTo() {
        double[] truth = plantedTruth(SMALL);
        Cells full = Synthetic.drawIndependent(SMALL, truth, 100, 9);
        long[] sends = new long[SMALL.size()];
        long[] responses = new long[SMALL.size()];
        for (int s = 0; s < sends.length; s++) {
            if (s % 3 != 0) { // a third of the cells empty
                sends[s] = full.sends(s);
                responses[s] = full.responses(s);
            }
        }
        double[] predictions = new AdditiveLogisticModel().estimate(new Cells(SMALL, sends, responses));
        double worst = 0;
        for (int s = 0; s < sends.length; s += 3) {
            worst = Math.max(worst, Math.abs(predictions[s] - truth[s]));
        }
        assertTrue(worst < 0.03, "largest error on an empty cell: " + worst);
    }

    @Test
    void logisticModelWithoutAnyResponsePredictsZero() {
        long[] sends = new long[TINY.size()];
        sends[5] = 10;
        double[] predictions = new AdditiveLogisticModel().estimate(new Cells(TINY, sends, new long[TINY.size()]));
        assertEquals(0.0, predictions[5]);
        assertEquals(0.0, predictions[6]);
    }

    @Test
    void logisticShrinkageBlendsRawRateAndPrediction() {
        Cells cells = Synthetic.drawIndependent(SMALL, plantedTruth(SMALL), 20, 13);
        AdditiveLogisticModel model = new AdditiveLogisticModel();
        double[] predictions = model.estimate(cells);
        double[] blended = new LogisticShrinkage(model, 10).estimate(cells);
        for (int s = 0; s < 50; s++) {
            double expected = (cells.responses(s) + 10 * predictions[s]) / (cells.sends(s) + 10);
            assertEquals(expected, blended[s], 1e-12);
        }
        // Data with no interactions: hardly any spread left around the model, so a strong prior.
        double strength = new LogisticShrinkage().strength(cells);
        assertTrue(strength > 200, "strength " + strength);
    }

    @Test
    void logisticShrinkageOfStrengthZeroIsTheRawRate() {
        Cells cells = Synthetic.drawIndependent(SMALL, plantedTruth(SMALL), 20, 17);
        double[] raw = new RawRate().estimate(cells);
        double[] blended = new LogisticShrinkage(new AdditiveLogisticModel(), 0).estimate(cells);
        assertArrayEquals(raw, blended, 1e-15);
    }

    @Test
    void logisticShrinkageFindsAnInteractionTheMainEffectsMiss() {
        double[] truth = Synthetic.truth();
        Cells cells = Synthetic.draw(truth, 1_200_000, 21); // full-size-like: ~140 sends per cell
        int planted = Synthetic.SPACE.indexOfCodes(2, 6, 0, 1, 2, 1, 1); // Sunday comcast.net men, subject 3
        double logistic = new AdditiveLogisticModel().estimate(cells)[planted];
        double blended = new LogisticShrinkage().estimate(cells)[planted];
        assertTrue(truth[planted] > 0.4);
        assertTrue(logistic < 0.2, "main effects alone: " + logistic);
        assertTrue(
                Math.abs(blended - truth[planted]) < Math.abs(logistic - truth[planted]) / 2,
                "blended " + blended + ", truth " + truth[planted]);
    }

    @Test
    void segmentShrinkageKeepsTheMainEffectsWhereThereIsNoInteraction() {
        Cells cells = Synthetic.drawIndependent(SMALL, plantedTruth(SMALL), 20, 23);
        double[] predictions = new AdditiveLogisticModel().estimate(cells);
        double[] priors = SegmentShrinkage.priors(cells, predictions);
        // Each prior takes the most deviant of 28 parents, so noise at its largest; still near the prediction.
        double deviation = 0;
        for (int s = 0; s < priors.length; s++) {
            deviation += Math.abs(priors[s] / predictions[s] - 1) / priors.length;
        }
        assertTrue(deviation < 0.15, "mean relative deviation of the priors from the main effects: " + deviation);
    }

    @Test
    void segmentShrinkageLeavesTheCellItselfOutOfItsPrior() {
        Cells cells = Synthetic.drawIndependent(SMALL, plantedTruth(SMALL), 20, 29);
        double[] predictions = new AdditiveLogisticModel().estimate(cells);
        long[] responses = new long[SMALL.size()];
        long[] sends = new long[SMALL.size()];
        for (int s = 0; s < sends.length; s++) {
            sends[s] = cells.sends(s);
            responses[s] = cells.responses(s);
        }
        int lucky = 100;
        responses[lucky] = sends[lucky]; // every send answered: luck, or a segment of one
        double[] before = SegmentShrinkage.priors(cells, predictions);
        double[] after = SegmentShrinkage.priors(new Cells(SMALL, sends, responses), predictions);
        assertEquals(before[lucky], after[lucky], 1e-12);
    }

    @Test
    void segmentShrinkageBorrowsFromTheRestOfASegmentTheMainEffectsMiss() {
        double[] truth = Synthetic.truth();
        Cells cells = Synthetic.draw(truth, 1_200_000, 31); // full-size-like: ~140 sends per cell
        double[] predictions = new AdditiveLogisticModel().estimate(cells);
        double[] priors = SegmentShrinkage.priors(cells, predictions);
        double predictionError = 0;
        double priorError = 0;
        int planted = 0;
        for (int s = 0; s < truth.length; s++) {
            if (truth[s] > 0.4) { // the planted segments' cells
                predictionError += Math.abs(predictions[s] - truth[s]);
                priorError += Math.abs(priors[s] - truth[s]);
                planted++;
            }
        }
        assertTrue(planted > 20, "planted cells: " + planted);
        assertTrue(
                priorError < predictionError * 0.75,
                "mean absolute error on the planted cells: priors " + priorError / planted + ", main effects "
                        + predictionError / planted);
    }
}
