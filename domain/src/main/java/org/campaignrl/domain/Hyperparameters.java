package org.campaignrl.domain;

/**
 * How a model is trained. Either until its policy has converged ({@link ConvergingQLearner}; {@code episodes} is then
 * the most it may run), or for exactly {@code episodes} episodes as the original service did ({@link QLearner}).
 * {@code maxSteps} caps every episode (and every greedy rollout), so training always ends. The same seed and inputs
 * give the same Q table.
 *
 * <p>This record is the one source of the training defaults: {@link #DEFAULT} (until converged) and
 * {@link #ORIGINAL} (the original service's fixed count, whose ε and α an explicit count starts from).
 */
public record Hyperparameters(
        boolean untilConverged, int episodes, double epsilon, double alpha, double gamma, int maxSteps, long seed) {
    public static final int DEFAULT_MAX_STEPS = 100;
    /** The most episodes a training until converged may run before it stops as not converged. */
    public static final int DEFAULT_MAX_EPISODES = 20_000_000;
    // The rates as constants too, so that a CLI's help text can name them.
    /** Until converged, every update takes its target as it is (the environment is deterministic)... */
    public static final double CONVERGING_ALPHA = 1.0;
    /** ...and exploring starts explore, not ε. */
    public static final double CONVERGING_EPSILON = 0.0;

    public static final double ORIGINAL_ALPHA = 0.1;
    public static final double ORIGINAL_EPSILON = 0.1;
    public static final Hyperparameters DEFAULT = new Hyperparameters(
            true, DEFAULT_MAX_EPISODES, CONVERGING_EPSILON, CONVERGING_ALPHA, 0.6, DEFAULT_MAX_STEPS, 42);
    /** The original service's settings: 20 000 episodes from random starts, ε 0.1, α 0.1. */
    public static final Hyperparameters ORIGINAL =
            new Hyperparameters(false, 20_000, ORIGINAL_EPSILON, ORIGINAL_ALPHA, 0.6, DEFAULT_MAX_STEPS, 42);

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

    /** Exactly {@code episodes} episodes with these rates, as the original service trained. */
    public static Hyperparameters fixed(
            int episodes, double epsilon, double alpha, double gamma, int maxSteps, long seed) {
        return new Hyperparameters(false, episodes, epsilon, alpha, gamma, maxSteps, seed);
    }

    /**
     * Exactly this many episodes. From a training until converged, the rates become the original service's
     * ({@link #ORIGINAL}): set ε and α after the count.
     */
    public Hyperparameters withEpisodes(int count) {
        return untilConverged
                ? new Hyperparameters(false, count, ORIGINAL.epsilon, ORIGINAL.alpha, gamma, maxSteps, seed)
                : new Hyperparameters(false, count, epsilon, alpha, gamma, maxSteps, seed);
    }

    /** Until converged, with the defaults' rates and cap, keeping γ, the step limit and the seed. */
    public Hyperparameters withUntilConverged() {
        return new Hyperparameters(true, DEFAULT.episodes, DEFAULT.epsilon, DEFAULT.alpha, gamma, maxSteps, seed);
    }

    /** "until converged" or "20,000 episodes": how long the training runs, in words. */
    public String length() {
        return untilConverged ? "until converged" : String.format(java.util.Locale.ROOT, "%,d episodes", episodes);
    }
}
