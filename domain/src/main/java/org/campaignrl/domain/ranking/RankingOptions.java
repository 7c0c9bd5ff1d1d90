package org.campaignrl.domain.ranking;

import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.estimators.IntervalMethod;

/**
 * How an {@link AudienceRanking} ranks: by which method, at which confidence level (for the
 * Wilson lower bound and every entry's interval), which interval the entries carry, and the
 * fewest sends a cell needs to be ranked at all (cells with {@code sends ≥ minSends}).
 */
public record RankingOptions(RankingMethod method, double confidence, long minSends, IntervalMethod interval) {
    /** Wilson lower bound at 95 %, cells with at least 10 sends, Wilson intervals. */
    public static final RankingOptions DEFAULT =
            new RankingOptions(RankingMethod.WILSON_LOWER_BOUND, 0.95, 10, IntervalMethod.WILSON);

    public RankingOptions {
        if (method == null || interval == null) {
            throw new IllegalArgumentException("method and interval must be given");
        }
        ConversionInterval.checkConfidence(confidence);
        if (minSends < 0) {
            throw new IllegalArgumentException("minimum sends must not be negative: " + minSends);
        }
    }

    public RankingOptions withMethod(RankingMethod newMethod) {
        return new RankingOptions(newMethod, confidence, minSends, interval);
    }

    public RankingOptions withConfidence(double newConfidence) {
        return new RankingOptions(method, newConfidence, minSends, interval);
    }

    public RankingOptions withMinSends(long newMinSends) {
        return new RankingOptions(method, confidence, newMinSends, interval);
    }

    public RankingOptions withInterval(IntervalMethod newInterval) {
        return new RankingOptions(method, confidence, minSends, newInterval);
    }
}
