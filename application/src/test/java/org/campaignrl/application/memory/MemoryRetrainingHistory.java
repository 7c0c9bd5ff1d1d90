package org.campaignrl.application.memory;

import java.util.ArrayList;
import java.util.List;
import org.campaignrl.application.model.RetrainingDecision;
import org.campaignrl.application.port.out.RetrainingHistory;

/** Decisions in a list, oldest first; ids count from 1. */
public final class MemoryRetrainingHistory implements RetrainingHistory {
    private final List<RetrainingDecision> decisions = new ArrayList<>();

    @Override
    public synchronized long record(RetrainingDecision decision) {
        long id = decisions.size() + 1;
        decisions.add(decision.withId(id));
        return id;
    }

    @Override
    public synchronized List<RetrainingDecision> recent(int limit) {
        List<RetrainingDecision> newestFirst = new ArrayList<>(decisions);
        java.util.Collections.reverse(newestFirst);
        return List.copyOf(newestFirst.subList(0, Math.min(Math.max(0, limit), newestFirst.size())));
    }
}
