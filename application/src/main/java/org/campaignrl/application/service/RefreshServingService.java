package org.campaignrl.application.service;

import java.util.OptionalLong;
import org.campaignrl.application.port.in.RefreshServingUseCase;
import org.campaignrl.application.port.out.ModelRepository;

/** Compares the active id in storage with the served one: one small query, a reload only on change. */
public final class RefreshServingService implements RefreshServingUseCase {
    private final ModelRepository models;
    private final ActiveModel activeModel;

    public RefreshServingService(ModelRepository models, ActiveModel activeModel) {
        this.models = models;
        this.activeModel = activeModel;
    }

    @Override
    public Refresh refreshIfChanged() {
        OptionalLong served = servedId();
        if (models.activeId().equals(served)) {
            return new Refresh(false, served);
        }
        activeModel.reload();
        OptionalLong now = servedId();
        return new Refresh(!now.equals(served), now);
    }

    private OptionalLong servedId() {
        return activeModel
                .snapshotIfAny()
                .map(s -> OptionalLong.of(s.model().id()))
                .orElse(OptionalLong.empty());
    }
}
