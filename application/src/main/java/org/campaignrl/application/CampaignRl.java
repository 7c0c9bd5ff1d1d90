package org.campaignrl.application;

import org.campaignrl.application.port.in.CampaignAudienceQuery;
import org.campaignrl.application.port.in.DatasetOverviewQuery;
import org.campaignrl.application.port.in.DatasetRegistryQuery;
import org.campaignrl.application.port.in.EvaluateModelUseCase;
import org.campaignrl.application.port.in.ExploreStateQuery;
import org.campaignrl.application.port.in.ExportCellsUseCase;
import org.campaignrl.application.port.in.IngestLogsUseCase;
import org.campaignrl.application.port.in.JobsUseCase;
import org.campaignrl.application.port.in.ManageModelsUseCase;
import org.campaignrl.application.port.in.ModelRegistryQuery;
import org.campaignrl.application.port.in.NextActionQuery;
import org.campaignrl.application.port.in.RankAudiencesQuery;
import org.campaignrl.application.port.in.RefreshServingUseCase;
import org.campaignrl.application.port.in.RejectedRowsQuery;
import org.campaignrl.application.port.in.RetrainingUseCase;
import org.campaignrl.application.port.in.RunsQuery;
import org.campaignrl.application.port.in.ServingStatusQuery;
import org.campaignrl.application.port.in.SweepUseCase;
import org.campaignrl.application.port.in.TrainModelUseCase;

/** Every in-port, as the driving adapters (web, CLI) receive them from the composition root. */
public record CampaignRl(
        IngestLogsUseCase ingestLogs,
        TrainModelUseCase trainModel,
        NextActionQuery nextAction,
        CampaignAudienceQuery campaignAudience,
        ExportCellsUseCase exportCells,
        ServingStatusQuery servingStatus,
        ExploreStateQuery exploreState,
        DatasetOverviewQuery datasetOverview,
        JobsUseCase jobs,
        ModelRegistryQuery modelRegistry,
        ManageModelsUseCase manageModels,
        DatasetRegistryQuery datasetRegistry,
        RefreshServingUseCase refreshServing,
        EvaluateModelUseCase evaluateModel,
        SweepUseCase sweep,
        RankAudiencesQuery rankAudiences,
        RetrainingUseCase retraining,
        RejectedRowsQuery rejectedRows,
        RunsQuery runs) {
}
