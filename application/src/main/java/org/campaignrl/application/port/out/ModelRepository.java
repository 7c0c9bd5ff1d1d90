package org.campaignrl.application.port.out;

import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.application.model.TrainedModel;

/** Stores model versions; exactly one (or none, before the first training) is active. */
public interface ModelRepository {
    /** Stores a new version and returns its id; when {@code activate}, it becomes active in the same transaction. */
    long save(TrainedModel model, boolean activate);

    Optional<ModelVersion> load(long id);

    Optional<ModelVersion> loadActive();

    /** Makes a stored version the active one, in one transaction; false when there is no such version. */
    boolean activate(long id);

    /** Every version, newest first. */
    List<ModelSummary> list();
}
