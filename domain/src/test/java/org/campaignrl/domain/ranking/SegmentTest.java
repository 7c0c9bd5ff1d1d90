package org.campaignrl.domain.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.estimators.ExpectedResponses;
import org.campaignrl.domain.estimators.IntervalMethod;
import org.junit.jupiter.api.Test;

class SegmentTest {
    private static final StateSpace SPACE = Synthetic.SPACE;
    private static final Cells CELLS = Synthetic.draw(Synthetic.truth(), 97_000, 3);

    @Test
    void segmentsMatchTheirCellsAndDescribeThemselves() {
        Segment segment = Segment.of(1, 5, -1, 2, -1, -1, 1);
        assertEquals(4, segment.fixedCount());
        assertTrue(segment.isFixed(Attribute.DAY));
        assertFalse(segment.isFixed(Attribute.AGE));
        assertEquals(Segment.ANY, segment.code(Attribute.AGE));
        assertTrue(segment.matches(SPACE, SPACE.indexOfCodes(1, 5, 3, 2, 0, 1, 1)));
        assertFalse(segment.matches(SPACE, SPACE.indexOfCodes(1, 5, 3, 2, 0, 1, 0)));
        assertEquals("Email Subject 2 · Saturday · gmail.com · Consumer", segment.describe(SPACE));
        assertEquals("[1, 5, *, 2, *, *, 1]", segment.toString());
        assertEquals(
                segment,
                Segment.ofSubject(1)
                        .with(Attribute.DAY, 5)
                        .with(Attribute.DOMAIN, 2)
                        .with(Attribute.TYPE, 1));
        assertNotEquals(segment, segment.without(Attribute.TYPE));
        assertEquals("everyone", Segment.everyone().describe(SPACE));
        assertThrows(IllegalArgumentException.class, () -> Segment.of(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Segment.of(1, -2, -1, -1, -1, -1, -1));
        assertFalse(Segment.of(3, -1, -1, -1, -1, -1, -1).fits(SPACE));
    }

    @Test
    void aSegmentsCountsAreTheSumsOfItsCells() {
        Segment segment = Segment.of(2, -1, -1, 1, -1, 1, -1);
        long sends = 0;
        long responses = 0;
        for (int s = 0; s < SPACE.size(); s++) {
            int[] codes = SPACE.codesOf(s);
            if (codes[0] == 2 && codes[3] == 1 && codes[5] == 1) {
                sends += CELLS.sends(s);
                responses += CELLS.responses(s);
            }
        }
        SegmentSummary summary = SegmentSummary.of(CELLS, segment, IntervalMethod.WILSON, 0.95, null);
        assertEquals(sends, summary.sends());
        assertEquals(responses, summary.responses());
        assertEquals(ConversionInterval.wilson(responses, sends, 0.95), summary.conversion());
        assertEquals(OptionalLong.empty(), summary.customers());
        ExpectedResponses expected = summary.expectedResponses(10_000);
        assertEquals(10_000 * summary.rate(), expected.expected(), 1e-9);
        assertEquals(10_000 * summary.conversion().lower(), expected.lower(), 1e-9);
        assertEquals(10_000 * summary.conversion().upper(), expected.upper(), 1e-9);

        SegmentSummary everyone = SegmentSummary.of(CELLS, Segment.everyone(), IntervalMethod.WILSON, 0.95, null);
        assertEquals(CELLS.totalSends(), everyone.sends());
        assertEquals(CELLS.totalResponses(), everyone.responses());
    }

    @Test
    void rankedSegmentsAgreeWithSummingTheirCellsDirectly() {
        SegmentRanking ranking = SegmentRanking.rank(CELLS, 1, SegmentRanking.Options.DEFAULT.withMaxFixed(3), null);
        assertEquals(29 + 337 + 1991, ranking.enumerated());
        assertTrue(ranking.entries().size() > 1000);
        Set<Segment> seen = new HashSet<>();
        for (SegmentSummary entry : ranking.entries()) {
            assertTrue(seen.add(entry.segment()), "listed twice: " + entry.segment());
            assertTrue(entry.sends() >= 50);
            assertTrue(entry.segment().fixedCount() >= 2 && entry.segment().fixedCount() <= 4);
            assertEquals(1, entry.segment().code(Attribute.SUBJECT));
        }
        for (SegmentSummary entry : ranking.entries().subList(0, 40)) {
            SegmentSummary direct = SegmentSummary.of(CELLS, entry.segment(), IntervalMethod.WILSON, 0.95, null);
            assertEquals(direct, entry);
        }
        for (int i = 1; i < ranking.entries().size(); i++) {
            assertTrue(ranking.entries().get(i - 1).conversion().lower()
                    >= ranking.entries().get(i).conversion().lower());
        }
        assertEquals(
                SegmentSummary.of(CELLS, Segment.ofSubject(1), IntervalMethod.WILSON, 0.95, null), ranking.subject());
    }

    @Test
    void thePlantedSegmentComesFirst() {
        // Saturday gmail.com consumers, subject 2: +2.10 on the logit.
        SegmentRanking ranking = SegmentRanking.rank(CELLS, 1, SegmentRanking.Options.DEFAULT.withMaxFixed(3), null);
        assertEquals(
                Segment.of(1, 5, -1, 2, -1, -1, 1), ranking.entries().get(0).segment());
        assertEquals(
                1,
                SegmentRanking.rank(CELLS, 1, SegmentRanking.Options.DEFAULT, null)
                        .top(1)
                        .size());
    }

    @Test
    void sizesComeFromProfileCountsOrAreUnknown() {
        long[] counts = new long[ProfileCounts.size(SPACE)];
        assertEquals(7 * 6 * 5 * 2 * 2, counts.length);
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i % 4; // anything known
        }
        ProfileCounts profiles = new ProfileCounts(SPACE, counts);
        Segment segment = Segment.of(0, 3, -1, 2, -1, -1, 1);
        long expected = 0;
        for (int tenure = 0; tenure < 7; tenure++) {
            for (int age = 0; age < 5; age++) {
                for (int gender = 0; gender < 2; gender++) {
                    expected += counts[ProfileCounts.profileIndex(SPACE, tenure, 2, age, gender, 1)];
                }
            }
        }
        assertEquals(expected, profiles.customers(segment));
        assertEquals(profiles.total(), profiles.customers(Segment.everyone()));
        assertEquals(
                ProfileCounts.profileIndex(SPACE, 4, 2, 3, 1, 0),
                ProfileCounts.profileOfState(SPACE, SPACE.indexOfCodes(2, 6, 4, 2, 3, 1, 0)));

        SegmentRanking ranking = SegmentRanking.rank(CELLS, 0, SegmentRanking.Options.DEFAULT, profiles);
        for (SegmentSummary entry : ranking.entries()) {
            assertEquals(profiles.customers(entry.segment()), entry.customers().getAsLong());
        }
        assertTrue(SegmentRanking.rank(CELLS, 0, SegmentRanking.Options.DEFAULT, null)
                .entries()
                .get(0)
                .customers()
                .isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new ProfileCounts(SPACE, new long[3]));
    }

    @Test
    void bestDayFindsAPlantedDay() {
        StateSpace space = new StateSpace(new int[] {1}, List.of("a.com", "b.org"));
        long[] sends = new long[space.size()];
        long[] responses = new long[space.size()];
        for (int s = 0; s < space.size(); s++) {
            int day = space.code(s, Attribute.DAY);
            sends[s] = 40;
            responses[s] = day == 4 && space.code(s, Attribute.DOMAIN) == 1 ? 12 : 4 + day % 2;
        }
        Cells cells = new Cells(space, sends, responses);
        BestDay inB = BestDay.of(cells, Segment.of(0, -1, -1, 1, -1, -1, -1), IntervalMethod.WILSON, 0.95);
        assertEquals(4, inB.best().day());
        assertEquals(7, inB.ranked().size());
        assertEquals(BestDay.Certainty.CLEAR, inB.certainty());
        assertTrue(inB.separated());
        assertTrue(inB.probabilityBestBeatsRunnerUp() > 0.999);
        assertEquals(140L * 40, inB.best().sends());
        assertEquals(140L * 12, inB.best().responses());

        // In domain a.com the odd days are only slightly better: not a clear winner.
        BestDay inA = BestDay.of(cells, Segment.of(0, -1, 0, 0, 0, -1, -1), IntervalMethod.WILSON, 0.95);
        assertTrue(inA.best().day() % 2 == 1);
        assertEquals(BestDay.Certainty.UNCERTAIN, inA.certainty());
        assertThrows(
                IllegalArgumentException.class,
                () -> BestDay.of(cells, Segment.of(0, 2, -1, -1, -1, -1, -1), IntervalMethod.WILSON, 0.95));
    }

    @Test
    void bestDayOnTheSyntheticDataFindsSaturdayForGmailConsumersOfSubjectTwo() {
        BestDay bestDay = BestDay.of(CELLS, Segment.of(1, -1, -1, 2, -1, -1, 1), IntervalMethod.JEFFREYS, 0.95);
        assertEquals(5, bestDay.best().day());
        assertEquals(BestDay.Certainty.CLEAR, bestDay.certainty());
        BestDay noData = BestDay.of(
                new Cells(SPACE, new long[SPACE.size()], new long[SPACE.size()]),
                Segment.ofSubject(0),
                IntervalMethod.WILSON,
                0.95);
        assertEquals(BestDay.Certainty.NO_DATA, noData.certainty());
    }
}
