package org.campaignrl.application.port.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.application.model.TrainedModel;

/**
 * Stores model versions; exactly one (or none, before the first training) is active. Every change
 * of the active model is remembered, so that {@link #rollback()} can go back to the one before.
 */
public interface ModelRepository {
    /** Stores a new version and returns its id; when {@code activate}, it becomes active in the same transaction. */
    long save(TrainedModel model, boolean activate);

    /** The model with its stored metrics. */
    Optional<ModelVersion> load(long id);

    Optional<ModelVersion> loadActive();

    /** Just the id of the active model: cheap enough to ask every second. */
    OptionalLong activeId();

    /**
     * Makes a stored version the active one, in one transaction, and remembers the change
     * (activating the active model changes nothing); false when there is no such version.
     */
    boolean activate(long id);

    /**
     * Makes the previously active version (the last one different from the current) active again
     * and forgets the activations after it, in one transaction.
     *
     * @return the id now active; empty, changing nothing, when no other version was active before
     */
    OptionalLong rollback();

    /** Removes a version with its curve, metrics and activation history; never the active one. */
    Deletion delete(long id);

    enum Deletion {
        DELETED,
        NO_SUCH_MODEL,
        ACTIVE_MODEL
    }

    /**
     * Stores quality figures for a model: each name given replaces its previous value, other names
     * stay. Names of 1..100 characters, finite values.
     *
     * @return false when there is no such model
     */
    boolean saveMetrics(long modelId, Map<String, Double> metrics);

    /** Every version with its metrics, newest first. */
    List<ModelSummary> list();
}
