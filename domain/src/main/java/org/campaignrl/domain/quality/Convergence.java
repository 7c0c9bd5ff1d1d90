package org.campaignrl.domain.quality;

import org.campaignrl.domain.Action;
import org.campaignrl.domain.ConvergenceCheck;
import org.campaignrl.domain.QTable;

/**
 * How close a learned Q table is to Q*, and whether that is close enough to call it converged: its greedy action is
 * one of Q*'s best (ties are equally good) in every state, and its values are within {@link #MAX_MEAN_ABS_ERROR} of
 * Q*'s on average. One rule, for stopping a training and for telling a user whether a model converged.
 *
 * @param agreeingStates states whose greedy action is one of Q*'s best there
 * @param states         all states
 * @param meanAbsQError  mean {@code |Q − Q*|} over all state-action pairs
 */
public record Convergence(int agreeingStates, int states, double meanAbsQError) {
    /** The mean distance to Q* a converged table may have: far below a step's reward of 1. */
    public static final double MAX_MEAN_ABS_ERROR = 0.01;
    /** Q* values this close count as a tie (value iteration solves them to {@link OptimalPlan#TOLERANCE}). */
    static final double TIE = 1e-6;

    public static Convergence of(QTable learned, OptimalPlan plan) {
        QTable optimal = plan.optimalQ();
        int states = optimal.states();
        if (learned.states() != states) {
            throw new IllegalArgumentException("the table has " + learned.states() + " states, the plan " + states);
        }
        int agreeing = 0;
        double errorSum = 0;
        for (int s = 0; s < states; s++) {
            if (optimal.value(s, learned.bestAction(s)) >= optimal.maxValue(s) - TIE) {
                agreeing++;
            }
            for (int a = 0; a < Action.COUNT; a++) {
                errorSum += Math.abs(learned.value(s, a) - optimal.value(s, a));
            }
        }
        return new Convergence(agreeing, states, errorSum / ((double) states * Action.COUNT));
    }

    /** The check that stops a training once its table is converged against this plan. */
    public static ConvergenceCheck against(OptimalPlan plan) {
        return learnedSoFar -> {
            Convergence convergence = of(learnedSoFar, plan);
            return new ConvergenceCheck.Verdict(
                    convergence.converged(), convergence.agreeingStates(), convergence.states());
        };
    }

    /** Share of the states whose greedy action is one of Q*'s best. */
    public double greedyAgreement() {
        return states == 0 ? 1 : (double) agreeingStates / states;
    }

    public boolean converged() {
        return converged(greedyAgreement(), meanAbsQError);
    }

    /** The rule itself, on a model's stored figures ({@code greedy_agreement}, {@code mean_abs_q_error}). */
    public static boolean converged(double greedyAgreement, double meanAbsQError) {
        return greedyAgreement == 1 && meanAbsQError <= MAX_MEAN_ABS_ERROR;
    }
}
