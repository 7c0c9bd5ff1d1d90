package org.campaignrl.application.service;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.campaignrl.application.NothingServedException;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;

/**
 * Holds the snapshot being served and swaps it atomically when another model becomes active. Nothing is read
 * until something asks for the snapshot (or reloads): commands that serve nothing, such as an ingest, never
 * load a model, and a server's database can open while the rest of it is built.
 */
public final class ActiveModel {
    private final ModelRepository models;
    private final DatasetRepository datasets;
    /** Null until the first load. */
    private final AtomicReference<Optional<ServingSnapshot>> current = new AtomicReference<>();

    public ActiveModel(ModelRepository models, DatasetRepository datasets) {
        this.models = models;
        this.datasets = datasets;
    }

    /** The snapshot to answer from; throws when nothing has been trained yet. */
    public ServingSnapshot snapshot() {
        return snapshotIfAny().orElseThrow(NothingServedException::new);
    }

    /** The snapshot served, loaded from storage by the first call. */
    public Optional<ServingSnapshot> snapshotIfAny() {
        Optional<ServingSnapshot> served = current.get();
        return served != null ? served : firstLoad();
    }

    private synchronized Optional<ServingSnapshot> firstLoad() {
        Optional<ServingSnapshot> served = current.get();
        return served != null ? served : reload();
    }

    /**
     * Loads the active model and its dataset from storage and serves them from now on. Synchronized so that
     * two reloads racing cannot end with the older one's snapshot set last.
     */
    public synchronized Optional<ServingSnapshot> reload() {
        Optional<ServingSnapshot> loaded = models.loadActive()
                .map(model -> ServingSnapshot.of(
                        model,
                        datasets.load(model.model().datasetId())
                                .orElseThrow(() ->
                                        new IllegalStateException("model " + model.id() + " refers to missing dataset "
                                                + model.model().datasetId()))));
        current.set(loaded);
        return loaded;
    }
}
