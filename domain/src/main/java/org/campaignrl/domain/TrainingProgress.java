package org.campaignrl.domain;

/** Told how far a training is; called at most about a hundred times per run, or once per round. */
@FunctionalInterface
public interface TrainingProgress {
    TrainingProgress NONE = (done, total) -> {};

    /** A training of a fixed number of episodes: how many are done. */
    void episodesDone(int done, int total);

    /** A training until converged: how many states' learned choice already counts as settled. */
    default void statesSettled(int settled, int states) {
        episodesDone(settled, states);
    }
}
