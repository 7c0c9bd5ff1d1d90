package org.campaignrl.application.model;

import java.time.Instant;
import java.util.Optional;
import org.campaignrl.domain.campaign.Readout;

/**
 * One plan's readout at one ingest: the plan, the dataset that ingest stored, when it was made, and what the
 * logs said — the {@link Readout} when any of the plan's sends (or, for a control that got nothing, any of its
 * customers' responses) appeared in them, or empty: "none of this plan's sends appear in the logs ingested".
 * One plan only: a readout never counts another plan's customers.
 */
public record CampaignReadout(long planId, long datasetId, Instant madeAt, Optional<Readout> readout) {
    public CampaignReadout {
        if (madeAt == null || readout == null) {
            throw new IllegalArgumentException("time and readout (empty when no sends appeared) are required");
        }
    }

    /** Whether the plan's sends appeared in the logs. */
    public boolean sendsFound() {
        return readout.isPresent();
    }
}
