package org.campaignrl.application.model;

import java.time.Instant;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.RewardRule;

/** A model version as listed: everything but its Q table and curve. */
public record ModelSummary(
        long id,
        long datasetId,
        Hyperparameters hyperparameters,
        RewardRule rewardRule,
        long totalSteps,
        double trainingGoalRate,
        Instant createdAt,
        boolean active) {
}
