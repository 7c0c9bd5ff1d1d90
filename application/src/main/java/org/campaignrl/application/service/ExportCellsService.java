package org.campaignrl.application.service;

import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.port.in.ExportCellsUseCase;
import org.campaignrl.application.port.out.CellsWriter;
import org.campaignrl.application.port.out.DatasetRepository;

public final class ExportCellsService implements ExportCellsUseCase {
    private final DatasetRepository datasets;
    private final CellsWriter writer;

    public ExportCellsService(DatasetRepository datasets, CellsWriter writer) {
        this.datasets = datasets;
        this.writer = writer;
    }

    @Override
    public long export(ExportCellsCommand command) {
        DatasetVersion dataset = command.datasetId()
                .map(id -> datasets.load(id).orElseThrow(() -> new NotFoundException("no dataset with id " + id)))
                .orElseGet(() -> datasets.loadLatest()
                        .orElseThrow(() -> new NotFoundException("no dataset yet: ingest campaign logs first")));
        return writer.writeCells(dataset.cells(), command.out());
    }
}
