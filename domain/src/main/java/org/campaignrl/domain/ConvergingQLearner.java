package org.campaignrl.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Q-learning that runs until a {@link ConvergenceCheck} is satisfied, shaped for what this environment is: known to
 * be deterministic, and small enough to visit every state-action pair many times over.
 *
 * <p>Still Q-learning: every update is the standard {@code Q(s,a) += α·(r + γ·max Q(s′,·) − Q(s,a))} on one sampled
 * transition, with no bootstrap on entering a goal (the episode ends there). What differs from {@link QLearner} is
 * how episodes are chosen and replayed ({@link Technique}); {@code docs/learning-quality.md} measures what each
 * choice buys. Training goes in rounds; a round starts one episode from every state-action pair, and after each
 * round the check decides whether to stop. The same seed and inputs give the same Q table.
 */
public final class ConvergingQLearner {
    private final Technique technique;
    private final double gamma;
    private final long maxEpisodes;
    private final long seed;

    /**
     * How episodes are chosen and learned from.
     *
     * @param exploringStarts each round starts one episode from every state-action pair, in a fresh random order,
     *                        its first action the pair's; otherwise from uniformly random states, ε-greedy throughout
     * @param backwardReplay  an episode's transitions are learned from after it ends, last first, so that what the
     *                        goal at its end is worth reaches its first step in one pass; otherwise as they happen
     * @param alpha           the learning rate; in a deterministic environment 1 takes each target as it is
     * @param epsilon         the exploration rate of the steps after the first
     * @param horizon         the most steps an episode takes
     */
    public record Technique(
            boolean exploringStarts, boolean backwardReplay, double alpha, double epsilon, int horizon) {
        /** What training until converged uses (each choice measured in docs/learning-quality.md). */
        public static final Technique DEFAULT =
                new Technique(true, false, Hyperparameters.DEFAULT.alpha(), Hyperparameters.DEFAULT.epsilon(), 1);

        public Technique {
            if (!(alpha > 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha must be within (0, 1]: " + alpha);
            }
            if (!(epsilon >= 0 && epsilon <= 1)) {
                throw new IllegalArgumentException("epsilon must be within 0..1: " + epsilon);
            }
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon must be at least 1: " + horizon);
            }
        }
    }

    /** The default technique with the given rates, γ, cap on episodes and seed. */
    public ConvergingQLearner(Hyperparameters hyperparameters) {
        this(
                new Technique(
                        Technique.DEFAULT.exploringStarts(),
                        Technique.DEFAULT.backwardReplay(),
                        hyperparameters.alpha(),
                        hyperparameters.epsilon(),
                        Technique.DEFAULT.horizon()),
                hyperparameters.gamma(),
                hyperparameters.episodes(),
                hyperparameters.seed());
    }

    public ConvergingQLearner(Technique technique, double gamma, long maxEpisodes, long seed) {
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be within [0, 1): " + gamma);
        }
        if (maxEpisodes < 1) {
            throw new IllegalArgumentException("max episodes must be at least 1: " + maxEpisodes);
        }
        this.technique = technique;
        this.gamma = gamma;
        this.maxEpisodes = maxEpisodes;
        this.seed = seed;
    }

    /** What the training learned, how it went, and whether it stopped because the check was satisfied. */
    public record Result(QTable qTable, TrainingStats stats, boolean converged, int rounds) {}

    public Result train(Environment environment, ConvergenceCheck check, TrainingProgress progress) {
        int states = environment.stateCount();
        int pairs = states * Action.COUNT;
        double[] q = new double[pairs];
        SplittableRandom random = new SplittableRandom(seed);
        Episode episode = new Episode(environment, technique, gamma, q);
        int[] order = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            order[i] = i;
        }

        List<TrainingStats.CurvePoint> curve = new ArrayList<>();
        long episodes = 0;
        long totalSteps = 0;
        long goalsTotal = 0;
        int rounds = 0;
        boolean converged = false;
        while (!converged && episodes < maxEpisodes) {
            int inRound = (int) Math.min(pairs, maxEpisodes - episodes);
            if (technique.exploringStarts()) {
                shuffle(order, random);
            }
            long stepsInRound = 0;
            int goalsInRound = 0;
            for (int i = 0; i < inRound; i++) {
                int steps = technique.exploringStarts()
                        ? episode.fromPair(order[i], random)
                        : episode.fromState(random.nextInt(states), random);
                if (episode.reachedGoal()) {
                    goalsInRound++;
                }
                stepsInRound += steps;
            }
            rounds++;
            episodes += inRound;
            totalSteps += stepsInRound;
            goalsTotal += goalsInRound;
            curve.add(new TrainingStats.CurvePoint(
                    (int) Math.min(Integer.MAX_VALUE, episodes),
                    (double) goalsInRound / inRound,
                    (double) stepsInRound / inRound));
            ConvergenceCheck.Verdict verdict = check.check(new QTable(states, q));
            converged = verdict.converged();
            progress.statesSettled(verdict.statesSettled(), verdict.states());
        }
        TrainingStats stats = new TrainingStats(
                (int) Math.min(Integer.MAX_VALUE, episodes),
                totalSteps,
                (int) Math.min(Integer.MAX_VALUE, goalsTotal),
                curve);
        return new Result(QTable.adopt(states, q), stats, converged, rounds);
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** One episode at a time over the shared Q values; holds its transitions for a backward replay. */
    private static final class Episode {
        private final int[] next;
        private final double[] reward;
        private final boolean[] goal;
        private final double alpha;
        private final double epsilon;
        private final double gamma;
        private final int horizon;
        private final boolean backward;
        private final double[] q;
        private final int[] slots;
        private boolean reachedGoal;

        Episode(Environment environment, Technique technique, double gamma, double[] q) {
            this.next = environment.nextStates();
            this.reward = environment.rewards();
            this.goal = environment.goals();
            this.alpha = technique.alpha();
            this.epsilon = technique.epsilon();
            this.gamma = gamma;
            this.horizon = technique.horizon();
            this.backward = technique.backwardReplay();
            this.q = q;
            this.slots = new int[horizon];
        }

        boolean reachedGoal() {
            return reachedGoal;
        }

        /** An episode whose first step is the pair's action; its number of steps. */
        int fromPair(int firstSlot, SplittableRandom random) {
            return run(firstSlot / Action.COUNT, firstSlot % Action.COUNT, random);
        }

        /** An episode from {@code state}, ε-greedy from its first step; its number of steps. */
        int fromState(int state, SplittableRandom random) {
            return run(state, choose(state, random), random);
        }

        private int run(int state, int firstAction, SplittableRandom random) {
            reachedGoal = false;
            int action = firstAction;
            int steps = 0;
            while (steps < horizon) {
                int slot = state * Action.COUNT + action;
                int nextState = next[slot];
                slots[steps++] = slot;
                if (!backward) {
                    learn(slot);
                }
                if (goal[nextState]) {
                    reachedGoal = true;
                    break;
                }
                state = nextState;
                action = choose(state, random);
            }
            if (backward) {
                for (int i = steps - 1; i >= 0; i--) {
                    learn(slots[i]);
                }
            }
            return steps;
        }

        private int choose(int state, SplittableRandom random) {
            return epsilon > 0 && random.nextDouble() < epsilon
                    ? random.nextInt(Action.COUNT)
                    : QTable.argmax(q, state * Action.COUNT);
        }

        /** The standard update of one transition; entering a goal ends the episode, so nothing is bootstrapped. */
        private void learn(int slot) {
            int nextState = next[slot];
            double target = goal[nextState]
                    ? reward[nextState]
                    : reward[nextState]
                            + gamma * q[nextState * Action.COUNT + QTable.argmax(q, nextState * Action.COUNT)];
            q[slot] += alpha * (target - q[slot]);
        }
    }
}
