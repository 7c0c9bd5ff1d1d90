package org.campaignrl.application.model;

/** A stored model and its version id. */
public record ModelVersion(long id, TrainedModel model) {
}
