package org.campaignrl.domain.ranking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.ranking.evaluation.Estimate;
import org.campaignrl.domain.ranking.evaluation.HeldOutEvaluation;
import org.campaignrl.domain.ranking.evaluation.TruthRegret;
import org.junit.jupiter.api.Test;

/**
 * The methods side by side on synthetic cells drawn from the generator-like truth (see
 * {@link Synthetic}). Training is sparse — about 48 500 pairs, ≈ 5.6 sends per cell, where raw
 * rates chase luck — and the held-out part is large (1.2 M pairs, ≈ 140 sends per cell), so that
 * it measures the chosen cells' conversion precisely instead of adding its own luck. Four
 * independent splits; the figures are their means.
 */
class MethodComparisonTest {
    private static final int SPLITS = 4;

    @Test
    void borrowingStrengthBeatsRawRatesOnSparseCells() {
        double[] truth = Synthetic.truth();
        RankingMethod[] methods = RankingMethod.values();
        double[] heldOutTop = new double[methods.length];
        double[] trueMean = new double[methods.length];
        StringBuilder report = new StringBuilder();
        for (long split = 1; split <= SPLITS; split++) {
            Cells training = Synthetic.draw(truth, 48_500, 100 + split);
            Cells heldOut = Synthetic.draw(truth, 1_200_000, 200 + split);
            HeldOutEvaluation.Comparison comparison = HeldOutEvaluation.compare(
                    training, heldOut, List.of(methods), HeldOutEvaluation.Options.DEFAULT.withMinSends(5));
            report.append(String.format(
                    Locale.ROOT,
                    "split %d: %d training sends, %d held-out sends, base %.4f," + " oracle %.4f%n",
                    split,
                    training.totalSends(),
                    heldOut.totalSends(),
                    comparison.results().get(0).base().value(),
                    comparison.results().get(0).oracle().value()));
            for (int m = 0; m < methods.length; m++) {
                HeldOutEvaluation.Result result = comparison.results().get(m);
                TruthRegret regret = TruthRegret.evaluate(training, truth, methods[m], 10, 5, 0.95);
                Estimate vsRaw = comparison.difference(m, RankingMethod.RAW_RATE.ordinal());
                heldOutTop[m] += result.top().value() / SPLITS;
                trueMean[m] += regret.chosenMean() / SPLITS;
                report.append(String.format(
                        Locale.ROOT,
                        "  %-18s held-out top %.4f [%.4f, %.4f]  lift %.2f  minus raw %+.4f [%+.4f, %+.4f]"
                                + "  true mean %.4f (best %.4f, regret %.4f)%n",
                        methods[m],
                        result.top().value(),
                        result.top().lower(),
                        result.top().upper(),
                        result.lift().value(),
                        vsRaw.value(),
                        vsRaw.lower(),
                        vsRaw.upper(),
                        regret.chosenMean(),
                        regret.bestMean(),
                        regret.regret()));
            }
        }
        report.append("means over the splits:\n");
        for (int m = 0; m < methods.length; m++) {
            report.append(String.format(
                    Locale.ROOT,
                    "  %-18s held-out top %.4f  true mean %.4f%n",
                    methods[m],
                    heldOutTop[m],
                    trueMean[m]));
        }
        System.out.print(report);
        int raw = RankingMethod.RAW_RATE.ordinal();
        for (RankingMethod method :
                List.of(RankingMethod.SHRUNK, RankingMethod.LOGISTIC_SHRUNK, RankingMethod.SEGMENT_SHRUNK)) {
            assertTrue(heldOutTop[method.ordinal()] >= heldOutTop[raw], method + "\n" + report);
            assertTrue(trueMean[method.ordinal()] >= trueMean[raw], method + "\n" + report);
        }
        // Segments borrow from the rest of the segment where the main effects see nothing to borrow.
        int logistic = RankingMethod.LOGISTIC_SHRUNK.ordinal();
        int segment = RankingMethod.SEGMENT_SHRUNK.ordinal();
        assertTrue(
                heldOutTop[segment] > heldOutTop[logistic] && trueMean[segment] > trueMean[logistic],
                report.toString());
    }
}
