package org.campaignrl.domain.campaign;

import org.campaignrl.domain.estimators.ConversionInterval;

/**
 * What one group of a plan did: customers planned, those whose send appeared in the logs, those of them who
 * responded, their conversion (responded / sent) with a 95 % Wilson interval, and the conversion the plan
 * predicted for the customers sent (the mean of their predicted probabilities; NaN when none was sent).
 * For a control group that got nothing, "sent" counts the customers the logs could have shown (all planned).
 */
public record GroupConversion(
        Group group, long planned, long sent, long responded, ConversionInterval conversion, double predicted) {
    public GroupConversion {
        if (group == null || conversion == null) {
            throw new IllegalArgumentException("group and conversion are required");
        }
        if (planned < 0 || sent < 0 || sent > planned || responded < 0 || responded > sent) {
            throw new IllegalArgumentException(
                    "need 0 <= responded <= sent <= planned: " + responded + ", " + sent + ", " + planned);
        }
    }
}
