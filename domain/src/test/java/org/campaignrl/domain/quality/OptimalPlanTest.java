package org.campaignrl.domain.quality;

import static org.campaignrl.domain.quality.Fixtures.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.campaignrl.domain.Action;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptimalPlanTest {
    /** Target 0.30 on more than 10 sends; a goal pays 3 × 10 = 30. */
    private static final RewardRule RULE = new RewardRule(0.30, 10, 3);

    private static final double GOAL_REWARD = 30;

    private final StateSpace tiny = Fixtures.tiny();

    private int tinyState(int day, int tenure, int age, int gender, int type) {
        return tiny.indexOfCodes(codes(0, day, tenure, 0, age, gender, type));
    }

    private Environment tinyWithGoalAt(int goal) {
        return new Environment(Fixtures.CellsBuilder.on(tiny).at(goal, 20, 20).build(), RULE);
    }

    @Test
    void everyPredecessorOfTheGoalIsOneStepAway() {
        int goal = tinyState(3, 4, 2, 1, 0);
        OptimalPlan plan = new OptimalPlan(tinyWithGoalAt(goal), 0.6);

        assertEquals(1, plan.stepsToGoal(tinyState(2, 4, 2, 1, 0)), "the day before");
        assertEquals(1, plan.stepsToGoal(tinyState(3, 3, 2, 1, 0)), "one tenure group lower");
        assertEquals(1, plan.stepsToGoal(tinyState(3, 4, 1, 1, 0)), "one age group lower");
        assertEquals(1, plan.stepsToGoal(tinyState(3, 4, 2, 0, 0)), "the other gender");
        assertEquals(1, plan.stepsToGoal(tinyState(3, 4, 2, 1, 1)), "the other type, wrapping round");
    }

    @Test
    void aStateNeedingThreeMovesIsThreeStepsAway() {
        OptimalPlan plan = new OptimalPlan(tinyWithGoalAt(tinyState(3, 4, 2, 1, 0)), 0.6);

        assertEquals(3, plan.stepsToGoal(tinyState(2, 3, 1, 1, 0)), "one day, one tenure group, one age group");
        assertEquals(3, plan.stepsToGoal(tinyState(0, 4, 2, 1, 0)), "three days");
        assertEquals(6, plan.stepsToGoal(tinyState(4, 4, 2, 1, 0)), "six days, round the week");
    }

    @Test
    void stepsToGoalIsTheForwardDistanceFromEveryOtherState() {
        int goal = tinyState(3, 4, 2, 1, 0);
        OptimalPlan plan = new OptimalPlan(tinyWithGoalAt(goal), 0.6);
        for (int s = 0; s < tiny.size(); s++) {
            if (s != goal) {
                assertEquals(Fixtures.forwardDistance(tiny, s, goal), plan.stepsToGoal(s), "state " + s);
            }
        }
        assertEquals(tiny.size(), plan.reachableStarts());
    }

    @Test
    void aGoalIsAtLeastOneStepFromItselfBecauseOnlyEnteringCounts() {
        // In the tiny space NEXT_SUBJECT leads back to the same state, which enters the goal again.
        int goal = tinyState(3, 4, 2, 1, 0);
        assertEquals(1, new OptimalPlan(tinyWithGoalAt(goal), 0.6).stepsToGoal(goal));

        // With two of every attribute the shortest way back is round the gender (or type, subject, domain).
        StateSpace space = Fixtures.twoOfEach();
        int other = space.indexOfCodes(codes(1, 3, 4, 1, 2, 1, 0));
        Environment environment = new Environment(
                Fixtures.CellsBuilder.on(space).at(other, 20, 20).build(), RULE);
        assertEquals(2, new OptimalPlan(environment, 0.6).stepsToGoal(other));
    }

    @Test
    void withoutGoalsNothingIsReachableAndEveryStepCostsOneForEver() {
        Environment environment = new Environment(Fixtures.CellsBuilder.on(tiny).build(), RULE);
        double gamma = 0.6;
        OptimalPlan plan = new OptimalPlan(environment, gamma);

        assertEquals(0, plan.reachableStarts());
        for (int s = 0; s < tiny.size(); s++) {
            assertEquals(-1, plan.stepsToGoal(s));
            assertFalse(plan.canReachGoal(s));
            for (int a = 0; a < Action.COUNT; a++) {
                assertEquals(-1 / (1 - gamma), plan.optimalQ().value(s, a), 1e-8);
            }
        }
    }

    @Test
    void optimalValuesAlongAChainToTheGoalMatchTheHandComputedOnes() {
        // Monday … Sunday with every other code 0; Thursday is the goal, Wednesday responded (+10),
        // every other cell is silent (−1).
        int goal = tinyState(3, 0, 0, 0, 0);
        int wednesday = tinyState(2, 0, 0, 0, 0);
        Environment environment = new Environment(
                Fixtures.CellsBuilder.on(tiny)
                        .at(goal, 20, 20)
                        .at(wednesday, 5, 1)
                        .build(),
                RULE);
        double gamma = 0.6;
        QTable q = new OptimalPlan(environment, gamma).optimalQ();
        int day = Action.NEXT_DAY.code();

        double fromWednesday = GOAL_REWARD; // enter the goal: 30, no bootstrap
        double fromTuesday = 10 + gamma * fromWednesday; // enter Wednesday (+10), then the goal
        double fromMonday = -1 + gamma * fromTuesday; // enter Tuesday (−1), …
        assertEquals(fromWednesday, q.value(wednesday, day), 1e-9);
        assertEquals(fromTuesday, q.value(tinyState(1, 0, 0, 0, 0), day), 1e-9);
        assertEquals(fromMonday, q.value(tinyState(0, 0, 0, 0, 0), day), 1e-9);
    }

    @Test
    void theOptimalActionOneStepBeforeTheGoalEntersIt() {
        int goal = tinyState(3, 4, 2, 1, 0);
        OptimalPlan plan = new OptimalPlan(tinyWithGoalAt(goal), 0.6);
        assertEquals(Action.NEXT_DAY.code(), plan.optimalAction(tinyState(2, 4, 2, 1, 0)));
        assertEquals(Action.NEXT_AGE.code(), plan.optimalAction(tinyState(3, 4, 1, 1, 0)));
        assertEquals(Action.NEXT_TYPE.code(), plan.optimalAction(tinyState(3, 4, 2, 1, 1)));
    }

    @Test
    void withGammaZeroTheOptimalValueIsTheRewardOfTheCellEntered() {
        Environment environment = new Environment(Fixtures.randomCells(tiny, 5), RULE);
        OptimalPlan plan = new OptimalPlan(environment, 0);
        for (int s = 0; s < tiny.size(); s++) {
            for (int a = 0; a < Action.COUNT; a++) {
                assertEquals(
                        environment.rewardOnEntering(environment.next(s, a)),
                        plan.optimalQ().value(s, a));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.6, 0.9, 0.99})
    void optimalValuesAreAFixedPointOfTheBellmanEquation(double gamma) {
        Environment environment = new Environment(Fixtures.randomCells(Fixtures.twoOfEach(), 11), RULE);
        assertTrue(environment.goalCount() > 0);
        OptimalPlan plan = new OptimalPlan(environment, gamma);
        QTable q = plan.optimalQ();

        assertTrue(plan.converged(), "stopped after " + plan.sweeps() + " sweeps, change " + plan.lastChange());
        for (int s = 0; s < environment.stateCount(); s++) {
            for (int a = 0; a < Action.COUNT; a++) {
                int next = environment.next(s, a);
                double target =
                        environment.rewardOnEntering(next) + (environment.isGoal(next) ? 0 : gamma * q.maxValue(next));
                assertEquals(target, q.value(s, a), 1e-6, "Q*(" + s + ", " + a + ")");
            }
            assertEquals(q.bestAction(s), plan.optimalAction(s));
        }
    }

    @Test
    void aSweepCapBelowWhatConvergenceNeedsIsReportedAsNotConverged() {
        Environment environment = new Environment(Fixtures.randomCells(tiny, 5), RULE);
        OptimalPlan plan = new OptimalPlan(environment, 0.9, 3);
        assertEquals(3, plan.sweeps());
        assertFalse(plan.converged());
        assertTrue(plan.lastChange() >= OptimalPlan.TOLERANCE);
    }

    @Test
    void aGammaOutsideZeroToOneOrNoSweepsAreRejected() {
        Environment environment = tinyWithGoalAt(0);
        assertThrows(IllegalArgumentException.class, () -> new OptimalPlan(environment, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new OptimalPlan(environment, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new OptimalPlan(environment, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new OptimalPlan(environment, 0.5, 0));
    }

    @Test
    void thePlanKnowsItsSizeAndDiscount() {
        OptimalPlan plan = new OptimalPlan(tinyWithGoalAt(0), 0.75);
        assertEquals(tiny.size(), plan.states());
        assertEquals(tiny.size(), plan.optimalQ().states());
        assertEquals(0.75, plan.gamma());
    }
}
