package org.campaignrl.domain.quality;

import org.campaignrl.domain.Environment;
import org.campaignrl.domain.QTable;

/**
 * The exact optimum of a known environment, to judge a learned model against.
 *
 * <p>Two different optima, both computed once on construction:
 * <ul>
 *   <li>{@link #stepsToGoal(int)}: the fewest actions to enter a goal cell, whatever the rewards;</li>
 *   <li>{@link #optimalQ()}: Q* for the same rewards, γ and episodic convention as {@code QLearner}
 *       (no bootstrap on entering a goal), by value iteration.</li>
 * </ul>
 * They agree only when the rewards favour reaching a goal quickly. When responding cells pay +10 and γ
 * is large, Q* may prefer a longer route through such cells, or even circling among them for ever
 * (worth 10/(1−γ)) over a goal worth {@code rewardFactor × 10}.
 *
 * <p>Every action cycles one attribute, so the transition graph is strongly connected: either every
 * state can reach a goal or, when there are no goals, none can.
 */
public final class OptimalPlan {
    /** Value iteration stops when no value changed by this much or more in a sweep. */
    public static final double TOLERANCE = 1e-9;
    /** Cap on the sweeps; only a γ very close to 1 gets near it. */
    public static final int DEFAULT_MAX_SWEEPS = 100_000;

    private final double gamma;
    private final int[] stepsToGoal;
    private final QTable optimalQ;
    private final int sweeps;
    private final double lastChange;

    /** Solves the environment for this discount, with the default sweep cap. */
    public OptimalPlan(Environment environment, double gamma) {
        this(environment, gamma, DEFAULT_MAX_SWEEPS);
    }

    /**
     * Solves the environment for this discount, running at most {@code maxSweeps} sweeps of value
     * iteration (see {@link #converged()}).
     */
    public OptimalPlan(Environment environment, double gamma, int maxSweeps) {
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be within [0, 1): " + gamma);
        }
        if (maxSweeps < 1) {
            throw new IllegalArgumentException("max sweeps must be at least 1: " + maxSweeps);
        }
        this.gamma = gamma;
        this.stepsToGoal = StepsToGoal.compute(environment);
        ValueIteration.Solution solution = ValueIteration.solve(environment, gamma, TOLERANCE, maxSweeps);
        this.optimalQ = new QTable(
                environment.stateCount(), ValueIteration.actionValues(environment, solution.enteringValue()));
        this.sweeps = solution.sweeps();
        this.lastChange = solution.lastChange();
    }

    public int states() {
        return stepsToGoal.length;
    }

    public double gamma() {
        return gamma;
    }

    /**
     * Fewest actions from {@code state} to enter a goal cell, or −1 when none can be reached. Always at
     * least 1, also when {@code state} is itself a goal: an episode ends on entering a goal, not on
     * starting in one.
     */
    public int stepsToGoal(int state) {
        return stepsToGoal[state];
    }

    /** Whether some goal can be entered from {@code state}. */
    public boolean canReachGoal(int state) {
        return stepsToGoal[state] != StepsToGoal.UNREACHABLE;
    }

    /** Number of states from which a goal can be entered. */
    public int reachableStarts() {
        int count = 0;
        for (int steps : stepsToGoal) {
            count += steps != StepsToGoal.UNREACHABLE ? 1 : 0;
        }
        return count;
    }

    /** Q*, the optimal action values, in the same layout as a learned table. */
    public QTable optimalQ() {
        return optimalQ;
    }

    /** An action of highest Q* (ties to the lowest code, like the greedy policy). */
    public int optimalAction(int state) {
        return optimalQ.bestAction(state);
    }

    /** Sweeps of value iteration run. */
    public int sweeps() {
        return sweeps;
    }

    /** Largest change of a value in the last sweep. */
    public double lastChange() {
        return lastChange;
    }

    /**
     * Whether value iteration stopped because values settled (change below {@link #TOLERANCE}) rather
     * than at the sweep cap. Either way Q* is within {@code γ·lastChange/(1−γ)} of the exact values.
     */
    public boolean converged() {
        return lastChange < TOLERANCE;
    }
}
