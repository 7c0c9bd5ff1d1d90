package org.campaignrl.application.service;

import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.GreedyPolicy;

/**
 * The active model with the dataset it was trained on, ready to answer. Immutable: queries running
 * concurrently each read one snapshot, so no answer mixes two models.
 */
public record ServingSnapshot(
        ModelVersion model, DatasetVersion dataset, Environment environment, GreedyPolicy policy) {

    static ServingSnapshot of(ModelVersion model, DatasetVersion dataset) {
        Environment environment = new Environment(dataset.cells(), model.model().rewardRule());
        return new ServingSnapshot(
                model, dataset, environment, new GreedyPolicy(model.model().qTable(), environment));
    }

    public int maxSteps() {
        return model.model().hyperparameters().maxSteps();
    }
}
