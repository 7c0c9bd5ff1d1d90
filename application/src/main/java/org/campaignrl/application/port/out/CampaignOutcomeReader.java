package org.campaignrl.application.port.out;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.campaignrl.application.port.ProgressListener;

/**
 * Finds, in a set of newly ingested logs, what became of the customers of open plans: which of them were sent the
 * plan's subject line and which responded to it, on or after the plan's first send date. One streaming pass over
 * the sent and responded logs for all the plans together; memory bounded by the plans' sizes (bits per planned
 * customer and the ids), not by the logs'. Rows the ingest rejected (unparseable, unknown customer, …) are
 * skipped the same way; the userbase is not needed.
 */
public interface CampaignOutcomeReader {
    /**
     * @param files the logs just ingested, read with the format the ingest used
     * @param plans the plans to look for, each customer once per plan
     * @return one outcome per plan, in the order given
     */
    List<PlanOutcome> read(CampaignLogSource.LogFiles files, List<PlannedSends> plans, ProgressListener progress);

    /**
     * One plan's customers to look for.
     *
     * @param customerIds ascending and distinct (as {@link org.campaignrl.domain.campaign.Assignments} has them)
     * @param from        sends and responses dated before this day do not count
     */
    record PlannedSends(long planId, int subjectId, LocalDate from, int[] customerIds) {
        public PlannedSends {
            if (from == null || customerIds == null) {
                throw new IllegalArgumentException("a first date and the customers are required");
            }
            for (int i = 1; i < customerIds.length; i++) {
                if (customerIds[i] <= customerIds[i - 1]) {
                    throw new IllegalArgumentException(
                            "customer ids must ascend: " + customerIds[i - 1] + " then " + customerIds[i]);
                }
            }
        }

        /** The position of a customer in {@link #customerIds}, or −1. */
        public int positionOf(int customerId) {
            int position = Arrays.binarySearch(customerIds, customerId);
            return position >= 0 ? position : -1;
        }
    }

    /**
     * What the logs showed for one plan, by position in its {@link PlannedSends#customerIds()}: {@code sent} has a
     * bit for each customer with at least one send of the plan's subject dated on or after {@code from},
     * {@code responded} for each with at least one response to that subject dated on or after {@code from} (sent
     * or not: a control that got nothing is measured by it).
     */
    record PlanOutcome(long planId, BitSet sent, BitSet responded) {
        public PlanOutcome {
            sent = (BitSet) sent.clone();
            responded = (BitSet) responded.clone();
        }

        @Override
        public BitSet sent() {
            return (BitSet) sent.clone();
        }

        @Override
        public BitSet responded() {
            return (BitSet) responded.clone();
        }
    }
}
