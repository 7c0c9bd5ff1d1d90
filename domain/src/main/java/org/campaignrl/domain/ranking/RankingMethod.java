package org.campaignrl.domain.ranking;

import org.campaignrl.domain.Cells;
import org.campaignrl.domain.estimators.AdditiveLogisticModel;
import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.estimators.EmpiricalBayesShrinkage;
import org.campaignrl.domain.estimators.LogisticShrinkage;
import org.campaignrl.domain.estimators.RawRate;
import org.campaignrl.domain.estimators.SegmentShrinkage;

/** What cells are ranked by. Every method gives one score per state; higher ranks first. */
public enum RankingMethod {
    /** Responses / sends: rewards luck on small cells (1 of 1 beats 90 of 100). */
    RAW_RATE,
    /** The Wilson lower bound at the confidence level: the conservative default, which a rate must earn with sends. */
    WILSON_LOWER_BOUND,
    /** {@link EmpiricalBayesShrinkage}: raw rates pulled towards their subject's mean, small cells most. */
    SHRUNK,
    /** {@link AdditiveLogisticModel}: main effects only, so blind to interactions, but every cell gets a prediction. */
    LOGISTIC,
    /** {@link LogisticShrinkage}: raw rates pulled towards the logistic prediction, strength estimated from the data. */
    LOGISTIC_SHRUNK,
    /** {@link SegmentShrinkage}: raw rates pulled towards the logistic prediction times a parent segment's excess. */
    SEGMENT_SHRUNK;

    /**
     * The method the held-out evaluation finds best (highest held-out conversion of its top cells, least regret
     * against the truth; docs/learning-quality.md): what plans rank by unless told otherwise.
     */
    public static final RankingMethod HELD_OUT_BEST = SEGMENT_SHRUNK;

    /**
     * The score of every state of {@code cells.space()}.
     *
     * @param confidence used by {@link #WILSON_LOWER_BOUND} only; strictly between 0 and 1
     */
    public double[] scores(Cells cells, double confidence) {
        return switch (this) {
            case RAW_RATE -> new RawRate().estimate(cells);
            case WILSON_LOWER_BOUND -> wilsonLowerBounds(cells, confidence);
            case SHRUNK -> new EmpiricalBayesShrinkage().estimate(cells);
            case LOGISTIC -> new AdditiveLogisticModel().estimate(cells);
            case LOGISTIC_SHRUNK -> new LogisticShrinkage().estimate(cells);
            case SEGMENT_SHRUNK -> new SegmentShrinkage().estimate(cells);
        };
    }

    private static double[] wilsonLowerBounds(Cells cells, double confidence) {
        double z = ConversionInterval.zFor(confidence);
        double[] scores = new double[cells.space().size()];
        for (int s = 0; s < scores.length; s++) {
            scores[s] = ConversionInterval.wilsonLower(cells.responses(s), cells.sends(s), z);
        }
        return scores;
    }
}
