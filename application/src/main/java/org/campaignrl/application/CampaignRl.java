package org.campaignrl.application;

import org.campaignrl.application.port.in.CampaignAudienceQuery;
import org.campaignrl.application.port.in.ExportCellsUseCase;
import org.campaignrl.application.port.in.IngestLogsUseCase;
import org.campaignrl.application.port.in.NextActionQuery;
import org.campaignrl.application.port.in.ServingStatusQuery;
import org.campaignrl.application.port.in.TrainModelUseCase;

/** Every in-port, as the driving adapters (web, CLI) receive them from the composition root. */
public record CampaignRl(
        IngestLogsUseCase ingestLogs,
        TrainModelUseCase trainModel,
        NextActionQuery nextAction,
        CampaignAudienceQuery campaignAudience,
        ExportCellsUseCase exportCells,
        ServingStatusQuery servingStatus) {
}
