package org.campaignrl.domain;

/**
 * Tells a training that runs until converged whether the values learned so far are good enough to stop. Asked
 * once per round of episodes, with a snapshot of the values (the learner goes on writing its own table).
 */
@FunctionalInterface
public interface ConvergenceCheck {

    Verdict check(QTable learnedSoFar);

    /**
     * @param converged      whether training may stop here
     * @param statesSettled  states whose learned choice already counts as settled (for progress)
     * @param states         all states
     */
    record Verdict(boolean converged, int statesSettled, int states) {}
}
