package org.campaignrl.domain.estimators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.campaignrl.domain.Cells;
import org.campaignrl.domain.ranking.Synthetic;
import org.junit.jupiter.api.Test;

class BetaPosteriorsTest {
    private static final Cells CELLS = Synthetic.draw(Synthetic.truth(), 60_000, 3);

    @Test
    void theShrinkageEstimatesAreThePosteriorsMeansAndOneFitGivesBoth() {
        double[] estimates = new SegmentShrinkage().estimate(CELLS);
        BetaPosteriors posteriors = new SegmentShrinkage().posteriors(CELLS, 1);
        for (int s = 0; s < estimates.length; s++) {
            assertEquals(estimates[s], posteriors.mean(s), 1e-12);
        }
        SegmentShrinkage.Fitted fitted = new SegmentShrinkage().fitted(CELLS, 1.7);
        assertArrayEquals(estimates, fitted.estimates());
        BetaPosteriors wider = new SegmentShrinkage().posteriors(CELLS, 1.7);
        for (int s = 0; s < estimates.length; s++) {
            assertEquals(wider.alpha(s), fitted.posteriors().alpha(s), 1e-12);
            assertEquals(wider.beta(s), fitted.posteriors().beta(s), 1e-12);
        }
    }

    @Test
    void countingSeveralSendsAsOneDrawDividesTheCounts() {
        double[] means = new double[CELLS.space().size()];
        java.util.Arrays.fill(means, 0.1);
        BetaPosteriors sends = BetaPosteriors.ofPriors(CELLS, means, 20);
        BetaPosteriors pairs = BetaPosteriors.ofPriors(CELLS, means, 20, 2);
        int s = 0;
        while (CELLS.sends(s) < 4) {
            s++;
        }
        assertEquals(CELLS.responses(s) + 2, sends.alpha(s), 1e-12);
        assertEquals(CELLS.responses(s) / 2.0 + 2, pairs.alpha(s), 1e-12);
        assertEquals((CELLS.sends(s) - CELLS.responses(s)) / 2.0 + 18, pairs.beta(s), 1e-12);
        assertTrue(pairs.variance(s) > sends.variance(s), "half the draws, a wider posterior");
        assertEquals(
                0.5,
                BetaPosteriors.jeffreys(new Cells(
                                CELLS.space(),
                                new long[CELLS.space().size()],
                                new long[CELLS.space().size()]))
                        .mean(0),
                1e-12);
    }
}
