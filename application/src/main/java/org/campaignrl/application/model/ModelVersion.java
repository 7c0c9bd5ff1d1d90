package org.campaignrl.application.model;

import java.util.Map;

/** A stored model, its version id, and the quality figures stored for it so far (possibly none). */
public record ModelVersion(long id, TrainedModel model, Map<String, Double> metrics) {
    public ModelVersion {
        metrics = ModelMetrics.checked(metrics);
    }

    public ModelVersion(long id, TrainedModel model) {
        this(id, model, Map.of());
    }
}
