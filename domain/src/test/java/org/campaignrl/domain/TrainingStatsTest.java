package org.campaignrl.domain;

import static org.campaignrl.domain.Spaces.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingStatsTest {
    private static final int MAX_STEPS = 12;

    /** A goal near some states and out of reach (within 12 steps) of others: goal rates strictly between 0 and 1. */
    private static Environment environment() {
        StateSpace space = Spaces.tiny();
        int goal = space.indexOfCodes(codes(0, 3, 3, 0, 2, 1, 1));
        return new Environment(Spaces.CellsBuilder.on(space).at(goal, 40, 30).build(), RewardRule.DEFAULT);
    }

    private static QLearner.Result train(int episodes, TrainingProgress progress) {
        return new QLearner(Hyperparameters.fixed(episodes, 0.3, 0.2, 0.9, MAX_STEPS, 9))
                .train(environment(), 0, progress);
    }

    @ParameterizedTest(name = "{0} episodes")
    @ValueSource(ints = {1, 7, 99, 100, 101, 250, 1000, 1234, 5000})
    void theCurveEndsAtTheLastEpisodeAndAccountsForEveryEpisode(int episodes) {
        TrainingStats stats = train(episodes, TrainingProgress.NONE).stats();

        assertEquals(episodes, stats.episodes());
        List<TrainingStats.CurvePoint> curve = stats.curve();
        assertEquals(episodes, curve.get(curve.size() - 1).episode(), "the curve ends at the last episode");
        assertTrue(curve.size() <= 200, curve.size() + " points");

        double goals = 0;
        double steps = 0;
        int previous = 0;
        for (TrainingStats.CurvePoint point : curve) {
            assertTrue(point.episode() > previous, "episodes increase");
            int inWindow = point.episode() - previous;
            assertTrue(point.goalRate() >= 0 && point.goalRate() <= 1, "goal rate " + point.goalRate());
            assertTrue(point.meanSteps() >= 1 && point.meanSteps() <= MAX_STEPS, "mean steps " + point.meanSteps());
            goals += point.goalRate() * inWindow;
            steps += point.meanSteps() * inWindow;
            previous = point.episode();
        }
        assertEquals(stats.episodesReachingGoal(), goals, 1e-6, "window goal rates add up to the goals reached");
        assertEquals(stats.totalSteps(), steps, 1e-6, "window mean lengths add up to the steps taken");
        assertTrue(stats.goalRate() >= 0 && stats.goalRate() <= 1);
        assertEquals((double) stats.episodesReachingGoal() / episodes, stats.goalRate());
        assertTrue(stats.totalSteps() >= episodes && stats.totalSteps() <= (long) episodes * MAX_STEPS);
    }

    @Test
    void theCurveHasAboutAHundredPointsForALongRun() {
        TrainingStats stats = train(20_000, TrainingProgress.NONE).stats();
        assertEquals(100, stats.curve().size());
        assertEquals(200, stats.curve().get(0).episode());
        double rate = stats.goalRate();
        assertTrue(rate > 0 && rate < 1, "goal rate " + rate);
    }

    @Test
    void progressIsReportedOncePerCurvePointUpToTheTotal() {
        List<int[]> calls = new ArrayList<>();
        TrainingStats stats =
                train(1234, (done, total) -> calls.add(new int[] {done, total})).stats();

        assertEquals(stats.curve().size(), calls.size());
        int previous = 0;
        for (int[] call : calls) {
            assertEquals(1234, call[1]);
            assertTrue(call[0] > previous);
            previous = call[0];
        }
        assertEquals(1234, previous);
    }

    @Test
    void goalRateIsTheShareOfEpisodesReachingAGoal() {
        assertEquals(0.25, new TrainingStats(8, 40, 2, List.of()).goalRate());
        assertEquals(0.0, new TrainingStats(0, 0, 0, List.of()).goalRate());
    }

    @Test
    void theCurveCannotBeChanged() {
        List<TrainingStats.CurvePoint> points = new ArrayList<>(List.of(new TrainingStats.CurvePoint(1, 0, 3)));
        TrainingStats stats = new TrainingStats(1, 3, 0, points);
        points.clear();
        assertEquals(1, stats.curve().size());
        assertThrows(UnsupportedOperationException.class, () -> stats.curve().clear());
    }
}
