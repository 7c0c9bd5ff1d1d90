package org.campaignrl.domain;

import static org.campaignrl.domain.Spaces.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreedyPolicyTest {
    private final StateSpace space = Spaces.tiny();
    private final int start = space.indexOfCodes(codes(0, 0, 0, 0, 0, 0, 0));

    /** No goals anywhere. */
    private final Environment noGoals =
            new Environment(Spaces.CellsBuilder.on(space).build(), RewardRule.DEFAULT);

    /** A Q table that prefers {@code action} in every state. */
    private QTable preferring(Action action) {
        double[] values = new double[space.size() * Action.COUNT];
        for (int s = 0; s < space.size(); s++) {
            values[s * Action.COUNT + action.code()] = 1;
        }
        return new QTable(space.size(), values);
    }

    private QTable allZero() {
        return new QTable(space.size(), new double[space.size() * Action.COUNT]);
    }

    /** The state {@code days} days after the start. */
    private int day(int days) {
        return space.indexOfCodes(codes(0, days, 0, 0, 0, 0, 0));
    }

    private Environment goalAt(int goal) {
        return new Environment(Spaces.CellsBuilder.on(space).at(goal, 20, 20).build(), RewardRule.DEFAULT);
    }

    @Test
    void theBestActionIsTheArgmaxWithTiesToTheLowestCode() {
        assertEquals(0, new GreedyPolicy(allZero(), noGoals).bestAction(start));
        assertEquals(4, new GreedyPolicy(preferring(Action.NEXT_GENDER), noGoals).bestAction(start));
        double[] values = new double[space.size() * Action.COUNT];
        values[start * Action.COUNT + 2] = 5;
        values[start * Action.COUNT + 6] = 5;
        assertEquals(2, new GreedyPolicy(new QTable(space.size(), values), noGoals).bestAction(start));
    }

    @Test
    void aRolloutStopsOnEnteringAGoalAndIncludesIt() {
        GreedyPolicy.Rollout rollout = new GreedyPolicy(allZero(), goalAt(day(3))).rollout(start, 100);
        assertEquals(List.of(day(0), day(1), day(2), day(3)), rollout.states());
        assertEquals(GreedyPolicy.Rollout.End.GOAL, rollout.end());
        assertTrue(rollout.reachedGoal());
        assertEquals(3, rollout.steps());
    }

    @Test
    void aRolloutStopsBeforeRepeatingAStateAndLeavesTheRepeatOut() {
        GreedyPolicy.Rollout rollout = new GreedyPolicy(allZero(), noGoals).rollout(start, 100);
        assertEquals(List.of(day(0), day(1), day(2), day(3), day(4), day(5), day(6)), rollout.states());
        assertEquals(GreedyPolicy.Rollout.End.LOOP, rollout.end());
        assertFalse(rollout.reachedGoal());
        assertEquals(6, rollout.steps());
    }

    @Test
    void aRolloutFollowsThePreferredAction() {
        GreedyPolicy.Rollout rollout = new GreedyPolicy(preferring(Action.NEXT_AGE), noGoals).rollout(start, 100);
        List<Integer> expected = new ArrayList<>();
        for (int age = 0; age < 5; age++) {
            expected.add(space.indexOfCodes(codes(0, 0, 0, 0, age, 0, 0)));
        }
        assertEquals(expected, rollout.states());
        assertEquals(GreedyPolicy.Rollout.End.LOOP, rollout.end());
    }

    @Test
    void aRolloutStopsAfterMaxStepsIncludingTheStart() {
        GreedyPolicy.Rollout rollout = new GreedyPolicy(allZero(), noGoals).rollout(start, 3);
        assertEquals(List.of(day(0), day(1), day(2), day(3)), rollout.states());
        assertEquals(GreedyPolicy.Rollout.End.STEP_LIMIT, rollout.end());
        assertEquals(3, rollout.steps());
    }

    @Test
    void aGoalEnteredOnTheLastAllowedStepCountsAsAGoal() {
        GreedyPolicy.Rollout rollout = new GreedyPolicy(allZero(), goalAt(day(3))).rollout(start, 3);
        assertEquals(GreedyPolicy.Rollout.End.GOAL, rollout.end());
        assertEquals(4, rollout.states().size());
    }

    @Test
    void zeroStepsGiveJustTheStart() {
        GreedyPolicy.Rollout rollout = new GreedyPolicy(allZero(), noGoals).rollout(start, 0);
        assertEquals(List.of(start), rollout.states());
        assertEquals(GreedyPolicy.Rollout.End.STEP_LIMIT, rollout.end());
        assertEquals(0, rollout.steps());
    }

    @Test
    void startingOnAGoalDoesNotEndTheRolloutButComingRoundToItDoes() {
        GreedyPolicy.Rollout rollout = new GreedyPolicy(allZero(), goalAt(start)).rollout(start, 100);
        assertEquals(GreedyPolicy.Rollout.End.GOAL, rollout.end(), "the goal is entered again after a week");
        assertEquals(8, rollout.states().size());
        assertEquals(start, rollout.states().get(0));
        assertEquals(start, rollout.states().get(7));
        assertEquals(7, rollout.steps());
    }

    @Test
    void aRolloutFromTheLastStateWrapsAround() {
        int last = space.size() - 1;
        GreedyPolicy.Rollout rollout = new GreedyPolicy(preferring(Action.NEXT_GENDER), noGoals).rollout(last, 100);
        assertEquals(List.of(last, space.advance(last, Attribute.GENDER)), rollout.states());
        assertEquals(GreedyPolicy.Rollout.End.LOOP, rollout.end());
    }

    @Test
    void theVisitedStatesCannotBeChanged() {
        GreedyPolicy.Rollout rollout = new GreedyPolicy(allZero(), noGoals).rollout(start, 2);
        assertThrows(UnsupportedOperationException.class, () -> rollout.states().add(1));
    }

    @Test
    void aQTableForAnotherSpaceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GreedyPolicy(new QTable(3, new double[21]), noGoals));
    }
}
