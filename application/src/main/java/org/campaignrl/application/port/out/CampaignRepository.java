package org.campaignrl.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.domain.campaign.Assignment;
import org.campaignrl.domain.campaign.Assignments;

/**
 * Stores campaign plans, their customers (assignments) and their readouts. Plans are never changed once stored;
 * readouts are added, one per ingest that read the plan out.
 */
public interface CampaignRepository {
    /**
     * Stores a plan and its assignments in one transaction (all or nothing) and returns the plan's id, positive and
     * higher than any given before. The plan's own id is ignored (0 before it is stored).
     *
     * @throws IllegalArgumentException when the plan's dataset does not exist
     */
    long save(CampaignPlan plan, Assignments assignments);

    /** The plan with this id (carrying it), or empty. */
    Optional<CampaignPlan> find(long planId);

    /** Every plan, newest (highest id) first, without assignments. */
    List<CampaignPlan> list();

    /**
     * The plan's assignments, ascending customer id, each customer once; streamed, so that a million do not sit in
     * memory as objects. The caller closes the stream (try-with-resources). Empty when there is no such plan.
     */
    Stream<Assignment> assignments(long planId);

    /**
     * The plan's assignments in primitive columns (17 bytes a customer), for a readout.
     * {@link Assignments#empty()} when there is no such plan.
     */
    default Assignments loadAssignments(long planId) {
        Assignments.Builder builder = Assignments.builder((int)
                find(planId).map(plan -> plan.figures().customers()).orElse(0L).longValue());
        try (Stream<Assignment> stream = assignments(planId)) {
            stream.forEach(builder);
        }
        return builder.build();
    }

    /**
     * Adds a readout to its plan.
     *
     * @throws IllegalArgumentException when the readout's plan does not exist
     */
    void saveReadout(CampaignReadout readout);

    /** The plan's readouts, oldest first (the last is the newest); empty for a plan never read out or unknown. */
    List<CampaignReadout> readouts(long planId);
}
