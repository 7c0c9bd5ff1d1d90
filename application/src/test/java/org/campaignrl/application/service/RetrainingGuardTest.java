package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrainingGuardTest {
    private final RetrainingGuard guard = RetrainingGuard.standard(0.05);

    @Test
    void higherIsBetterForTheSuccessRateAndLowerForTheQError() {
        Map<String, Double> active = Map.of("success_rate", 0.5, "mean_abs_q_error", 2.0);

        assertTrue(guard.judge(Map.of("success_rate", 0.48, "mean_abs_q_error", 2.1), active)
                .activate());
        assertFalse(guard.judge(Map.of("success_rate", 0.47, "mean_abs_q_error", 2.0), active)
                .activate());
        RetrainingGuard.Verdict qWorse = guard.judge(Map.of("success_rate", 0.9, "mean_abs_q_error", 2.2), active);
        assertFalse(qWorse.activate());
        assertTrue(
                qWorse.reason()
                        .contains(
                                "mean_abs_q_error 2.200 vs 2.000 (worse by 0.2000, more than the 0.1000 " + "allowed)"),
                qWorse.reason());
    }

    @Test
    void onlyFiguresBothHaveAreComparedAndWithoutAnyTheCandidateWaits() {
        assertTrue(guard.judge(Map.of("success_rate", 0.5, "held_out_lift", 0.1), Map.of("success_rate", 0.5))
                .activate());
        RetrainingGuard.Verdict nothing = guard.judge(Map.of("other", 1.0), Map.of("success_rate", 0.5));
        assertFalse(nothing.activate());
        assertTrue(nothing.reason().startsWith("no quality figure to compare"), nothing.reason());
    }

    @Test
    void aZeroToleranceStillAcceptsEqualFigures() {
        RetrainingGuard strict = RetrainingGuard.standard(0);

        assertTrue(strict.judge(Map.of("mean_abs_q_error", 0.0), Map.of("mean_abs_q_error", 0.0))
                .activate());
        assertFalse(strict.judge(Map.of("mean_abs_q_error", 1e-6), Map.of("mean_abs_q_error", 0.0))
                .activate());
        assertEquals(3, strict.watched().size());
        assertThrows(IllegalArgumentException.class, () -> RetrainingGuard.standard(-0.1));
    }
}
