package org.campaignrl.domain.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.estimators.IntervalMethod;
import org.campaignrl.domain.numerics.SpecialFunctions;

/**
 * Which day of the week to send to a segment: the segment's conversion on each of the seven
 * days, ranked by the interval's lower bound (then rate, then sends, then Monday first), and how
 * sure the winner is.
 *
 * <p>How sure: {@link Certainty#CLEAR} when the best day's interval lies wholly above the
 * runner-up's; otherwise {@link Certainty#LIKELY} when the best day beats the runner-up with
 * probability at least {@link #LIKELY_PROBABILITY}, {@link Certainty#UNCERTAIN} below. That
 * probability compares the two days' Jeffreys posteriors Beta(r + ½, n − r + ½) through a
 * normal approximation of their difference: Φ((m₁ − m₂)/√(v₁ + v₂)).
 */
public final class BestDay {
    /** The probability of beating the runner-up from which the best day counts as likely. */
    public static final double LIKELY_PROBABILITY = 0.9;

    private final Segment segment;
    private final List<DayConversion> ranked;

    private BestDay(Segment segment, List<DayConversion> ranked) {
        this.segment = segment;
        this.ranked = List.copyOf(ranked);
    }

    /** One day's conversion for the segment. */
    public record DayConversion(int day, long sends, long responses, ConversionInterval conversion) {}

    /** How sure the best day is. */
    public enum Certainty {
        /** Its interval lies wholly above the runner-up's. */
        CLEAR,
        /** The intervals overlap, but it beats the runner-up with probability ≥ {@link #LIKELY_PROBABILITY}. */
        LIKELY,
        /** A coin toss, or close to one. */
        UNCERTAIN,
        /** The segment was never sent to. */
        NO_DATA
    }

    /**
     * The segment's conversion per day.
     *
     * @param segment a segment whose day is not fixed
     */
    public static BestDay of(Cells cells, Segment segment, IntervalMethod interval, double confidence) {
        StateSpace space = cells.space();
        segment.checkFits(space);
        if (segment.isFixed(Attribute.DAY)) {
            throw new IllegalArgumentException("the segment " + segment + " fixes the day already");
        }
        int days = space.size(Attribute.DAY);
        long[] sends = new long[days];
        long[] responses = new long[days];
        for (int s = 0; s < space.size(); s++) {
            if (cells.sends(s) > 0 && segment.matches(space, s)) {
                int day = space.code(s, Attribute.DAY);
                sends[day] += cells.sends(s);
                responses[day] += cells.responses(s);
            }
        }
        List<DayConversion> ranked = new ArrayList<>(days);
        for (int day = 0; day < days; day++) {
            ranked.add(new DayConversion(
                    day, sends[day], responses[day], interval.interval(responses[day], sends[day], confidence)));
        }
        ranked.sort(Comparator.comparingDouble(
                        (DayConversion d) -> d.conversion().lower())
                .reversed()
                .thenComparing(Comparator.comparingDouble(
                                (DayConversion d) -> d.conversion().rate())
                        .reversed())
                .thenComparing(Comparator.comparingLong(DayConversion::sends).reversed())
                .thenComparingInt(DayConversion::day));
        return new BestDay(segment, ranked);
    }

    public Segment segment() {
        return segment;
    }

    /** All seven days, best first. */
    public List<DayConversion> ranked() {
        return ranked;
    }

    public DayConversion best() {
        return ranked.get(0);
    }

    public DayConversion runnerUp() {
        return ranked.get(1);
    }

    /** Whether the best day's interval lies wholly above the runner-up's. */
    public boolean separated() {
        return best().conversion().lower() > runnerUp().conversion().upper();
    }

    /** The (approximate) posterior probability that the best day converts better than the runner-up. */
    public double probabilityBestBeatsRunnerUp() {
        DayConversion a = best();
        DayConversion b = runnerUp();
        double meanA = (a.responses() + 0.5) / (a.sends() + 1.0);
        double meanB = (b.responses() + 0.5) / (b.sends() + 1.0);
        double variance = meanA * (1 - meanA) / (a.sends() + 2.0) + meanB * (1 - meanB) / (b.sends() + 2.0);
        return SpecialFunctions.normalCdf((meanA - meanB) / Math.sqrt(variance));
    }

    public Certainty certainty() {
        if (best().sends() == 0) {
            return Certainty.NO_DATA;
        }
        if (separated()) {
            return Certainty.CLEAR;
        }
        return probabilityBestBeatsRunnerUp() >= LIKELY_PROBABILITY ? Certainty.LIKELY : Certainty.UNCERTAIN;
    }
}
