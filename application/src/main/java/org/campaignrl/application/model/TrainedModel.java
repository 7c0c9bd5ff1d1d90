package org.campaignrl.application.model;

import java.time.Instant;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.TrainingStats;

/** The outcome of one training run, before it is stored. */
public record TrainedModel(
        long datasetId,
        Hyperparameters hyperparameters,
        RewardRule rewardRule,
        int startState,
        QTable qTable,
        TrainingStats stats,
        Instant createdAt) {
}
