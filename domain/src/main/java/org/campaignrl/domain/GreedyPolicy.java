package org.campaignrl.domain;

import java.util.ArrayList;
import java.util.List;

/** Follows argmax Q from a state: what the learned model recommends. */
public final class GreedyPolicy {
    private final QTable qTable;
    private final Environment environment;

    public GreedyPolicy(QTable qTable, Environment environment) {
        if (qTable.states() != environment.stateCount()) {
            throw new IllegalArgumentException(
                    "Q table has " + qTable.states() + " states, the environment " + environment.stateCount());
        }
        this.qTable = qTable;
        this.environment = environment;
    }

    /** The recommended action in a state (ties go to the lowest action code). */
    public int bestAction(int state) {
        return qTable.bestAction(state);
    }

    /**
     * The states visited from {@code start} (included) following the best action, until a goal cell
     * is entered (a goal start entered again included), the next state was already visited and is no goal (the
     * policy would loop), or {@code maxSteps} steps were taken.
     */
    public Rollout rollout(int start, int maxSteps) {
        // A rollout visits at most maxSteps + 1 states: scanning them is cheaper than a set over the whole space.
        List<Integer> visited = new ArrayList<>();
        int state = start;
        visited.add(state);
        for (int step = 0; step < maxSteps; step++) {
            int next = environment.next(state, qTable.bestAction(state));
            // Entering a goal ends the episode, also when it is the start coming round again (as in training,
            // and as the fewest steps to a goal count it); only a repeated state that is no goal is a loop.
            if (environment.isGoal(next)) {
                visited.add(next);
                return new Rollout(visited, Rollout.End.GOAL);
            }
            if (visited.contains(next)) {
                return new Rollout(visited, Rollout.End.LOOP);
            }
            visited.add(next);
            state = next;
        }
        return new Rollout(visited, Rollout.End.STEP_LIMIT);
    }

    /** The visited states, in order, and why the rollout stopped. */
    public record Rollout(List<Integer> states, End end) {
        public Rollout {
            states = List.copyOf(states);
        }

        public enum End {
            GOAL,
            LOOP,
            STEP_LIMIT
        }

        public boolean reachedGoal() {
            return end == End.GOAL;
        }

        /** Actions taken: one fewer than the states visited. */
        public int steps() {
            return states.size() - 1;
        }
    }
}
