package org.campaignrl.domain.quality;

import org.campaignrl.domain.Action;
import org.campaignrl.domain.Environment;

/**
 * Solves the Bellman optimality equation of the episodic problem {@code QLearner} learns:
 * {@code Q*(s,a) = r(s′) + (goal(s′) ? 0 : γ·max Q*(s′,·))} with {@code s′ = next(s,a)}.
 *
 * <p>Because the environment is deterministic, Q*(s,a) depends on s and a only through s′, so the
 * iteration runs on one number per state, the value of <em>entering</em> it,
 * {@code E(s′) = r(s′) + (goal(s′) ? 0 : γ·max_a E(next(s′,a)))}, and {@code Q*(s,a) = E(next(s,a))}.
 * Updates are in place (Gauss–Seidel), from the highest state index down: every action but a
 * wrap-around moves to a higher index, so most successors already carry this sweep's value.
 */
final class ValueIteration {
    private ValueIteration() {}

    /** The entering values, the sweeps run, and the largest change in the last sweep. */
    record Solution(double[] enteringValue, int sweeps, double lastChange) {}

    static Solution solve(Environment environment, double gamma, double tolerance, int maxSweeps) {
        int states = environment.stateCount();
        double[] entering = new double[states];
        int sweeps = 0;
        double change = Double.POSITIVE_INFINITY;
        while (change >= tolerance && sweeps < maxSweeps) {
            change = 0;
            for (int s = states - 1; s >= 0; s--) {
                double updated = environment.isGoal(s)
                        ? environment.rewardOnEntering(s)
                        : environment.rewardOnEntering(s) + gamma * bestOnwards(environment, entering, s);
                change = Math.max(change, Math.abs(updated - entering[s]));
                entering[s] = updated;
            }
            sweeps++;
        }
        return new Solution(entering, sweeps, change);
    }

    /** Expands entering values into the flat {@code states × 7} action values. */
    static double[] actionValues(Environment environment, double[] entering) {
        int states = environment.stateCount();
        double[] q = new double[states * Action.COUNT];
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < Action.COUNT; a++) {
                q[s * Action.COUNT + a] = entering[environment.next(s, a)];
            }
        }
        return q;
    }

    private static double bestOnwards(Environment environment, double[] entering, int state) {
        double best = entering[environment.next(state, 0)];
        for (int a = 1; a < Action.COUNT; a++) {
            best = Math.max(best, entering[environment.next(state, a)]);
        }
        return best;
    }
}
