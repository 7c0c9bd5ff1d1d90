package org.campaignrl.application.service;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
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
import org.campaignrl.domain.ranking.RankingMethod;

/**
 * Plans campaigns on the served dataset (the latest before any model is served) and its customers, by
 * {@link CampaignPlanner}; stores them with the model and dataset that made them. The last dataset's customers and
 * each method's estimates on its cells are kept between calls: a form's live figures ask for a preview at every
 * change, and reading half a million customers and fitting the estimator are most of a plan's time.
 */
public final class PlanCampaignService implements PlanCampaignUseCase {
    private final ActiveModel activeModel;
    private final DatasetRepository datasets;
    private final CampaignRepository campaigns;
    private final Clock clock;
    /** The customers and estimates of one dataset (the last planned on); replaced when another is. */
    private Kept kept;

    private record Kept(
            long datasetId, CustomerProfiles customers, Map<RankingMethod, CampaignPlanner.Estimates> estimates) {}

    public PlanCampaignService(
            ActiveModel activeModel, DatasetRepository datasets, CampaignRepository campaigns, Clock clock) {
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

    private record Made(CampaignPlan plan, CampaignPlanner.Plan planned) {}

    private Made make(PlanCampaignCommand command) {
        var snapshot = activeModel.snapshotIfAny();
        DatasetVersion dataset = snapshot.map(ServingSnapshot::dataset)
                .or(datasets::loadLatest)
                .orElseThrow(() -> new NotFoundException("no dataset yet: ingest campaign logs first"));
        Kept data = kept(dataset.id());
        CustomerProfiles customers = data.customers();
        if (customers.size() == 0) {
            throw new NotFoundException("dataset " + dataset.id() + " keeps no customers (it was stored before "
                    + "customers were kept): ingest the logs again");
        }
        CampaignPlanner.Plan planned;
        try {
            planned = CampaignPlanner.plan(
                    dataset.cells(),
                    customers,
                    command.settings(),
                    estimates(data, dataset, command.settings().method()));
        } catch (CampaignPlanner.UnfulfillableException e) {
            throw new InvalidCommandException(e.setting(), e.problem());
        }
        OptionalLong modelId =
                snapshot.map(s -> OptionalLong.of(s.model().id())).orElse(OptionalLong.empty());
        return new Made(
                new CampaignPlan(0, command.settings(), dataset.id(), modelId, clock.instant(), planned.figures()),
                planned);
    }

    private synchronized Kept kept(long datasetId) {
        if (kept == null || kept.datasetId() != datasetId) {
            kept = new Kept(
                    datasetId,
                    datasets.profiles(datasetId).orElse(CustomerProfiles.empty()),
                    new EnumMap<>(RankingMethod.class));
        }
        return kept;
    }

    /**
     * The sends that make one draw: the ingest's count for the pairs that responded, or, for a dataset whose
     * summary lacks it, the planner's lower bound (all sends over customers × subjects).
     */
    public static double sendsPerPair(DatasetVersion dataset, int customers) {
        return Math.max(
                1,
                dataset.summary()
                        .sendsPerRespondingPair()
                        .orElseGet(() -> CampaignPlanner.sendsPerUnit(dataset.cells(), customers)));
    }

    private static CampaignPlanner.Estimates estimates(Kept data, DatasetVersion dataset, RankingMethod method) {
        synchronized (data.estimates()) {
            return data.estimates()
                    .computeIfAbsent(
                            method,
                            m -> CampaignPlanner.Estimates.of(
                                    dataset.cells(),
                                    m,
                                    sendsPerPair(dataset, data.customers().size())));
        }
    }
}
