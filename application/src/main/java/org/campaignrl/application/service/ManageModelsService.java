package org.campaignrl.application.service;

import java.util.OptionalLong;
import org.campaignrl.application.ConflictException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.in.ManageModelsUseCase;
import org.campaignrl.application.port.out.ModelRepository;

/** Activation, rollback and deletion in storage; then this process serves what storage says is active. */
public final class ManageModelsService implements ManageModelsUseCase {
    private final ModelRepository models;
    private final ActiveModel activeModel;

    public ManageModelsService(ModelRepository models, ActiveModel activeModel) {
        this.models = models;
        this.activeModel = activeModel;
    }

    @Override
    public ModelSummary activate(ActivateModelCommand command) {
        if (!models.activate(command.modelId())) {
            throw new NotFoundException("no model with id " + command.modelId());
        }
        return served();
    }

    @Override
    public ModelSummary rollback() {
        OptionalLong before = models.activeId();
        if (models.rollback().isEmpty()) {
            throw new ConflictException(
                    before.isEmpty()
                            ? "nothing to roll back: no model is active yet"
                            : "nothing to roll back to: no model other than " + before.getAsLong()
                                    + " was active before");
        }
        return served();
    }

    @Override
    public void delete(DeleteModelCommand command) {
        switch (models.delete(command.modelId())) {
            case DELETED -> {}
            case NO_SUCH_MODEL -> throw new NotFoundException("no model with id " + command.modelId());
            case ACTIVE_MODEL ->
                throw new ConflictException("model " + command.modelId()
                        + " is the active model: activate another one (or roll back) before deleting it");
        }
    }

    /** Reloads, so the answer is the model this process serves from now on (which another process may change). */
    private ModelSummary served() {
        return ModelSummary.of(
                activeModel
                        .reload()
                        .orElseThrow(
                                () -> new IllegalStateException("a model was activated but storage has none active"))
                        .model(),
                true);
    }
}
