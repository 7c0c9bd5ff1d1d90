package org.campaignrl.domain.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.function.Supplier;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QLearner;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.TrainingProgress;
import org.junit.jupiter.api.Test;

/** Prints how long the measures take on full-size and large spaces; asserts only that the results make sense. */
class QualityTimingTest {
    private static final double GAMMA = Hyperparameters.DEFAULT.gamma();
    private static final int MAX_STEPS = Hyperparameters.DEFAULT_MAX_STEPS;

    @Test
    void fullSizeSpace() {
        StateSpace space = Fixtures.fullSize();
        Environment environment = new Environment(Fixtures.randomCells(space, 1), RewardRule.DEFAULT);
        assertEquals(17_640, environment.stateCount());

        OptimalPlan plan = timed("full size: optimal plan", () -> new OptimalPlan(environment, GAMMA));
        QTable learned = timed(
                "full size: train, default hyperparameters",
                () -> new QLearner(Hyperparameters.ORIGINAL)
                        .train(environment, 0, TrainingProgress.NONE)
                        .qTable());
        PolicyQuality quality =
                timed("full size: policy quality", () -> PolicyQuality.measure(learned, environment, plan, MAX_STEPS));
        PolicyQuality optimum = PolicyQuality.measure(plan.optimalQ(), environment, plan, MAX_STEPS);
        FoldReport report = timed(
                "full size: fold report, 1000 samples per fold",
                () -> FoldReport.run(learned, environment, 1000, MAX_STEPS, 42));

        System.out.println(
                "full size: " + environment.goalCount() + " goals, " + plan.sweeps() + " sweeps, " + quality.figures());
        System.out.println("full size, Q* itself: " + optimum.figures());
        System.out.println(report.toText());
        assertTrue(plan.converged());
        assertTrue(quality.successRate() > 0);
    }

    @Test
    void largeSpace() {
        StateSpace space = Fixtures.large();
        Environment environment = new Environment(Fixtures.randomCells(space, 2), RewardRule.DEFAULT);
        assertEquals(199_920, environment.stateCount());

        OptimalPlan plan = timed("large: optimal plan", () -> new OptimalPlan(environment, GAMMA));
        OptimalPlan farSighted = timed("large: optimal plan, gamma 0.99", () -> new OptimalPlan(environment, 0.99));
        PolicyQuality quality = timed(
                "large: policy quality of Q*",
                () -> PolicyQuality.measure(plan.optimalQ(), environment, plan, MAX_STEPS));

        System.out.println("large: " + environment.goalCount() + " goals, " + plan.sweeps() + " sweeps (gamma 0.99: "
                + farSighted.sweeps() + "), " + quality.figures());
        assertTrue(plan.converged() && farSighted.converged());
        assertEquals(0.0, quality.meanAbsQError());
    }

    private static <T> T timed(String what, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        System.out.printf(Locale.ROOT, "%s: %.0f ms%n", what, (System.nanoTime() - start) / 1e6);
        return result;
    }
}
