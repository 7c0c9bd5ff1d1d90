package org.campaignrl.domain;

import java.util.Arrays;

/** Sends and responded sends per state index of a {@link StateSpace}. Immutable. */
public final class Cells {
    private final StateSpace space;
    private final long[] sends;
    private final long[] responses;

    public Cells(StateSpace space, long[] sends, long[] responses) {
        if (sends.length != space.size() || responses.length != space.size()) {
            throw new IllegalArgumentException("cell arrays must have one entry per state (" + space.size() + ")");
        }
        for (int i = 0; i < sends.length; i++) {
            if (sends[i] < 0 || responses[i] < 0 || responses[i] > sends[i]) {
                throw new IllegalArgumentException(
                        "cell " + i + " has " + responses[i] + " responses for " + sends[i] + " sends");
            }
        }
        this.space = space;
        this.sends = sends.clone();
        this.responses = responses.clone();
    }

    public StateSpace space() {
        return space;
    }

    public long sends(int state) {
        return sends[state];
    }

    public long responses(int state) {
        return responses[state];
    }

    /** Historical conversion rate: responses / sends, 0 for a cell never sent to. */
    public double conversion(int state) {
        return sends[state] == 0 ? 0.0 : (double) responses[state] / sends[state];
    }

    public long totalSends() {
        return Arrays.stream(sends).sum();
    }

    public long totalResponses() {
        return Arrays.stream(responses).sum();
    }

    /** Number of cells with at least one send. */
    public int nonEmptyCount() {
        return (int) Arrays.stream(sends).filter(s -> s > 0).count();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cells that
                && space.equals(that.space)
                && Arrays.equals(sends, that.sends)
                && Arrays.equals(responses, that.responses);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sends) * 31 + Arrays.hashCode(responses);
    }
}
