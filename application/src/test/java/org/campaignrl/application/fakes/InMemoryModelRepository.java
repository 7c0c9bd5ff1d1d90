package org.campaignrl.application.fakes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.campaignrl.application.model.ModelMetrics;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.out.ModelRepository;

/** Model versions by id; ids count from 1; at most one is active; activations kept as a stack. */
public final class InMemoryModelRepository implements ModelRepository {
    private final Map<Long, TrainedModel> models = new LinkedHashMap<>();
    private final Map<Long, Map<String, Double>> metrics = new HashMap<>();
    private final List<Long> activations = new ArrayList<>();
    private long lastId;
    private long activeId;

    @Override
    public synchronized long save(TrainedModel model, boolean activate) {
        long id = ++lastId;
        models.put(id, model);
        if (activate) {
            activate(id);
        }
        return id;
    }

    @Override
    public synchronized Optional<ModelVersion> load(long id) {
        TrainedModel model = models.get(id);
        return model == null ? Optional.empty()
                : Optional.of(new ModelVersion(id, model, metrics.getOrDefault(id, Map.of())));
    }

    @Override
    public synchronized Optional<ModelVersion> loadActive() {
        return load(activeId);
    }

    @Override
    public synchronized OptionalLong activeId() {
        return activeId == 0 ? OptionalLong.empty() : OptionalLong.of(activeId);
    }

    @Override
    public synchronized boolean activate(long id) {
        if (!models.containsKey(id)) {
            return false;
        }
        if (id != activeId) {
            activeId = id;
            activations.add(id);
        }
        return true;
    }

    @Override
    public synchronized OptionalLong rollback() {
        int top = activations.size() - 1;
        while (top >= 0 && activations.get(top) == activeId) {
            top--;
        }
        if (activeId == 0 || top < 0) {
            return OptionalLong.empty();
        }
        activations.subList(top + 1, activations.size()).clear();
        activeId = activations.get(top);
        return OptionalLong.of(activeId);
    }

    @Override
    public synchronized Deletion delete(long id) {
        if (!models.containsKey(id)) {
            return Deletion.NO_SUCH_MODEL;
        }
        if (id == activeId) {
            return Deletion.ACTIVE_MODEL;
        }
        models.remove(id);
        metrics.remove(id);
        activations.removeIf(activated -> activated == id);
        return Deletion.DELETED;
    }

    @Override
    public synchronized boolean saveMetrics(long modelId, Map<String, Double> figures) {
        Map<String, Double> checked = ModelMetrics.checked(figures);
        if (!models.containsKey(modelId)) {
            return false;
        }
        metrics.computeIfAbsent(modelId, id -> new HashMap<>()).putAll(checked);
        return true;
    }

    @Override
    public synchronized List<ModelSummary> list() {
        List<ModelSummary> summaries = new ArrayList<>();
        for (long id : models.keySet()) {
            summaries.add(0, ModelSummary.of(load(id).orElseThrow(), id == activeId));
        }
        return summaries;
    }

    /** Everything saved and not deleted, oldest first. */
    public synchronized List<ModelVersion> all() {
        return models.keySet().stream().map(id -> load(id).orElseThrow()).toList();
    }
}
