package org.campaignrl.application.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.CampaignOutcomeReader;
import org.campaignrl.application.port.out.CampaignOutcomeReader.PlanOutcome;
import org.campaignrl.application.port.out.CampaignOutcomeReader.PlannedSends;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.domain.campaign.Assignments;
import org.campaignrl.domain.campaign.ReadoutStatistics;

/**
 * Reads out the stored plans against logs just ingested: one pass of the {@link CampaignOutcomeReader} for all of
 * them, then each plan's readout from its own customers' bits alone, so that two plans never mix. A plan whose
 * sends appear gets a readout; one whose sends do not gets a "no sends found" readout, unless an earlier ingest
 * found them already (logs that do not reach a plan's weeks then say nothing about it).
 *
 * <p>Every stored plan is looked for at every ingest: the reader's memory is the plans' customers, a few bytes
 * each. Closing old plans is left for when there are many.
 */
public final class CampaignReadouts {
    private final CampaignRepository campaigns;
    private final CampaignOutcomeReader reader;
    private final Clock clock;

    public CampaignReadouts(CampaignRepository campaigns, CampaignOutcomeReader reader, Clock clock) {
        this.campaigns = campaigns;
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * Reads out every stored plan against the logs of the dataset just stored, stores the readouts and returns the
     * ones stored (none when there are no plans).
     */
    public List<CampaignReadout> readOut(long datasetId, CampaignLogSource.LogFiles files, ProgressListener progress) {
        List<CampaignPlan> plans = campaigns.list();
        if (plans.isEmpty()) {
            return List.of();
        }
        List<Assignments> assignments = new ArrayList<>(plans.size());
        List<PlannedSends> planned = new ArrayList<>(plans.size());
        for (CampaignPlan plan : plans) {
            Assignments customers = campaigns.loadAssignments(plan.id());
            assignments.add(customers);
            planned.add(new PlannedSends(
                    plan.id(), plan.settings().subjectId(), plan.settings().startDate(), customers.customerIds()));
        }
        List<PlanOutcome> outcomes = reader.read(files, planned, progress);
        List<CampaignReadout> made = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            CampaignPlan plan = plans.get(i);
            PlanOutcome outcome = outcomes.get(i);
            if (outcome.planId() != plan.id()) {
                throw new IllegalStateException("the outcome reader answered plan " + outcome.planId() + " where plan "
                        + plan.id() + " was asked for");
            }
            CampaignReadout readout;
            if (outcome.sent().isEmpty()) {
                if (campaigns.readouts(plan.id()).stream().anyMatch(CampaignReadout::sendsFound)) {
                    continue;
                }
                readout = new CampaignReadout(plan.id(), datasetId, clock.instant(), java.util.Optional.empty());
            } else {
                readout = new CampaignReadout(
                        plan.id(),
                        datasetId,
                        clock.instant(),
                        java.util.Optional.of(ReadoutStatistics.of(
                                assignments.get(i),
                                outcome.sent(),
                                outcome.responded(),
                                plan.settings().control())));
            }
            campaigns.saveReadout(readout);
            made.add(readout);
        }
        return made;
    }
}
