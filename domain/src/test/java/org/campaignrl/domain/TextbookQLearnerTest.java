package org.campaignrl.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link QLearner} is tuned for speed (one argmax per step, tables read directly); this is the loop as
 * the textbook writes it, and the two must learn bit for bit the same Q table from the same seed.
 */
class TextbookQLearnerTest {
    private static final RewardRule RULE = new RewardRule(0.30, 10, 3);

    @Test
    void learnsExactlyWhatTheTextbookLoopLearns() {
        // The tiny space has one subject and one domain, so two of its actions stay in place.
        for (StateSpace space : List.of(Spaces.tiny(), Spaces.small())) {
            for (long seed = 1; seed <= 4; seed++) {
                Environment environment = randomEnvironment(space, seed);
                for (Hyperparameters h : List.of(
                        Hyperparameters.fixed(2_000, 0.1, 0.1, 0.6, 100, seed),
                        Hyperparameters.fixed(500, 0.0, 0.5, 0.9, 30, seed),
                        Hyperparameters.fixed(500, 1.0, 0.3, 0.5, 20, seed))) {
                    QLearner.Result fast = new QLearner(h).train(environment, (int) seed, TrainingProgress.NONE);
                    Textbook slow = textbook(environment, (int) seed, h);
                    assertArrayEquals(slow.q, fast.qTable().toArray(), space + " " + h);
                    assertEquals(slow.steps, fast.stats().totalSteps());
                    assertEquals(slow.goals, fast.stats().episodesReachingGoal());
                }
            }
        }
    }

    private record Textbook(double[] q, long steps, int goals) {}

    /** The loop before it was tuned: argmax for the action, argmax again for the bootstrap. */
    private static Textbook textbook(Environment environment, int startState, Hyperparameters h) {
        int states = environment.stateCount();
        double[] q = new double[states * Action.COUNT];
        SplittableRandom random = new SplittableRandom(h.seed());
        long totalSteps = 0;
        int goals = 0;
        for (int episode = 0; episode < h.episodes(); episode++) {
            int state = episode == 0 ? startState : random.nextInt(states);
            int steps = 0;
            while (steps < h.maxSteps()) {
                int action = random.nextDouble() < h.epsilon()
                        ? random.nextInt(Action.COUNT)
                        : QTable.argmax(q, state * Action.COUNT);
                int nextState = environment.next(state, action);
                double reward = environment.rewardOnEntering(nextState);
                boolean done = environment.isGoal(nextState);
                double target = done
                        ? reward
                        : reward + h.gamma() * q[nextState * Action.COUNT + QTable.argmax(q, nextState * Action.COUNT)];
                int slot = state * Action.COUNT + action;
                q[slot] += h.alpha() * (target - q[slot]);
                state = nextState;
                steps++;
                if (done) {
                    goals++;
                    break;
                }
            }
            totalSteps += steps;
        }
        return new Textbook(q, totalSteps, goals);
    }

    /** Goals, responding cells and silent cells scattered at random. */
    private static Environment randomEnvironment(StateSpace space, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Spaces.CellsBuilder cells = Spaces.CellsBuilder.on(space);
        for (int s = 0; s < space.size(); s++) {
            long sends = random.nextInt(30);
            int kind = random.nextInt(20);
            cells.at(s, sends, kind == 0 ? sends : kind < 6 ? sends / 10 : 0);
        }
        return new Environment(cells.build(), RULE);
    }
}
