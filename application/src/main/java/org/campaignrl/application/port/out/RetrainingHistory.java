package org.campaignrl.application.port.out;

import java.util.List;
import org.campaignrl.application.model.RetrainingDecision;

/** The decisions of scheduled retraining, kept so that people can see why a model was or was not activated. */
public interface RetrainingHistory {
    /** Stores the decision (its id is ignored) and returns the id it got. */
    long record(RetrainingDecision decision);

    /** The newest {@code limit} decisions, newest first. */
    List<RetrainingDecision> recent(int limit);
}
