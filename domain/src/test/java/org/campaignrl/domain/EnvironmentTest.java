package org.campaignrl.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void rewardsAndGoalsAgreeWithTheRuleForEveryCell() {
        StateSpace space = Spaces.tiny();
        Spaces.CellsBuilder builder = Spaces.CellsBuilder.on(space);
        for (int s = 0; s < space.size(); s++) {
            builder.at(s, s % 23, (s % 23) * (s % 5) / 4);
        }
        Cells cells = builder.build();
        RewardRule rule = new RewardRule(0.4, 12, 2);
        Environment environment = new Environment(cells, rule);

        int goals = 0;
        for (int s = 0; s < space.size(); s++) {
            assertEquals(rule.reward(cells.sends(s), cells.responses(s)), environment.rewardOnEntering(s));
            assertEquals(rule.isGoal(cells.sends(s), cells.responses(s)), environment.isGoal(s));
            goals += environment.isGoal(s) ? 1 : 0;
        }
        assertEquals(goals, environment.goalCount());
        assertEquals(space.size(), environment.stateCount());
        assertSame(cells, environment.cells());
        assertSame(rule, environment.rule());
        assertEquals(space, environment.space());
    }

    @Test
    void aSpaceWithoutHistoryHasNoGoalsAndCostsOneEverywhere() {
        Environment environment =
                new Environment(Spaces.CellsBuilder.on(Spaces.tiny()).build(), RewardRule.DEFAULT);
        assertEquals(0, environment.goalCount());
        for (int s = 0; s < environment.stateCount(); s++) {
            assertEquals(-1, environment.rewardOnEntering(s));
        }
    }
}
