package org.campaignrl.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tabular Q-learning with an ε-greedy behaviour policy.
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

        int episodes = h.episodes();
        int window = Math.max(1, episodes / CURVE_POINTS);
        List<TrainingStats.CurvePoint> curve = new ArrayList<>();
        long totalSteps = 0;
        int goalsTotal = 0;
        int goalsInWindow = 0;
        long stepsInWindow = 0;

        for (int episode = 0; episode < episodes; episode++) {
            int state = episode == 0 ? startState : random.nextInt(states);
            int steps = 0;
            boolean reachedGoal = false;
            while (steps < h.maxSteps()) {
                int action = random.nextDouble() < h.epsilon()
                        ? random.nextInt(Action.COUNT)
                        : QTable.argmax(q, state * Action.COUNT);
                int nextState = environment.next(state, action);
                double reward = environment.rewardOnEntering(nextState);
                boolean done = environment.isGoal(nextState);
                double target = done ? reward : reward + h.gamma() * q[nextState * Action.COUNT
                        + QTable.argmax(q, nextState * Action.COUNT)];
                int slot = state * Action.COUNT + action;
                q[slot] += h.alpha() * (target - q[slot]);
                state = nextState;
                steps++;
                if (done) {
                    reachedGoal = true;
                    break;
                }
            }
            totalSteps += steps;
            stepsInWindow += steps;
            if (reachedGoal) {
                goalsTotal++;
                goalsInWindow++;
            }
            int finished = episode + 1;
            if (finished % window == 0 || finished == episodes) {
                int inWindow = finished % window == 0 ? window : finished % window;
                curve.add(new TrainingStats.CurvePoint(finished, (double) goalsInWindow / inWindow,
                        (double) stepsInWindow / inWindow));
                goalsInWindow = 0;
                stepsInWindow = 0;
                progress.episodesDone(finished, episodes);
            }
        }
        return new Result(QTable.adopt(states, q), new TrainingStats(episodes, totalSteps, goalsTotal, curve));
    }

    public record Result(QTable qTable, TrainingStats stats) {
    }
}
