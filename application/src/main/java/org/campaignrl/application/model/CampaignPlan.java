package org.campaignrl.application.model;

import java.time.Instant;
import java.util.OptionalLong;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.PlanFigures;

/**
 * A campaign plan without its customers: the settings that made it, the dataset whose customers and cells it was
 * made from, the model served then (empty when none was), when it was made, and what it expects. Its customers ({@link org.campaignrl.domain.campaign.Assignments}) are stored beside it and streamed
 * back. A plan not stored (a preview) has id 0.
 */
public record CampaignPlan(
        long id,
        CampaignSettings settings,
        long datasetId,
        OptionalLong modelId,
        Instant createdAt,
        PlanFigures figures) {
    public CampaignPlan {
        if (settings == null || modelId == null || createdAt == null || figures == null) {
            throw new IllegalArgumentException(
                    "settings, model id (empty when none), creation time and figures are required");
        }
        if (id < 0) {
            throw new IllegalArgumentException("a plan's id is positive once stored, 0 before: " + id);
        }
    }

    public boolean isStored() {
        return id > 0;
    }

    /** The same plan under the id storage gave it. */
    public CampaignPlan withId(long newId) {
        return new CampaignPlan(newId, settings, datasetId, modelId, createdAt, figures);
    }
}
