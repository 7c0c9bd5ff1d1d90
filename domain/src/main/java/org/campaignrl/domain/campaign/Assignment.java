package org.campaignrl.domain.campaign;

import java.time.LocalDate;

/**
 * One customer of a plan: which group, when to send (for a control that gets nothing: when it would have been
 * sent), and the probability the plan predicted that the customer responds to the subject line then.
 */
public record Assignment(int customerId, Group group, LocalDate sendDate, double probability) {
    public Assignment {
        if (group == null || sendDate == null) {
            throw new IllegalArgumentException("group and send date are required");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1: " + probability);
        }
    }
}
