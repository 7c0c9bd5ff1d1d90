package org.campaignrl.application;

import org.campaignrl.application.port.in.CampaignAudienceUseCase;
import org.campaignrl.application.port.in.CampaignsUseCase;
import org.campaignrl.application.port.in.DatasetOverviewUseCase;
import org.campaignrl.application.port.in.DatasetRegistryUseCase;
import org.campaignrl.application.port.in.EvaluateModelUseCase;
import org.campaignrl.application.port.in.ExploreStateUseCase;
import org.campaignrl.application.port.in.ExportCellsUseCase;
import org.campaignrl.application.port.in.IngestLogsUseCase;
import org.campaignrl.application.port.in.JobsUseCase;
import org.campaignrl.application.port.in.ManageModelsUseCase;
import org.campaignrl.application.port.in.ModelRegistryUseCase;
import org.campaignrl.application.port.in.NextActionUseCase;
import org.campaignrl.application.port.in.PlanCampaignUseCase;
import org.campaignrl.application.port.in.RankAudiencesUseCase;
import org.campaignrl.application.port.in.RefreshServingUseCase;
import org.campaignrl.application.port.in.RejectedRowsUseCase;
import org.campaignrl.application.port.in.RetrainingUseCase;
import org.campaignrl.application.port.in.RunsUseCase;
import org.campaignrl.application.port.in.ServingStatusUseCase;
import org.campaignrl.application.port.in.SweepUseCase;
import org.campaignrl.application.port.in.TrainModelUseCase;

/** Every in-port, as the driving adapters (web, CLI) receive them from the composition root. */
public record CampaignRl(
        IngestLogsUseCase ingestLogs,
        TrainModelUseCase trainModel,
        NextActionUseCase nextAction,
        CampaignAudienceUseCase campaignAudience,
        ExportCellsUseCase exportCells,
        ServingStatusUseCase servingStatus,
        ExploreStateUseCase exploreState,
        DatasetOverviewUseCase datasetOverview,
        JobsUseCase jobs,
        ModelRegistryUseCase modelRegistry,
        ManageModelsUseCase manageModels,
        DatasetRegistryUseCase datasetRegistry,
        RefreshServingUseCase refreshServing,
        EvaluateModelUseCase evaluateModel,
        SweepUseCase sweep,
        RankAudiencesUseCase rankAudiences,
        RetrainingUseCase retraining,
        RejectedRowsUseCase rejectedRows,
        RunsUseCase runs,
        PlanCampaignUseCase planCampaign,
        CampaignsUseCase campaigns) {}
