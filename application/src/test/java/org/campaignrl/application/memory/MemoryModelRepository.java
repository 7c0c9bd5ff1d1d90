package org.campaignrl.application.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import org.campaignrl.application.model.ModelMetrics;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.out.ModelRepository;

/**
 * Models by id; the active id and the activations (a stack, newest last) beside them. Every method
 * holds the lock for its whole work: what a transaction is to the database adapters.
 */
public final class MemoryModelRepository implements ModelRepository {
    private final LongPredicate datasetExists;
    private final TreeMap<Long, TrainedModel> models = new TreeMap<>();
    private final Map<Long, Map<String, Double>> metrics = new HashMap<>();
    private final List<Long> activations = new ArrayList<>();
    private long lastId;
    private Long activeId;

    /** A store of models alone, for tests of what uses one: a model may name any dataset. */
    public MemoryModelRepository() {
        this(datasetId -> true);
    }

    MemoryModelRepository(LongPredicate datasetExists) {
        this.datasetExists = datasetExists;
    }

    @Override
    public synchronized long save(TrainedModel model, boolean activate) {
        // As the database's foreign key does.
        if (!datasetExists.test(model.datasetId())) {
            throw new IllegalArgumentException("model refers to missing dataset " + model.datasetId());
        }
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
        return model == null
                ? Optional.empty()
                : Optional.of(new ModelVersion(id, model, metrics.getOrDefault(id, Map.of())));
    }

    @Override
    public synchronized Optional<ModelVersion> loadActive() {
        return activeId == null ? Optional.empty() : load(activeId);
    }

    @Override
    public synchronized OptionalLong activeId() {
        return activeId == null ? OptionalLong.empty() : OptionalLong.of(activeId);
    }

    @Override
    public synchronized boolean activate(long id) {
        if (!models.containsKey(id)) {
            return false;
        }
        if (activeId == null || activeId != id) {
            activeId = id;
            activations.add(id);
        }
        return true;
    }

    @Override
    public synchronized OptionalLong rollback() {
        if (activeId == null) {
            return OptionalLong.empty();
        }
        int previous = activations.size() - 1;
        while (previous >= 0 && activations.get(previous).equals(activeId)) {
            previous--;
        }
        if (previous < 0) {
            return OptionalLong.empty();
        }
        activations.subList(previous + 1, activations.size()).clear();
        activeId = activations.get(previous);
        return OptionalLong.of(activeId);
    }

    @Override
    public synchronized Deletion delete(long id) {
        if (!models.containsKey(id)) {
            return Deletion.NO_SUCH_MODEL;
        }
        if (activeId != null && activeId == id) {
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
        for (long id : models.descendingKeySet()) {
            summaries.add(ModelSummary.of(load(id).orElseThrow(), activeId != null && activeId == id));
        }
        return summaries;
    }

    /** Everything saved and not deleted, oldest first. */
    public synchronized List<ModelVersion> all() {
        return models.keySet().stream().map(id -> load(id).orElseThrow()).toList();
    }
}
