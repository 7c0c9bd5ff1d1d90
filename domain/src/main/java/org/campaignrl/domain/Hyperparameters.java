package org.campaignrl.domain;

/**
 * How a {@link QLearner} trains. {@code maxSteps} caps every episode (and every greedy rollout),
 * so training always ends. The same seed and inputs give the same Q table.
 */
public record Hyperparameters(int episodes, double epsilon, double alpha, double gamma, int maxSteps, long seed) {
    public static final int DEFAULT_MAX_STEPS = 100;
    public static final Hyperparameters DEFAULT = new Hyperparameters(20_000, 0.1, 0.1, 0.6, DEFAULT_MAX_STEPS, 42);

    public Hyperparameters {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be at least 1: " + episodes);
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be within 0..1: " + epsilon);
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be within (0, 1]: " + alpha);
        }
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be within [0, 1): " + gamma);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("max steps must be at least 1: " + maxSteps);
        }
    }
}
