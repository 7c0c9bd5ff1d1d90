package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.atLeast;

import org.campaignrl.application.model.ModelSummary;

/**
 * Changes which model is served, and removes old ones. Each change is one transaction in storage,
 * and this process serves the newly active model as soon as the call returns.
 */
public interface ManageModelsUseCase {

    /** @return the model now active */
    ModelSummary activate(ActivateModelCommand command);

    /**
     * Serves again the model that was active before the current one.
     *
     * @return the model now active
     * @throws org.campaignrl.application.ConflictException when no other model was active before
     */
    ModelSummary rollback();

    /** @throws org.campaignrl.application.ConflictException for the active model */
    void delete(DeleteModelCommand command);

    record ActivateModelCommand(long modelId) {
        public ActivateModelCommand {
            atLeast(modelId, 1, "id");
        }
    }

    record DeleteModelCommand(long modelId) {
        public DeleteModelCommand {
            atLeast(modelId, 1, "id");
        }
    }
}
