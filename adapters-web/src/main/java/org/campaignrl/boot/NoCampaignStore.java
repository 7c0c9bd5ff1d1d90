package org.campaignrl.boot;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.CampaignOutcomeReader;
import org.campaignrl.application.port.out.CampaignRepository;

/**
 * Campaign plans where the database does not keep them yet (adapters-db's campaign tables and the CSV outcome
 * reader come with the storage work of issue 14): there are none, and storing one is refused. Such a database
 * keeps no customers either, so planning stops before it gets here ("ingest the logs again"); readouts never run,
 * having no plans to read out.
 */
final class NoCampaignStore implements CampaignRepository, CampaignOutcomeReader {
    static final NoCampaignStore INSTANCE = new NoCampaignStore();

    private NoCampaignStore() {
    }

    @Override
    public long save(CampaignPlan plan, org.campaignrl.domain.campaign.Assignments assignments) {
        throw new IllegalStateException("this database does not keep campaign plans yet");
    }

    @Override
    public Optional<CampaignPlan> find(long planId) {
        return Optional.empty();
    }

    @Override
    public List<CampaignPlan> list() {
        return List.of();
    }

    @Override
    public Stream<org.campaignrl.domain.campaign.Assignment> assignments(long planId) {
        return Stream.empty();
    }

    @Override
    public void saveReadout(CampaignReadout readout) {
        throw new IllegalArgumentException("no campaign plan " + readout.planId());
    }

    @Override
    public List<CampaignReadout> readouts(long planId) {
        return List.of();
    }

    @Override
    public List<PlanOutcome> read(CampaignLogSource.LogFiles files, List<PlannedSends> plans,
                                  ProgressListener progress) {
        if (!plans.isEmpty()) {
            throw new IllegalStateException("no campaign plans are kept here to read out");
        }
        return List.of();
    }
}
