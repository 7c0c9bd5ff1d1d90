package org.campaignrl.domain;

import java.util.Arrays;

/** Action values, one flat array of {@code states × 7}. Immutable once built; see {@link QLearner}. */
public final class QTable {
    private final int states;
    private final double[] values;

    public QTable(int states, double[] values) {
        if (values.length != (long) states * Action.COUNT) {
            throw new IllegalArgumentException("a Q table of " + states + " states needs " + states * Action.COUNT
                    + " values, not " + values.length);
        }
        this.states = states;
        this.values = values.clone();
    }

    /** Wraps an array the caller hands over and no longer writes. */
    static QTable adopt(int states, double[] values) {
        return new QTable(states, values, true);
    }

    private QTable(int states, double[] values, boolean adopted) {
        this.states = states;
        this.values = values;
    }

    public int states() {
        return states;
    }

    public double value(int state, int action) {
        return values[state * Action.COUNT + action];
    }

    /** The action with the highest value; ties go to the lowest action code. */
    public int bestAction(int state) {
        return argmax(values, state * Action.COUNT);
    }

    public double maxValue(int state) {
        return values[state * Action.COUNT + bestAction(state)];
    }

    /** A copy of the values, for storage. */
    public double[] toArray() {
        return values.clone();
    }

    static int argmax(double[] q, int offset) {
        int best = 0;
        double bestValue = q[offset];
        for (int a = 1; a < Action.COUNT; a++) {
            if (q[offset + a] > bestValue) {
                bestValue = q[offset + a];
                best = a;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QTable that && states == that.states && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
