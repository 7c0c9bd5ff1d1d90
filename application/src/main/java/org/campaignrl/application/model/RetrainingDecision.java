package org.campaignrl.application.model;

import java.time.Instant;
import java.util.Optional;

/**
 * What one run of scheduled retraining decided, and why. {@code activeModelId} is the model that
 * was active when the run compared against it; {@code id} is 0 until the decision is recorded.
 */
public record RetrainingDecision(
        long id,
        Instant decidedAt,
        Outcome outcome,
        Optional<Long> datasetId,
        Optional<Long> candidateModelId,
        Optional<Long> activeModelId,
        String reason) {

    /** NOTHING_NEW runs are not recorded: the schedule's last run says when the folder was last looked at. */
    public enum Outcome {
        ACTIVATED,
        KEPT,
        NOTHING_NEW,
        FAILED
    }

    public RetrainingDecision {
        if (decidedAt == null || outcome == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a decision needs a time, an outcome and a reason");
        }
        datasetId = datasetId == null ? Optional.empty() : datasetId;
        candidateModelId = candidateModelId == null ? Optional.empty() : candidateModelId;
        activeModelId = activeModelId == null ? Optional.empty() : activeModelId;
    }

    public RetrainingDecision withId(long newId) {
        return new RetrainingDecision(newId, decidedAt, outcome, datasetId, candidateModelId, activeModelId, reason);
    }
}
