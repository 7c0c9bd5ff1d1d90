package org.campaignrl.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tabular Q-learning with an ε-greedy behaviour policy, for a fixed number of episodes: the original service's
 * learner, kept so that its settings can be reproduced exactly ({@link ConvergingQLearner} trains until converged).
 *
 * <p>The first episode starts at the given state, later ones at uniformly random states; each ends
 * on entering a goal cell or after {@code maxSteps} steps. The update is the standard one,
 * {@code Q(s,a) += α·(r + γ·max Q(s′,·) − Q(s,a))}, with no bootstrap term when s′ is a goal:
 * the episode ends there, so the value of what would follow is zero. That keeps the learned
 * values comparable with the exact optimum of the same episodic problem.
 */
public final class QLearner {
    private static final int CURVE_POINTS = 100;

    private final Hyperparameters hyperparameters;

    public QLearner(Hyperparameters hyperparameters) {
        if (hyperparameters.untilConverged()) {
            throw new IllegalArgumentException("a training until converged is a ConvergingQLearner's");
        }
        this.hyperparameters = hyperparameters;
    }

    public Result train(Environment environment, int startState, TrainingProgress progress) {
        int states = environment.stateCount();
        if (startState < 0 || startState >= states) {
            throw new IllegalArgumentException("start state " + startState + " outside 0.." + (states - 1));
        }
        Hyperparameters h = hyperparameters;
        double[] q = new double[states * Action.COUNT];
        SplittableRandom random = new SplittableRandom(h.seed());
        // The step reads the environment's tables directly, and the hyperparameters from locals: this
        // loop runs some 1.3 million times for the default 20 000 episodes.
        int[] next = environment.nextStates();
        double[] reward = environment.rewards();
        boolean[] goal = environment.goals();
        double epsilon = h.epsilon();
        double alpha = h.alpha();
        double gamma = h.gamma();
        int maxSteps = h.maxSteps();

        int episodes = h.episodes();
        int window = Math.max(1, episodes / CURVE_POINTS);
        List<TrainingStats.CurvePoint> curve = new ArrayList<>();
        long totalSteps = 0;
        int goalsTotal = 0;
        int goalsInWindow = 0;
        long stepsInWindow = 0;

        for (int episode = 0; episode < episodes; episode++) {
            int state = episode == 0 ? startState : random.nextInt(states);
            int ending = episode(q, next, reward, goal, random, epsilon, alpha, gamma, maxSteps, state);
            boolean reachedGoal = Ending.reachedGoal(ending);
            int steps = Ending.steps(ending);
            totalSteps += steps;
            stepsInWindow += steps;
            if (reachedGoal) {
                goalsTotal++;
                goalsInWindow++;
            }
            int finished = episode + 1;
            if (finished % window == 0 || finished == episodes) {
                int inWindow = finished % window == 0 ? window : finished % window;
                curve.add(new TrainingStats.CurvePoint(
                        finished, (double) goalsInWindow / inWindow, (double) stepsInWindow / inWindow));
                goalsInWindow = 0;
                stepsInWindow = 0;
                progress.episodesDone(finished, episodes);
            }
        }
        return new Result(QTable.adopt(states, q), new TrainingStats(episodes, totalSteps, goalsTotal, curve));
    }

    /**
     * One episode from {@code state}: how it ended ({@link Ending}). A method of its own so that the JIT compiles it
     * as a whole after a few hundred episodes, instead of replacing the running loop.
     */
    private static int episode(
            double[] q,
            int[] next,
            double[] reward,
            boolean[] goal,
            SplittableRandom random,
            double epsilon,
            double alpha,
            double gamma,
            int maxSteps,
            int state) {
        int steps = 0;
        // The greedy action in `state`. After the first step it comes from the bootstrap of the step
        // before, which had to find the best action of this same state anyway: one argmax per step, not two.
        int greedy = QTable.argmax(q, state * Action.COUNT);
        while (steps < maxSteps) {
            int action = random.nextDouble() < epsilon ? random.nextInt(Action.COUNT) : greedy;
            int slot = state * Action.COUNT + action;
            int nextState = next[slot];
            steps++;
            if (goal[nextState]) {
                // Entering a goal ends the episode: nothing follows, so no bootstrap term.
                q[slot] += alpha * (reward[nextState] - q[slot]);
                return Ending.enteredGoal(steps);
            }
            int nextRow = nextState * Action.COUNT;
            int best = QTable.argmax(q, nextRow);
            q[slot] += alpha * (reward[nextState] + gamma * q[nextRow + best] - q[slot]);
            // The update only changed the row of `state`. When the move stayed in place (an attribute
            // with a single value wraps onto itself) that row is the next state's, so look again.
            greedy = nextState == state ? QTable.argmax(q, nextRow) : best;
            state = nextState;
        }
        return Ending.reachedStepCap(steps);
    }

    /**
     * How an episode ended, in one {@code int} so that an episode allocates nothing and returns in a register: its
     * number of steps, negated when it ended by entering a goal rather than at the step cap.
     */
    private static final class Ending {
        private Ending() {}

        static int enteredGoal(int steps) {
            return -steps;
        }

        static int reachedStepCap(int steps) {
            return steps;
        }

        static boolean reachedGoal(int ending) {
            return ending < 0;
        }

        static int steps(int ending) {
            return Math.abs(ending);
        }
    }

    public record Result(QTable qTable, TrainingStats stats) {}
}
