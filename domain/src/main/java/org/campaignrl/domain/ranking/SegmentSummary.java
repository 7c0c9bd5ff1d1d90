package org.campaignrl.domain.ranking;

import java.util.OptionalLong;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.estimators.ExpectedResponses;
import org.campaignrl.domain.estimators.IntervalMethod;

/**
 * A segment's history: the sends and responses of all its cells, its conversion with an
 * interval, and how many distinct customers it holds — empty ("unknown") unless
 * {@link ProfileCounts} were given, since cells cannot tell.
 */
public record SegmentSummary(
        Segment segment, long sends, long responses, ConversionInterval conversion, OptionalLong customers) {

    /**
     * Sums the segment's cells.
     *
     * @param profiles customers per profile, or null when unknown
     */
    public static SegmentSummary of(
            Cells cells, Segment segment, IntervalMethod interval, double confidence, ProfileCounts profiles) {
        StateSpace space = cells.space();
        segment.checkFits(space);
        long sends = 0;
        long responses = 0;
        for (int s = 0; s < space.size(); s++) {
            if (cells.sends(s) > 0 && segment.matches(space, s)) {
                sends += cells.sends(s);
                responses += cells.responses(s);
            }
        }
        return new SegmentSummary(
                segment,
                sends,
                responses,
                interval.interval(responses, sends, confidence),
                customersOf(segment, profiles, space));
    }

    static OptionalLong customersOf(Segment segment, ProfileCounts profiles, StateSpace space) {
        if (profiles == null) {
            return OptionalLong.empty();
        }
        if (!profiles.space().equals(space)) {
            throw new IllegalArgumentException("profile counts are over another state space");
        }
        return OptionalLong.of(profiles.customers(segment));
    }

    /** The observed conversion, responses / sends (0 without sends). */
    public double rate() {
        return conversion.rate();
    }

    /** Responses to expect from {@code emails} more sends to this segment: N × rate, N × lower, N × upper. */
    public ExpectedResponses expectedResponses(long emails) {
        return conversion.expectedResponses(emails);
    }
}
