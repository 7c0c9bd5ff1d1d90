package org.campaignrl.application.service;

import java.util.Arrays;
import java.util.List;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.DatasetListing;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.application.port.in.ModelRegistryUseCase;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.domain.StateSpace;

public final class ModelRegistryService implements ModelRegistryUseCase {
    private final ModelRepository models;
    private final DatasetRepository datasets;

    public ModelRegistryService(ModelRepository models, DatasetRepository datasets) {
        this.models = models;
        this.datasets = datasets;
    }

    @Override
    public List<ModelSummary> models() {
        return models.list();
    }

    @Override
    public ModelDetails model(ShowModelCommand query) {
        ModelVersion version = load(query.modelId());
        return ModelDetails.of(version, isActive(version.id()));
    }

    @Override
    public ModelComparison compare(CompareModelsCommand query) {
        ModelVersion a = load(query.a());
        ModelVersion b = load(query.b());
        // Only the state spaces are needed: the listings spare loading the cells.
        GreedyActionDiff.Result diff =
                GreedyActionDiff.of(a.model().qTable(), space(a), b.model().qTable(), space(b));
        long active = models.activeId().orElse(0);
        return new ModelComparison(
                ModelSummary.of(a, a.id() == active),
                ModelSummary.of(b, b.id() == active),
                diff.compared(),
                diff.changed(),
                diff.onlyInA(),
                diff.onlyInB(),
                Arrays.stream(diff.changedByAction()).boxed().toList(),
                FigurePair.of(a.metrics(), b.metrics()));
    }

    private ModelVersion load(long id) {
        return models.load(id).orElseThrow(() -> new NotFoundException("no model with id " + id));
    }

    private boolean isActive(long id) {
        return models.activeId().orElse(0) == id;
    }

    private StateSpace space(ModelVersion model) {
        long datasetId = model.model().datasetId();
        DatasetListing dataset = datasets.describe(datasetId)
                .orElseThrow(() ->
                        new IllegalStateException("model " + model.id() + " refers to missing dataset " + datasetId));
        return new StateSpace(
                dataset.subjectIds().stream().mapToInt(Integer::intValue).toArray(), dataset.domains());
    }
}
