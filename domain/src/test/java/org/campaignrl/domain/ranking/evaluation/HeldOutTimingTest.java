package org.campaignrl.domain.ranking.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.ranking.RankingMethod;
import org.campaignrl.domain.ranking.Synthetic;
import org.junit.jupiter.api.Test;

/**
 * How long the held-out evaluation takes on all 17 640 cells with B = 1000, at the bundled
 * sample's size (≈ 200 000 sends) and at full size (≈ 2.5 M sends). Prints the times (see
 * target/surefire-reports); the bound asserted is loose, for a loaded 2-vCPU machine.
 */
class HeldOutTimingTest {

    @Test
    void aThousandReplicatesOverEveryCellTakeAFewHundredMilliseconds() {
        double[] truth = Synthetic.truth();
        StringBuilder report = new StringBuilder();
        long worst = 0;
        for (double pairs : new double[] {97_000, 1_200_000}) {
            Cells training = Synthetic.draw(truth, pairs, 1);
            Cells heldOut = Synthetic.draw(truth, pairs, 2);
            HeldOutEvaluation.Options options = HeldOutEvaluation.Options.DEFAULT;
            double[] scores = RankingMethod.SHRUNK.scores(training, 0.95);
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                HeldOutEvaluation.evaluate(training, heldOut, "warm-up", scores, options);
            }
            long start = System.nanoTime();
            int repeats = 5;
            for (int i = 0; i < repeats; i++) {
                HeldOutEvaluation.evaluate(training, heldOut, "shrunk", scores, options);
            }
            long single = (System.nanoTime() - start) / repeats / 1_000_000;
            HeldOutEvaluation.Options reselecting = options.withOracle(HeldOutEvaluation.OracleResampling.RESELECTED);
            HeldOutEvaluation.evaluate(training, heldOut, "warm-up", scores, reselecting);
            start = System.nanoTime();
            HeldOutEvaluation.evaluate(training, heldOut, "shrunk", scores, reselecting);
            long reselected = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            HeldOutEvaluation.compare(training, heldOut, List.of(RankingMethod.values()), options);
            long all = (System.nanoTime() - start) / 1_000_000;
            long[] scoring = new long[RankingMethod.values().length];
            for (RankingMethod method : RankingMethod.values()) {
                long t = System.nanoTime();
                method.scores(training, 0.95);
                scoring[method.ordinal()] = (System.nanoTime() - t) / 1_000;
            }
            report.append(String.format(
                    Locale.ROOT,
                    "%d held-out sends: one ranking, B = 1000: %d ms (oracle re-selected: %d ms); all %d methods"
                            + " (scoring included): %d ms;"
                            + " scoring alone (µs) %s%n",
                    heldOut.totalSends(),
                    single,
                    reselected,
                    RankingMethod.values().length,
                    all,
                    java.util.Arrays.toString(scoring)));
            worst = Math.max(worst, single);
        }
        System.out.print(report);
        assertTrue(worst < 5_000, report.toString());
    }
}
