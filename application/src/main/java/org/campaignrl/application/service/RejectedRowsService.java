package org.campaignrl.application.service;

import java.nio.file.Path;
import java.util.List;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.RejectedRow;
import org.campaignrl.application.port.in.RejectedRowsUseCase;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.RejectedRowsReader;

public final class RejectedRowsService implements RejectedRowsUseCase {
    private final DatasetRepository datasets;
    private final RejectedRowsReader reports;

    public RejectedRowsService(DatasetRepository datasets, RejectedRowsReader reports) {
        this.datasets = datasets;
        this.reports = reports;
    }

    @Override
    public RejectedRows rejectedRows(RejectedRowsCommand command) {
        DatasetVersion dataset = command.datasetId()
                .map(id -> datasets.load(id).orElseThrow(() -> new NotFoundException("no dataset with id " + id)))
                .orElseGet(() -> datasets.loadLatest()
                        .orElseThrow(() -> new NotFoundException("no dataset yet: ingest campaign logs first")));
        String report = dataset.summary().rejectsReport();
        long total = dataset.summary().rowsRejected();
        List<RejectedRow> rows = total == 0 || report == null || report.isBlank()
                ? List.of()
                : reports.firstRows(Path.of(report), command.limit());
        return new RejectedRows(dataset.id(), report, total, rows);
    }
}
