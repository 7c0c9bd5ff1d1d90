package org.campaignrl.domain.quality;

import static org.campaignrl.domain.quality.Fixtures.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QLearner;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.TrainingProgress;
import org.junit.jupiter.api.Test;

class PolicyQualityTest {
    private static final RewardRule RULE = new RewardRule(0.30, 10, 3);
    private static final int MAX_STEPS = 100;

    private final StateSpace tiny = Fixtures.tiny();
    private final int tinyGoal = tiny.indexOfCodes(codes(0, 3, 4, 0, 2, 1, 0));
    /** One goal, every other cell silent (−1): the shortest way to the goal is the optimal one. */
    private final Environment tinyOneGoal =
            new Environment(Fixtures.CellsBuilder.on(tiny).at(tinyGoal, 40, 30).build(), RULE);

    private QTable zeros(int states) {
        return new QTable(states, new double[states * Action.COUNT]);
    }

    private QTable learned(Environment environment, int episodes, long seed) {
        return new QLearner(Hyperparameters.fixed(episodes, 0.2, 0.2, 0.9, MAX_STEPS, seed))
                .train(environment, 0, TrainingProgress.NONE)
                .qTable();
    }

    @Test
    void theOptimumSucceedsEverywhereAlongShortestPathsWhenEveryOtherCellCostsOne() {
        // Goals come in whole weeks (all seven days of two audiences), so every goal can step into another
        // goal: no start depends on coming back to itself, which a rollout counts as a loop.
        StateSpace space = Fixtures.twoOfEach();
        Fixtures.CellsBuilder cells = Fixtures.CellsBuilder.on(space);
        for (int day = 0; day < 7; day++) {
            cells.at(codes(0, day, 4, 1, 2, 1, 0), 40, 30);
            cells.at(codes(1, day, 1, 0, 3, 0, 1), 40, 30);
        }
        Environment environment = new Environment(cells.build(), RULE);
        OptimalPlan plan = new OptimalPlan(environment, 0.6);

        PolicyQuality quality = PolicyQuality.measure(plan.optimalQ(), environment, plan, MAX_STEPS);

        assertEquals(1.0, quality.successRate());
        assertEquals(1.0, quality.successRateOverReachable());
        assertEquals(quality.meanOptimalSteps(), quality.meanSteps(), 1e-12);
        assertEquals(quality.meanOptimalStepsAllReachable(), quality.meanOptimalSteps(), 1e-12);
        assertEquals(0.0, quality.meanAbsQError());
        assertEquals(14, quality.goalCells());
        assertEquals(space.size(), quality.states());
        assertEquals(space.size(), quality.reachableStarts());
        assertEquals(space.size(), quality.successfulStarts());
    }

    @Test
    void aGoalWhoseNearestGoalIsItselfSucceedsAsAStartByComingRoundToIt() {
        StateSpace space = Fixtures.twoOfEach();
        int goal = space.indexOfCodes(codes(1, 3, 4, 1, 2, 1, 0));
        Environment environment =
                new Environment(Fixtures.CellsBuilder.on(space).at(goal, 40, 30).build(), RULE);
        OptimalPlan plan = new OptimalPlan(environment, 0.6);

        PolicyQuality quality = PolicyQuality.measure(plan.optimalQ(), environment, plan, MAX_STEPS);

        // Entering the goal ends the episode also when it is the start come round again, as training and the
        // fewest steps count it: every start succeeds, in the fewest steps.
        assertEquals(space.size(), quality.successfulStarts());
        assertEquals(1.0, quality.successRateOverReachable());
        assertEquals(quality.meanOptimalSteps(), quality.meanSteps(), 1e-12);
    }

    @Test
    void withALargeGammaTheOptimumCirclesAmongRespondingCellsInsteadOfEnteringTheGoal() {
        // Every cell responded (+10 a step); the goal pays 30 once. At γ = 0.9 circling is worth 10/(1−γ) = 100.
        Environment environment = new Environment(
                Fixtures.CellsBuilder.on(tiny)
                        .everywhere(100, 1)
                        .at(tinyGoal, 40, 30)
                        .build(),
                RULE);
        OptimalPlan plan = new OptimalPlan(environment, 0.9);

        PolicyQuality quality = PolicyQuality.measure(plan.optimalQ(), environment, plan, MAX_STEPS);

        assertEquals(0.0, quality.successRate());
        assertEquals(tiny.size(), quality.reachableStarts());
        assertTrue(Double.isNaN(quality.meanSteps()));
        assertTrue(Double.isNaN(quality.meanOptimalSteps()));
    }

    @Test
    void aTableOfZerosOnlyWalksTheWeekAndSucceedsFromTheGoalsDays() {
        OptimalPlan plan = new OptimalPlan(tinyOneGoal, 0.9);

        PolicyQuality quality = PolicyQuality.measure(zeros(tiny.size()), tinyOneGoal, plan, MAX_STEPS);

        // Ties go to NEXT_DAY: the seven days of the goal's audience walk into it, in 1..7 steps (the goal itself
        // comes round to itself after a week, where one step that stays in place, the single subject, would do).
        assertEquals(7, quality.successfulStarts());
        assertEquals(7.0 / tiny.size(), quality.successRate());
        assertEquals(4.0, quality.meanSteps());
        assertEquals((1 + 2 + 3 + 4 + 5 + 6 + 1) / 7.0, quality.meanOptimalSteps(), 1e-12);
        double meanAbsOptimum = 0;
        for (double value : plan.optimalQ().toArray()) {
            meanAbsOptimum += Math.abs(value);
        }
        assertEquals(meanAbsOptimum / (tiny.size() * Action.COUNT), quality.meanAbsQError(), 1e-9);
    }

    @Test
    void aLearnedModelSucceedsMoreOftenThanZerosButNotEverywhereAndTheSameSeedGivesTheSameFigures() {
        OptimalPlan plan = new OptimalPlan(tinyOneGoal, 0.9);
        double zerosRate = PolicyQuality.measure(zeros(tiny.size()), tinyOneGoal, plan, MAX_STEPS)
                .successRate();

        PolicyQuality quality = PolicyQuality.measure(learned(tinyOneGoal, 2000, 7), tinyOneGoal, plan, MAX_STEPS);
        PolicyQuality again = PolicyQuality.measure(learned(tinyOneGoal, 2000, 7), tinyOneGoal, plan, MAX_STEPS);
        PolicyQuality otherSeed = PolicyQuality.measure(learned(tinyOneGoal, 2000, 8), tinyOneGoal, plan, MAX_STEPS);

        assertTrue(quality.successRate() > zerosRate && quality.successRate() < 1, "success " + quality.successRate());
        assertTrue(quality.meanSteps() >= quality.meanOptimalSteps());
        assertTrue(quality.meanAbsQError() > 0);
        assertEquals(quality, again);
        assertNotEquals(quality, otherSeed);
    }

    @Test
    void aWellTrainedModelIsNearlyOptimal() {
        OptimalPlan plan = new OptimalPlan(tinyOneGoal, 0.9);

        PolicyQuality quality = PolicyQuality.measure(learned(tinyOneGoal, 20_000, 11), tinyOneGoal, plan, MAX_STEPS);

        assertTrue(quality.successRate() >= 0.95, "success " + quality.successRate());
        assertTrue(
                quality.meanSteps() <= 1.2 * quality.meanOptimalSteps(),
                quality.meanSteps() + " steps against " + quality.meanOptimalSteps());
    }

    @Test
    void theStepLimitCutsRolloutsShort() {
        OptimalPlan plan = new OptimalPlan(tinyOneGoal, 0.6);

        PolicyQuality quality = PolicyQuality.measure(plan.optimalQ(), tinyOneGoal, plan, 3);

        int withinThree = 0;
        for (int s = 0; s < tiny.size(); s++) {
            withinThree += plan.stepsToGoal(s) <= 3 ? 1 : 0;
        }
        assertEquals(withinThree, quality.successfulStarts());
        assertEquals(3, quality.maxSteps());
    }

    @Test
    void withoutGoalsNothingSucceedsAndTheMeansAreUndefined() {
        Environment environment = new Environment(Fixtures.CellsBuilder.on(tiny).build(), RULE);
        OptimalPlan plan = new OptimalPlan(environment, 0.6);

        PolicyQuality quality = PolicyQuality.measure(zeros(tiny.size()), environment, plan, MAX_STEPS);

        assertEquals(0.0, quality.successRate());
        assertEquals(0, quality.reachableStarts());
        assertTrue(Double.isNaN(quality.successRateOverReachable()));
        assertTrue(Double.isNaN(quality.meanOptimalStepsAllReachable()));
        assertEquals(1 / (1 - 0.6), quality.meanAbsQError(), 1e-8);
    }

    @Test
    void theFiguresAreNamedInSnakeCaseInAFixedOrder() {
        PolicyQuality quality = new PolicyQuality(0.5, 4, 3.5, 3.75, 1.25, 0.875, 2, 980, 980, 490, 100, 0.6);

        Map<String, Double> figures = quality.figures();

        assertEquals(
                List.of(
                        "success_rate",
                        "success_rate_over_reachable",
                        "mean_steps",
                        "mean_optimal_steps",
                        "mean_optimal_steps_all_reachable",
                        "mean_abs_q_error",
                        "greedy_agreement",
                        "goal_cells",
                        "states",
                        "reachable_starts",
                        "successful_starts",
                        "max_steps",
                        "gamma"),
                List.copyOf(figures.keySet()));
        assertEquals(
                List.of(0.5, 0.5, 4.0, 3.5, 3.75, 1.25, 0.875, 2.0, 980.0, 980.0, 490.0, 100.0, 0.6),
                List.copyOf(figures.values()));
        assertThrows(UnsupportedOperationException.class, () -> figures.put("x", 1.0));
        assertFalse(quality.converged());
    }

    @Test
    void theOptimumIsConvergedAndAnUntrainedTableIsNot() {
        OptimalPlan plan = new OptimalPlan(tinyOneGoal, 0.6);

        PolicyQuality optimum = PolicyQuality.measure(plan.optimalQ(), tinyOneGoal, plan, MAX_STEPS);
        PolicyQuality untrained = PolicyQuality.measure(zeros(tiny.size()), tinyOneGoal, plan, MAX_STEPS);

        assertEquals(1.0, optimum.greedyAgreement());
        assertTrue(optimum.converged());
        assertTrue(untrained.greedyAgreement() < 1);
        assertFalse(untrained.converged());
    }

    @Test
    void aPlanForAnotherSpaceIsRejected() {
        Environment other =
                new Environment(Fixtures.CellsBuilder.on(Fixtures.twoOfEach()).build(), RULE);
        OptimalPlan plan = new OptimalPlan(other, 0.6);
        assertThrows(
                IllegalArgumentException.class,
                () -> PolicyQuality.measure(zeros(tiny.size()), tinyOneGoal, plan, MAX_STEPS));
    }
}
