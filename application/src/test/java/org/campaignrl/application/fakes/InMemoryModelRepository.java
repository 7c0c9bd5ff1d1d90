package org.campaignrl.application.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.out.ModelRepository;

/** Model versions in a list; ids count from 1; at most one is active. */
public final class InMemoryModelRepository implements ModelRepository {
    private final List<ModelVersion> models = new ArrayList<>();
    private long activeId;

    @Override
    public synchronized long save(TrainedModel model, boolean activate) {
        long id = models.size() + 1;
        models.add(new ModelVersion(id, model));
        if (activate) {
            activeId = id;
        }
        return id;
    }

    @Override
    public synchronized Optional<ModelVersion> load(long id) {
        return id >= 1 && id <= models.size() ? Optional.of(models.get((int) id - 1)) : Optional.empty();
    }

    @Override
    public synchronized Optional<ModelVersion> loadActive() {
        return load(activeId);
    }

    @Override
    public synchronized boolean activate(long id) {
        if (load(id).isEmpty()) {
            return false;
        }
        activeId = id;
        return true;
    }

    @Override
    public synchronized List<ModelSummary> list() {
        List<ModelSummary> summaries = new ArrayList<>();
        for (int i = models.size() - 1; i >= 0; i--) {
            ModelVersion version = models.get(i);
            TrainedModel model = version.model();
            summaries.add(new ModelSummary(version.id(), model.datasetId(), model.hyperparameters(), model.rewardRule(),
                    model.stats().totalSteps(), model.stats().goalRate(), model.createdAt(), version.id() == activeId));
        }
        return summaries;
    }

    /** Everything saved, oldest first. */
    public synchronized List<ModelVersion> all() {
        return List.copyOf(models);
    }
}
