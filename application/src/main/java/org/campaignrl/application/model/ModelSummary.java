package org.campaignrl.application.model;

import java.time.Instant;
import java.util.Map;
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
        boolean active,
        String startedBy,
        Map<String, Double> metrics) {

    public ModelSummary {
        startedBy = startedBy == null || startedBy.isBlank() ? TrainedModel.UNKNOWN_STARTER : startedBy;
        metrics = ModelMetrics.checked(metrics);
    }

    public ModelSummary(
            long id,
            long datasetId,
            Hyperparameters hyperparameters,
            RewardRule rewardRule,
            long totalSteps,
            double trainingGoalRate,
            Instant createdAt,
            boolean active) {
        this(
                id,
                datasetId,
                hyperparameters,
                rewardRule,
                totalSteps,
                trainingGoalRate,
                createdAt,
                active,
                TrainedModel.UNKNOWN_STARTER,
                Map.of());
    }

    /** The summary of a stored model. */
    public static ModelSummary of(ModelVersion version, boolean active) {
        TrainedModel model = version.model();
        return new ModelSummary(
                version.id(),
                model.datasetId(),
                model.hyperparameters(),
                model.rewardRule(),
                model.stats().totalSteps(),
                model.stats().goalRate(),
                model.createdAt(),
                active,
                model.startedBy(),
                version.metrics());
    }
}
