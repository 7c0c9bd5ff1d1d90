package org.campaignrl.application.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.domain.campaign.Assignment;
import org.campaignrl.domain.campaign.Assignments;

/**
 * Plans by id, ids counting from 1, with their assignments (the immutable columns themselves) and readouts
 * beside them. Every method holds the lock for its whole work: what a transaction is to the database adapters.
 */
public final class MemoryCampaignRepository implements CampaignRepository {
    private final LongPredicate datasetExists;
    private final TreeMap<Long, CampaignPlan> plans = new TreeMap<>();
    private final Map<Long, Assignments> assignments = new HashMap<>();
    private final Map<Long, List<CampaignReadout>> readouts = new HashMap<>();
    private long lastId;

    /** A store of plans alone: a plan may name any dataset. */
    public MemoryCampaignRepository() {
        this(datasetId -> true);
    }

    MemoryCampaignRepository(LongPredicate datasetExists) {
        this.datasetExists = datasetExists;
    }

    @Override
    public synchronized long save(CampaignPlan plan, Assignments planned) {
        // As the database's foreign key does.
        if (!datasetExists.test(plan.datasetId())) {
            throw new IllegalArgumentException("plan refers to missing dataset " + plan.datasetId());
        }
        long id = ++lastId;
        plans.put(id, plan.withId(id));
        assignments.put(id, planned);
        return id;
    }

    @Override
    public synchronized Optional<CampaignPlan> find(long planId) {
        return Optional.ofNullable(plans.get(planId));
    }

    @Override
    public synchronized List<CampaignPlan> list() {
        return List.copyOf(plans.descendingMap().values());
    }

    @Override
    public synchronized Stream<Assignment> assignments(long planId) {
        return StreamSupport.stream(
                assignments.getOrDefault(planId, Assignments.empty()).spliterator(), false);
    }

    @Override
    public synchronized Assignments loadAssignments(long planId) {
        return assignments.getOrDefault(planId, Assignments.empty());
    }

    @Override
    public synchronized void saveReadout(CampaignReadout readout) {
        if (!plans.containsKey(readout.planId())) {
            throw new IllegalArgumentException("readout refers to missing plan " + readout.planId());
        }
        readouts.computeIfAbsent(readout.planId(), id -> new ArrayList<>()).add(readout);
    }

    @Override
    public synchronized List<CampaignReadout> readouts(long planId) {
        return List.copyOf(readouts.getOrDefault(planId, List.of()));
    }
}
