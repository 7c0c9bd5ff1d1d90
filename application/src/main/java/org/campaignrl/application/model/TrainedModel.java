package org.campaignrl.application.model;

import java.time.Instant;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.TrainingStats;

/** The outcome of one training run, before it is stored; {@code startedBy} names who asked for it. */
public record TrainedModel(
        long datasetId,
        Hyperparameters hyperparameters,
        RewardRule rewardRule,
        int startState,
        QTable qTable,
        TrainingStats stats,
        Instant createdAt,
        String startedBy) {

    /** Who started a model when nobody said (and for models stored before it was recorded). */
    public static final String UNKNOWN_STARTER = "unknown";

    public TrainedModel {
        startedBy = startedBy == null || startedBy.isBlank() ? UNKNOWN_STARTER : startedBy;
    }

    public TrainedModel(
            long datasetId,
            Hyperparameters hyperparameters,
            RewardRule rewardRule,
            int startState,
            QTable qTable,
            TrainingStats stats,
            Instant createdAt) {
        this(datasetId, hyperparameters, rewardRule, startState, qTable, stats, createdAt, UNKNOWN_STARTER);
    }
}
