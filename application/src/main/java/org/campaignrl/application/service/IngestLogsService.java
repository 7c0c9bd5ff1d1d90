package org.campaignrl.application.service;

import java.time.Clock;
import java.util.List;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.InputFile;
import org.campaignrl.application.port.in.IngestLogsUseCase;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ProgressListener;

/**
 * Aggregates the logs, then stores the dataset with its input files' sizes and checksums; a refused
 * read, or a file that changed while it was read, stores nothing.
 */
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
        InputFileChecksums checksums = InputFileChecksums.before(List.of("sent", "responded", "userbase"),
                List.of(command.sentEmails(), command.responded(), command.userbase()));
        AggregatedLogs logs = source.aggregate(
                new CampaignLogSource.LogFiles(command.sentEmails(), command.responded(), command.userbase()),
                command.split(), command.rejectsReport(), progress);
        List<InputFile> inputs = checksums.afterIngest(progress);
        long id = datasets.save(logs, inputs, clock.instant());
        return new IngestOutcome(id, logs.summary());
    }
}
