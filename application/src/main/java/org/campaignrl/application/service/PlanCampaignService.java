package org.campaignrl.application.service;

import java.time.Clock;
import java.util.OptionalLong;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.port.in.PlanCampaignUseCase;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.campaign.CampaignPlanner;
import org.campaignrl.domain.campaign.CustomerProfiles;

/**
 * Plans campaigns on the served dataset (the latest before any model is served) and its customers, by
 * {@link CampaignPlanner}; stores them with the model and dataset that made them.
 */
public final class PlanCampaignService implements PlanCampaignUseCase {
    private final ActiveModel activeModel;
    private final DatasetRepository datasets;
    private final CampaignRepository campaigns;
    private final Clock clock;

    public PlanCampaignService(ActiveModel activeModel, DatasetRepository datasets, CampaignRepository campaigns,
                               Clock clock) {
        this.activeModel = activeModel;
        this.datasets = datasets;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public CampaignPlan plan(PlanCampaignCommand command) {
        Made made = make(command);
        long id = campaigns.save(made.plan(), made.planned().assignments());
        return made.plan().withId(id);
    }

    @Override
    public CampaignPlan preview(PlanCampaignCommand command) {
        return make(command).plan();
    }

    private record Made(CampaignPlan plan, CampaignPlanner.Plan planned) {
    }

    private Made make(PlanCampaignCommand command) {
        var snapshot = activeModel.snapshotIfAny();
        DatasetVersion dataset = snapshot.map(ServingSnapshot::dataset)
                .or(datasets::loadLatest)
                .orElseThrow(() -> new NotFoundException("no dataset yet: ingest campaign logs first"));
        CustomerProfiles customers = datasets.profiles(dataset.id()).orElse(CustomerProfiles.empty());
        if (customers.size() == 0) {
            throw new NotFoundException("dataset " + dataset.id() + " keeps no customers (it was stored before "
                    + "customers were kept): ingest the logs again");
        }
        CampaignPlanner.Plan planned;
        try {
            planned = CampaignPlanner.plan(dataset.cells(), customers, command.settings());
        } catch (CampaignPlanner.UnfulfillableException e) {
            throw new InvalidCommandException(e.setting(), e.problem());
        }
        OptionalLong modelId = snapshot.map(s -> OptionalLong.of(s.model().id())).orElse(OptionalLong.empty());
        return new Made(new CampaignPlan(0, command.settings(), dataset.id(), modelId, clock.instant(),
                planned.figures()), planned);
    }
}
