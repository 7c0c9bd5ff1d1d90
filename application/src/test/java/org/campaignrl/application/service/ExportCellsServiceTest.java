package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.memory.MemoryDatasetRepository;
import org.campaignrl.application.port.in.ExportCellsUseCase.ExportCellsCommand;
import org.campaignrl.application.port.out.CellsWriter;
import org.campaignrl.domain.Cells;
import org.junit.jupiter.api.Test;

class ExportCellsServiceTest {
    private final MemoryDatasetRepository datasets = new MemoryDatasetRepository();
    private final List<Cells> written = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();
    private final CellsWriter writer = (cells, out) -> {
        written.add(cells);
        paths.add(out);
        return cells.nonEmptyCount();
    };
    private final ExportCellsService service = new ExportCellsService(datasets, writer);
    private final Path out = Path.of("export", "email_campaign_data.csv");

    private final Cells older = Fixtures.CellsBuilder.on(Fixtures.otherSpace())
            .at(new int[] {7, 0, 0, 0, 0, 0, 0}, 2, 1)
            .build();
    private final Cells latest = Fixtures.CellsBuilder.on(Fixtures.space())
            .at(new int[] {12, 0, 0, 0, 0, 0, 0}, 2, 1)
            .at(new int[] {40, 6, 6, 1, 4, 1, 1}, 9, 0)
            .build();

    @Test
    void theLatestDatasetsCellsGoToTheWriter() {
        datasets.save(older);
        datasets.save(latest);

        long rows = service.export(new ExportCellsCommand(out, Optional.empty()));

        assertEquals(List.of(latest), written);
        assertSame(datasets.loadLatest().orElseThrow().cells(), written.get(0));
        assertEquals(List.of(out), paths);
        assertEquals(2, rows, "the writer's row count is returned");
    }

    @Test
    void aChosenDatasetIsExportedInsteadOfTheLatest() {
        long first = datasets.save(older);
        datasets.save(latest);

        assertEquals(1, service.export(new ExportCellsCommand(out, Optional.of(first))));
        assertEquals(List.of(older), written);
    }

    @Test
    void anUnknownDatasetIsNotFound() {
        datasets.save(latest);
        assertThrows(NotFoundException.class, () -> service.export(new ExportCellsCommand(out, Optional.of(5L))));
        assertTrue(written.isEmpty());
    }

    @Test
    void withoutAnyDatasetThereIsNothingToExport() {
        assertThrows(NotFoundException.class, () -> service.export(new ExportCellsCommand(out, Optional.empty())));
        assertTrue(written.isEmpty());
    }
}
