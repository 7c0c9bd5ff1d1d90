package org.campaignrl.application.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConvergenceSummaryTest {

    @Test
    void aConvergedModelIsSaidInWords() {
        ConvergenceSummary summary = ConvergenceSummary.of(Map.of(
                "greedy_agreement",
                1.0,
                "mean_abs_q_error",
                0.001,
                "success_rate_over_reachable",
                1.0,
                "mean_steps",
                4.08,
                "mean_optimal_steps",
                4.0));
        assertEquals(Optional.of(true), summary.converged());
        assertEquals("converged: 100 % of start states reach a goal, in 1.02 × the fewest steps", summary.inWords());
    }

    @Test
    void anUnconvergedOneSaysHowFarItGotWithoutRoundingUpTo100() {
        ConvergenceSummary summary = ConvergenceSummary.of(Map.of(
                "greedy_agreement",
                0.6,
                "mean_abs_q_error",
                16.8,
                "success_rate_over_reachable",
                0.99951,
                "mean_steps",
                8.08,
                "mean_optimal_steps",
                2.39));
        assertEquals(
                "not converged: 99.9 % of start states reach a goal, in 3.38 × the fewest steps", summary.inWords());
        assertEquals(
                "not converged: 97.1 % of start states reach a goal",
                ConvergenceSummary.of(Map.of(
                                "greedy_agreement", 0.9, "mean_abs_q_error", 1.0, "success_rate_over_reachable", 0.971))
                        .inWords());
    }

    @Test
    void aModelStoredBeforeConvergenceWasMeasuredSaysSoAndNoGoalsAreSaidToo() {
        ConvergenceSummary old = ConvergenceSummary.of(Map.of("success_rate_over_reachable", 0.5));
        assertEquals(Optional.empty(), old.converged());
        assertEquals("not measured: 50.0 % of start states reach a goal", old.inWords());
        assertEquals(
                "converged: no audience reaches the target",
                ConvergenceSummary.of(Map.of("greedy_agreement", 1.0, "mean_abs_q_error", 0.0))
                        .inWords());
    }
}
