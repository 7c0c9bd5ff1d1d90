package org.campaignrl.domain.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.estimators.IntervalMethod;
import org.junit.jupiter.api.Test;

class AudienceRankingTest {
    private static final StateSpace SPACE = new StateSpace(new int[] {4, 9}, List.of("a.com"));
    private static final int PER_SUBJECT = SPACE.size() / 2;

    private static Cells cells(long[][] histories) {
        long[] sends = new long[SPACE.size()];
        long[] responses = new long[SPACE.size()];
        for (long[] history : histories) {
            sends[(int) history[0]] = history[1];
            responses[(int) history[0]] = history[2];
        }
        return new Cells(SPACE, sends, responses);
    }

    @Test
    void lowerBoundRanksNinetyOfAHundredAboveOneOfOneAndRawRateTheOtherWayRound() {
        Cells cells = cells(new long[][] {{3, 100, 90}, {7, 1, 1}, {8, 50, 10}});
        RankingOptions options = RankingOptions.DEFAULT.withMinSends(1);

        List<AudienceRanking.Entry> conservative =
                AudienceRanking.rank(cells, 0, options).entries();
        assertEquals(
                List.of(3, 7, 8),
                conservative.stream().map(AudienceRanking.Entry::state).toList());

        List<AudienceRanking.Entry> raw = AudienceRanking.rank(cells, 0, options.withMethod(RankingMethod.RAW_RATE))
                .entries();
        assertEquals(
                List.of(7, 3, 8), raw.stream().map(AudienceRanking.Entry::state).toList());
    }

    @Test
    void entriesCarryHistoryIntervalAndScore() {
        Cells cells = cells(new long[][] {{3, 100, 90}});
        AudienceRanking.Entry entry =
                AudienceRanking.rank(cells, 0, RankingOptions.DEFAULT).entries().get(0);
        assertEquals(3, entry.state());
        assertEquals(100, entry.sends());
        assertEquals(90, entry.responses());
        assertEquals(0.9, entry.rawRate());
        assertEquals(ConversionInterval.wilson(90, 100, 0.95), entry.interval());
        assertEquals(entry.interval().lower(), entry.score(), 1e-15);
        AudienceRanking.Entry jeffreys = AudienceRanking.rank(
                        cells, 0, RankingOptions.DEFAULT.withInterval(IntervalMethod.JEFFREYS))
                .entries()
                .get(0);
        assertEquals(ConversionInterval.jeffreys(90, 100, 0.95), jeffreys.interval());
    }

    @Test
    void onlyTheSubjectsCellsWithEnoughSendsAreRanked() {
        Cells cells = cells(new long[][] {{3, 100, 90}, {7, 9, 9}, {8, 10, 1}, {PER_SUBJECT + 2, 500, 400}});
        AudienceRanking first = AudienceRanking.rank(cells, 0, RankingOptions.DEFAULT);
        assertEquals(
                List.of(3, 8),
                first.entries().stream().map(AudienceRanking.Entry::state).toList());
        AudienceRanking second = AudienceRanking.rank(cells, 1, RankingOptions.DEFAULT);
        assertEquals(1, second.size());
        assertEquals(PER_SUBJECT + 2, second.entries().get(0).state());
        assertEquals(
                0,
                AudienceRanking.rank(cells, 0, RankingOptions.DEFAULT.withMinSends(1000))
                        .size());
        assertThrows(IllegalArgumentException.class, () -> AudienceRanking.rank(cells, 2, RankingOptions.DEFAULT));
    }

    @Test
    void topReturnsTheBestNAndTiesGoToMoreSendsThenTheLowerIndex() {
        Cells cells = cells(new long[][] {{5, 20, 10}, {4, 40, 20}, {6, 20, 10}, {9, 30, 3}});
        AudienceRanking ranking =
                AudienceRanking.rank(cells, 0, RankingOptions.DEFAULT.withMethod(RankingMethod.RAW_RATE));
        assertEquals(
                List.of(4, 5),
                ranking.top(2).stream().map(AudienceRanking.Entry::state).toList());
        assertEquals(4, ranking.top(10).size());
        assertEquals(0, ranking.top(0).size());
    }

    @Test
    void everyMethodScoresEveryState() {
        Cells cells = Synthetic.draw(Synthetic.truth(), 97_000, 1);
        for (RankingMethod method : RankingMethod.values()) {
            double[] scores = method.scores(cells, 0.95);
            assertEquals(Synthetic.SPACE.size(), scores.length);
            for (double score : scores) {
                assertTrue(score >= 0 && score <= 1, method + " gave " + score);
            }
            AudienceRanking ranking = AudienceRanking.rank(cells, 1, RankingOptions.DEFAULT.withMethod(method));
            assertTrue(ranking.size() > 100);
        }
    }
}
