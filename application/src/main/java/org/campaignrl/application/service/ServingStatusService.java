package org.campaignrl.application.service;

import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.in.ServingStatusUseCase;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;

public final class ServingStatusService implements ServingStatusUseCase {
    private final ActiveModel activeModel;
    private final DatasetRepository datasets;
    private final ModelRepository models;

    public ServingStatusService(ActiveModel activeModel, DatasetRepository datasets, ModelRepository models) {
        this.activeModel = activeModel;
        this.datasets = datasets;
        this.models = models;
    }

    @Override
    public boolean serving() {
        return activeModel.snapshotIfAny().isPresent();
    }

    @Override
    public ServingStatus status() {
        Optional<ServingSnapshot> snapshot = activeModel.snapshotIfAny();
        List<ModelSummary> all = models.list();
        Optional<ModelSummary> active = snapshot.flatMap(
                s -> all.stream().filter(m -> m.id() == s.model().id()).findFirst());
        // The listing has no cells: status is asked on every page and health check, loading 17 640 cells is not needed.
        return new ServingStatus(
                active,
                snapshot.map(s -> DatasetSummary.of(s.dataset())),
                datasets.list().stream().findFirst().map(DatasetSummary::of),
                all);
    }
}
