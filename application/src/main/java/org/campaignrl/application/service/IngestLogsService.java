package org.campaignrl.application.service;

import java.time.Clock;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.port.in.IngestLogsUseCase;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ProgressListener;

/** Aggregates the logs, then stores the dataset; a refused read stores nothing. */
public final class IngestLogsService implements IngestLogsUseCase {
    private final CampaignLogSource source;
    private final DatasetRepository datasets;
    private final Clock clock;

    public IngestLogsService(CampaignLogSource source, DatasetRepository datasets, Clock clock) {
        this.source = source;
        this.datasets = datasets;
        this.clock = clock;
    }

    @Override
    public IngestOutcome ingest(IngestLogsCommand command, ProgressListener progress) {
        AggregatedLogs logs = source.aggregate(
                new CampaignLogSource.LogFiles(command.sentEmails(), command.responded(), command.userbase()),
                command.split(), command.rejectsReport(), progress);
        long id = datasets.save(logs, clock.instant());
        return new IngestOutcome(id, logs.summary());
    }
}
