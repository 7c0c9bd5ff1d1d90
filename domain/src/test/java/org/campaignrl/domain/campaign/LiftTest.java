package org.campaignrl.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LiftTest {
    private static Lift lift(double lower, double absolute, double upper) {
        return new Lift(absolute, lower, upper, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);
    }

    @Test
    void theVerdictIsWhereTheIntervalLiesAgainstZero() {
        assertEquals(Lift.Verdict.BEAT, lift(0.01, 0.05, 0.09).verdict());
        assertEquals(Lift.Verdict.WORSE, lift(-0.09, -0.05, -0.01).verdict());
        assertEquals(Lift.Verdict.NOT_SHOWN, lift(-0.01, 0.02, 0.05).verdict());
        assertEquals(Lift.Verdict.NOT_SHOWN, lift(0, 0.02, 0.05).verdict());
        assertEquals("beat its control group", Lift.Verdict.BEAT.words());
    }
}
