package org.campaignrl.domain;

/**
 * The learning environment: a deterministic graph over the states with a reward for entering
 * each one. Everything a step needs is precomputed into flat arrays, so a step is three reads.
 */
public final class Environment {
    private final Cells cells;
    private final RewardRule rule;
    private final int[] next; // next[state * 7 + action]
    private final double[] rewardOnEntering;
    private final boolean[] goal;
    private final int goalCount;

    public Environment(Cells cells, RewardRule rule) {
        this.cells = cells;
        this.rule = rule;
        StateSpace space = cells.space();
        int states = space.size();
        next = new int[states * Action.COUNT];
        rewardOnEntering = new double[states];
        goal = new boolean[states];
        Action[] actions = Action.values();
        int goals = 0;
        for (int s = 0; s < states; s++) {
            for (Action action : actions) {
                next[s * Action.COUNT + action.code()] = space.advance(s, action.attribute());
            }
            rewardOnEntering[s] = rule.reward(cells.sends(s), cells.responses(s));
            goal[s] = rule.isGoal(cells.sends(s), cells.responses(s));
            if (goal[s]) {
                goals++;
            }
        }
        goalCount = goals;
    }

    public StateSpace space() {
        return cells.space();
    }

    public Cells cells() {
        return cells;
    }

    public RewardRule rule() {
        return rule;
    }

    public int stateCount() {
        return rewardOnEntering.length;
    }

    public int next(int state, int action) {
        return next[state * Action.COUNT + action];
    }

    public double rewardOnEntering(int state) {
        return rewardOnEntering[state];
    }

    public boolean isGoal(int state) {
        return goal[state];
    }

    public int goalCount() {
        return goalCount;
    }

    // The tables themselves, for the training loop in this package, which reads them once per step; not copies.

    int[] nextStates() {
        return next;
    }

    double[] rewards() {
        return rewardOnEntering;
    }

    boolean[] goals() {
        return goal;
    }
}
