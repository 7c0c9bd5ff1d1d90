package org.campaignrl.domain;

/** Told how many episodes are done; called at most about a hundred times per run. */
@FunctionalInterface
public interface TrainingProgress {
    TrainingProgress NONE = (done, total) -> { };

    void episodesDone(int done, int total);
}
