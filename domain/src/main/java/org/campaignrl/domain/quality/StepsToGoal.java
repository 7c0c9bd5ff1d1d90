package org.campaignrl.domain.quality;

import java.util.Arrays;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Environment;

/**
 * Fewest actions from every state to <em>enter</em> a goal cell: one breadth-first search that starts
 * at all goals at once and walks the transition graph backwards.
 */
final class StepsToGoal {
    static final int UNREACHABLE = -1;

    private StepsToGoal() {}

    static int[] compute(Environment environment) {
        int states = environment.stateCount();
        int[] first = new int[states + 1]; // predecessors of x are predecessors[first[x] .. first[x+1])
        int[] predecessors = predecessorLists(environment, first);

        int[] steps = new int[states];
        Arrays.fill(steps, UNREACHABLE);
        // Queue entries are states whose "cost once entered" is known: 0 for a goal (the episode ends there),
        // steps[x] for any other state. Every state is queued at most once.
        int[] queue = new int[states];
        int tail = 0;
        for (int s = 0; s < states; s++) {
            if (environment.isGoal(s)) {
                queue[tail++] = s;
            }
        }
        for (int head = 0; head < tail; head++) {
            int entered = queue[head];
            int costOnceEntered = environment.isGoal(entered) ? 0 : steps[entered];
            for (int i = first[entered]; i < first[entered + 1]; i++) {
                int from = predecessors[i];
                if (steps[from] == UNREACHABLE) {
                    steps[from] = costOnceEntered + 1;
                    // A goal is already queued with cost 0; its own steps (≥ 1) are only recorded.
                    if (!environment.isGoal(from)) {
                        queue[tail++] = from;
                    }
                }
            }
        }
        return steps;
    }

    /** Compressed predecessor lists: fills {@code first} with offsets and returns the flat list. */
    private static int[] predecessorLists(Environment environment, int[] first) {
        int states = environment.stateCount();
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < Action.COUNT; a++) {
                first[environment.next(s, a) + 1]++;
            }
        }
        for (int x = 0; x < states; x++) {
            first[x + 1] += first[x];
        }
        int[] predecessors = new int[states * Action.COUNT];
        int[] fillAt = Arrays.copyOf(first, states);
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < Action.COUNT; a++) {
                predecessors[fillAt[environment.next(s, a)]++] = s;
            }
        }
        return predecessors;
    }
}
