package org.campaignrl.domain.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.estimators.IntervalMethod;
import org.campaignrl.domain.estimators.SubjectSpan;

/**
 * Every segment of one subject line with 1 to {@link Options#maxFixed()} other attributes fixed
 * and at least {@link Options#minSends()} sends, ranked by the lower bound of its conversion
 * interval (then rate, then sends, then fewer fixed attributes, then codes). Broad segments pool
 * many cells, so they carry far tighter intervals than single cells: this is where audiences a
 * manager can trust are found.
 *
 * <p>With 3 subject lines and 6 domains a subject line has 29 segments with one attribute fixed,
 * 337 with two and 1 991 with three; all are summed in one pass per combination of fixed
 * attributes over the subject's cells.
 */
public final class SegmentRanking {
    private static final int OTHER_ATTRIBUTES = Attribute.COUNT - 1;

    private final int subjectCode;
    private final Options options;
    private final SegmentSummary subject;
    private final List<SegmentSummary> entries;
    private final int enumerated;

    private SegmentRanking(
            int subjectCode, Options options, SegmentSummary subject, List<SegmentSummary> entries, int enumerated) {
        this.subjectCode = subjectCode;
        this.options = options;
        this.subject = subject;
        this.entries = List.copyOf(entries);
        this.enumerated = enumerated;
    }

    /**
     * How segments are enumerated and ranked.
     *
     * @param maxFixed   the most attributes fixed besides the subject line, 1..6
     * @param minSends   the fewest sends a segment needs to be ranked
     * @param interval   the interval method
     * @param confidence the interval's confidence level
     */
    public record Options(int maxFixed, long minSends, IntervalMethod interval, double confidence) {
        /** Up to two attributes fixed, at least 50 sends, Wilson at 95 %. */
        public static final Options DEFAULT = new Options(2, 50, IntervalMethod.WILSON, 0.95);

        public Options {
            if (maxFixed < 1 || maxFixed > OTHER_ATTRIBUTES) {
                throw new IllegalArgumentException(
                        "max fixed attributes must be within 1.." + OTHER_ATTRIBUTES + ": " + maxFixed);
            }
            if (minSends < 0) {
                throw new IllegalArgumentException("minimum sends must not be negative: " + minSends);
            }
            if (interval == null) {
                throw new IllegalArgumentException("interval must be given");
            }
            ConversionInterval.checkConfidence(confidence);
        }

        public Options withMaxFixed(int newMaxFixed) {
            return new Options(newMaxFixed, minSends, interval, confidence);
        }

        public Options withMinSends(long newMinSends) {
            return new Options(maxFixed, newMinSends, interval, confidence);
        }
    }

    /**
     * Enumerates and ranks the segments of a subject line (by code).
     *
     * @param profiles customers per profile, or null: every entry's size is then unknown
     */
    public static SegmentRanking rank(Cells cells, int subjectCode, Options options, ProfileCounts profiles) {
        StateSpace space = cells.space();
        SubjectSpan span = SubjectSpan.of(space, subjectCode);
        int[] sizes = new int[OTHER_ATTRIBUTES];
        for (int i = 0; i < OTHER_ATTRIBUTES; i++) {
            sizes[i] = space.size(Attribute.atPosition(i + 1));
        }
        // Codes of the non-empty cells of the subject, flattened.
        int[] codes = new int[span.length() * OTHER_ATTRIBUTES];
        long[] sends = new long[span.length()];
        long[] responses = new long[span.length()];
        int cellCount = 0;
        long subjectSends = 0;
        long subjectResponses = 0;
        for (int s = span.start(); s < span.end(); s++) {
            if (cells.sends(s) == 0) {
                continue;
            }
            for (int i = 0; i < OTHER_ATTRIBUTES; i++) {
                codes[cellCount * OTHER_ATTRIBUTES + i] = space.code(s, Attribute.atPosition(i + 1));
            }
            sends[cellCount] = cells.sends(s);
            responses[cellCount] = cells.responses(s);
            subjectSends += sends[cellCount];
            subjectResponses += responses[cellCount];
            cellCount++;
        }

        CustomersByMask customers = profiles == null ? null : new CustomersByMask(space, profiles, sizes);
        List<SegmentSummary> entries = new ArrayList<>();
        int enumerated = 0;
        for (int mask = 1; mask < 1 << OTHER_ATTRIBUTES; mask++) {
            if (Integer.bitCount(mask) > options.maxFixed()) {
                continue;
            }
            int keys = keys(mask, sizes);
            enumerated += keys;
            long[] keySends = new long[keys];
            long[] keyResponses = new long[keys];
            for (int c = 0; c < cellCount; c++) {
                int key = 0;
                for (int i = 0; i < OTHER_ATTRIBUTES; i++) {
                    if ((mask & 1 << i) != 0) {
                        key = key * sizes[i] + codes[c * OTHER_ATTRIBUTES + i];
                    }
                }
                keySends[key] += sends[c];
                keyResponses[key] += responses[c];
            }
            for (int key = 0; key < keys; key++) {
                if (keySends[key] < options.minSends() || keySends[key] == 0) {
                    continue;
                }
                Segment segment = segmentOf(subjectCode, mask, key, sizes);
                entries.add(new SegmentSummary(
                        segment,
                        keySends[key],
                        keyResponses[key],
                        options.interval().interval(keyResponses[key], keySends[key], options.confidence()),
                        customers == null ? OptionalLong.empty() : OptionalLong.of(customers.of(segment, mask))));
            }
        }
        entries.sort(ORDER);
        Segment whole = Segment.ofSubject(subjectCode);
        SegmentSummary subject = new SegmentSummary(
                whole,
                subjectSends,
                subjectResponses,
                options.interval().interval(subjectResponses, subjectSends, options.confidence()),
                SegmentSummary.customersOf(whole, profiles, space));
        return new SegmentRanking(subjectCode, options, subject, entries, enumerated);
    }

    /**
     * Customers per segment, summed per combination of fixed profile attributes in one pass over
     * the profiles, as the cells are. The day never narrows the customers, so masks that differ
     * only in the day share one table.
     */
    private static final class CustomersByMask {
        private static final int DAY_BIT = 1; // bit i stands for attribute position i + 1
        private final int profiles;
        private final int[] codes; // the six non-subject codes of each profile (day 0)
        private final long[] counts;
        private final int[] sizes;
        private final long[][] byMask = new long[1 << OTHER_ATTRIBUTES][];

        CustomersByMask(StateSpace space, ProfileCounts profileCounts, int[] sizes) {
            if (!profileCounts.space().equals(space)) {
                throw new IllegalArgumentException("profile counts are over another state space");
            }
            this.profiles = ProfileCounts.size(space);
            this.sizes = sizes;
            codes = new int[profiles * OTHER_ATTRIBUTES];
            counts = new long[profiles];
            for (int p = 0; p < profiles; p++) {
                counts[p] = profileCounts.customers(p);
                for (int i = 0; i < OTHER_ATTRIBUTES; i++) {
                    codes[p * OTHER_ATTRIBUTES + i] = space.code(p, Attribute.atPosition(i + 1));
                }
            }
        }

        long of(Segment segment, int mask) {
            int profileMask = mask & ~DAY_BIT;
            long[] table = byMask[profileMask];
            if (table == null) {
                table = new long[keys(profileMask, sizes)];
                for (int p = 0; p < profiles; p++) {
                    table[key(profileMask, codes, p * OTHER_ATTRIBUTES)] += counts[p];
                }
                byMask[profileMask] = table;
            }
            int[] segmentCodes = segment.codes();
            int key = 0;
            for (int i = 0; i < OTHER_ATTRIBUTES; i++) {
                if ((profileMask & 1 << i) != 0) {
                    key = key * sizes[i] + segmentCodes[i + 1];
                }
            }
            return table[key];
        }

        private int key(int mask, int[] flatCodes, int start) {
            int key = 0;
            for (int i = 0; i < OTHER_ATTRIBUTES; i++) {
                if ((mask & 1 << i) != 0) {
                    key = key * sizes[i] + flatCodes[start + i];
                }
            }
            return key;
        }
    }

    private static int keys(int mask, int[] sizes) {
        int keys = 1;
        for (int i = 0; i < OTHER_ATTRIBUTES; i++) {
            if ((mask & 1 << i) != 0) {
                keys *= sizes[i];
            }
        }
        return keys;
    }

    private static final Comparator<SegmentSummary> ORDER = Comparator.comparingDouble(
                    (SegmentSummary e) -> e.conversion().lower())
            .reversed()
            .thenComparing(Comparator.comparingDouble(SegmentSummary::rate).reversed())
            .thenComparing(Comparator.comparingLong(SegmentSummary::sends).reversed())
            .thenComparingInt(e -> e.segment().fixedCount())
            .thenComparing(
                    (a, b) -> Arrays.compare(a.segment().codes(), b.segment().codes()));

    /** Decodes a mixed-radix key over the attributes in the mask (the last one varying fastest). */
    private static Segment segmentOf(int subjectCode, int mask, int key, int[] sizes) {
        int[] codes = new int[Attribute.COUNT];
        Arrays.fill(codes, Segment.ANY);
        codes[0] = subjectCode;
        for (int i = OTHER_ATTRIBUTES - 1; i >= 0; i--) {
            if ((mask & 1 << i) != 0) {
                codes[i + 1] = key % sizes[i];
                key /= sizes[i];
            }
        }
        return Segment.of(codes);
    }

    public int subjectCode() {
        return subjectCode;
    }

    public Options options() {
        return options;
    }

    /** The whole subject line, for comparison: every cell of it. */
    public SegmentSummary subject() {
        return subject;
    }

    /** The ranked segments, best first. */
    public List<SegmentSummary> entries() {
        return entries;
    }

    /** The best {@code n} segments (fewer when fewer are ranked). */
    public List<SegmentSummary> top(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        return entries.subList(0, Math.min(n, entries.size()));
    }

    /** How many segments were enumerated, before the minimum of sends. */
    public int enumerated() {
        return enumerated;
    }
}
