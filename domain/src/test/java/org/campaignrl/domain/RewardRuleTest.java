package org.campaignrl.domain;

import static org.campaignrl.domain.Spaces.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RewardRuleTest {
    /** target 0.30, more than 10 sends, factor 3. */
    private final RewardRule rule = new RewardRule(0.30, 10, 3);

    @ParameterizedTest(name = "{0} sends, {1} responses -> goal {2}, reward {3}")
    @CsvSource({
        "11, 4, true, 30", // 0.36 > 0.30 on 11 > 10 sends
        "100, 31, true, 30",
        "11, 11, true, 30",
        "10, 10, false, 10", // sends exactly the minimum: not a goal
        "20, 6, false, 10", // conversion exactly the target: not a goal
        "100, 30, false, 10",
        "100, 29, false, 10",
        "5, 1, false, 10",
        "500, 0, false, -1",
        "3, 0, false, -1",
        "0, 0, false, -1"
    })
    void goalsNeedBothAConversionAboveTheTargetAndMoreThanTheMinimumSends(
            long sends, long responses, boolean goal, double reward) {
        assertEquals(goal, rule.isGoal(sends, responses));
        assertEquals(reward, rule.reward(sends, responses));
    }

    @Test
    void theGoalRewardIsTheFactorTimesTen() {
        assertEquals(75.0, new RewardRule(0.5, 0, 7.5).reward(4, 3));
        assertEquals(0.0, new RewardRule(0.5, 0, 0).reward(4, 3));
    }

    @Test
    void withNoMinimumACellNeverSentToIsStillNotAGoal() {
        RewardRule anyRate = new RewardRule(0, 0, 3);
        assertFalse(anyRate.isGoal(0, 0));
        assertEquals(-1, anyRate.reward(0, 0));
        assertTrue(anyRate.isGoal(1, 1));
        assertFalse(anyRate.isGoal(1, 0), "0 is not above a target of 0");
    }

    @Test
    void aTargetOfOneCanNeverBeMet() {
        RewardRule impossible = new RewardRule(1, 0, 3);
        assertFalse(impossible.isGoal(50, 50));
        assertEquals(10, impossible.reward(50, 50));
    }

    @Test
    void invalidRulesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RewardRule(-0.1, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> new RewardRule(1.1, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> new RewardRule(Double.NaN, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> new RewardRule(0.3, -1, 3));
        assertThrows(IllegalArgumentException.class, () -> new RewardRule(0.3, 10, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new RewardRule(0.3, 10, Double.POSITIVE_INFINITY));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertEquals(new RewardRule(0.30, 10, 3), RewardRule.DEFAULT);
    }

    @Test
    void theEnvironmentPaysForTheCellEnteredNotTheCellLeft() {
        StateSpace space = Spaces.tiny();
        int here = space.indexOfCodes(codes(0, 0, 0, 0, 0, 0, 0));
        int nextDay = space.indexOfCodes(codes(0, 1, 0, 0, 0, 0, 0));
        int nextTenure = space.indexOfCodes(codes(0, 0, 1, 0, 0, 0, 0));
        Cells cells = Spaces.CellsBuilder.on(space)
                .at(here, 100, 90) // a goal, but we are leaving it
                .at(nextDay, 50, 1) // responded: +10
                .at(nextTenure, 20, 0) // never responded: -1
                .build();
        Environment environment = new Environment(cells, rule);

        assertEquals(nextDay, environment.next(here, Action.NEXT_DAY.code()));
        assertEquals(10, environment.rewardOnEntering(environment.next(here, Action.NEXT_DAY.code())));
        assertEquals(-1, environment.rewardOnEntering(environment.next(here, Action.NEXT_TENURE.code())));
        assertEquals(30, environment.rewardOnEntering(here));
        assertTrue(environment.isGoal(here));
        assertFalse(environment.isGoal(nextDay));
        assertEquals(1, environment.goalCount());
    }
}
