package org.campaignrl.domain.quality;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.GreedyPolicy;
import org.campaignrl.domain.QTable;

/**
 * How well a learned Q table does on the environment it was trained on, against its {@link OptimalPlan}.
 * A greedy rollout ({@link GreedyPolicy#rollout}) is run from <em>every</em> state.
 *
 * <p>Means over an empty set (no start succeeded, no goal reachable) are {@code NaN}.
 *
 * <p>Q* maximises discounted reward, not success: with +10 cells and a large γ it may never enter a goal, so Q*
 * itself can score below 1, and it may take a longer route through responding cells than the fewest steps (see
 * {@link OptimalPlan}).
 *
 * @param successRate share of all states whose greedy rollout enters a goal within the step limit
 * @param meanSteps mean rollout steps over the successful starts
 * @param meanOptimalSteps mean {@link OptimalPlan#stepsToGoal} over the same successful starts, so
 *        {@code meanOptimalSteps / meanSteps} is 1 for a shortest-path policy
 * @param meanOptimalStepsAllReachable mean {@link OptimalPlan#stepsToGoal} over every state that can reach a goal
 * @param meanAbsQError mean {@code |Q − Q*|} over all state-action pairs
 * @param greedyAgreement share of the states whose greedy action is one of Q*'s best ({@link Convergence})
 * @param goalCells number of goal cells
 * @param states number of states, i.e. of starts tried
 * @param reachableStarts states from which some goal can be entered
 * @param successfulStarts states whose greedy rollout entered a goal
 * @param maxSteps the step limit of every rollout
 * @param gamma the discount Q* was computed for
 */
public record PolicyQuality(
        double successRate,
        double meanSteps,
        double meanOptimalSteps,
        double meanOptimalStepsAllReachable,
        double meanAbsQError,
        double greedyAgreement,
        int goalCells,
        int states,
        int reachableStarts,
        int successfulStarts,
        int maxSteps,
        double gamma) {

    /** Rolls out the greedy policy of {@code learned} from every state and compares it with {@code plan}. */
    public static PolicyQuality measure(QTable learned, Environment environment, OptimalPlan plan, int maxSteps) {
        int states = environment.stateCount();
        if (plan.states() != states) {
            throw new IllegalArgumentException("the plan has " + plan.states() + " states, the environment " + states);
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("max steps must not be negative: " + maxSteps);
        }
        GreedyPolicy policy = new GreedyPolicy(learned, environment);
        Convergence convergence = Convergence.of(learned, plan);
        int successes = 0;
        long successSteps = 0;
        long successOptimalSteps = 0;
        int reachable = 0;
        long reachableOptimalSteps = 0;
        for (int start = 0; start < states; start++) {
            if (!plan.canReachGoal(start)) {
                continue; // no policy can succeed here
            }
            reachable++;
            reachableOptimalSteps += plan.stepsToGoal(start);
            GreedyPolicy.Rollout rollout = policy.rollout(start, maxSteps);
            if (rollout.reachedGoal()) {
                successes++;
                successSteps += rollout.steps();
                successOptimalSteps += plan.stepsToGoal(start);
            }
        }
        return new PolicyQuality(
                (double) successes / states,
                mean(successSteps, successes),
                mean(successOptimalSteps, successes),
                mean(reachableOptimalSteps, reachable),
                convergence.meanAbsQError(),
                convergence.greedyAgreement(),
                environment.goalCount(),
                states,
                reachable,
                successes,
                maxSteps,
                plan.gamma());
    }

    /** Share of the states that can reach a goal whose rollout did; {@code NaN} when there are none. */
    public double successRateOverReachable() {
        return reachableStarts == 0 ? Double.NaN : (double) successfulStarts / reachableStarts;
    }

    /** Whether the table is converged: {@link Convergence#converged(double, double)} on its figures. */
    public boolean converged() {
        return Convergence.converged(greedyAgreement, meanAbsQError);
    }

    /**
     * The figures by snake_case name, in a fixed order, for storage: {@code success_rate},
     * {@code success_rate_over_reachable}, {@code mean_steps}, {@code mean_optimal_steps},
     * {@code mean_optimal_steps_all_reachable}, {@code mean_abs_q_error}, {@code greedy_agreement}, {@code goal_cells}, {@code states},
     * {@code reachable_starts}, {@code successful_starts}, {@code max_steps}, {@code gamma}.
     */
    public Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("success_rate", successRate);
        figures.put("success_rate_over_reachable", successRateOverReachable());
        figures.put("mean_steps", meanSteps);
        figures.put("mean_optimal_steps", meanOptimalSteps);
        figures.put("mean_optimal_steps_all_reachable", meanOptimalStepsAllReachable);
        figures.put("mean_abs_q_error", meanAbsQError);
        figures.put("greedy_agreement", greedyAgreement);
        figures.put("goal_cells", (double) goalCells);
        figures.put("states", (double) states);
        figures.put("reachable_starts", (double) reachableStarts);
        figures.put("successful_starts", (double) successfulStarts);
        figures.put("max_steps", (double) maxSteps);
        figures.put("gamma", gamma);
        return Collections.unmodifiableMap(figures);
    }

    private static double mean(long sum, int count) {
        return count == 0 ? Double.NaN : (double) sum / count;
    }
}
