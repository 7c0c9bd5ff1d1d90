package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.memory.MemoryDatasetRepository;
import org.campaignrl.application.memory.MemoryModelRepository;
import org.campaignrl.application.memory.MemoryRunLog;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.ServingStatusUseCase.DatasetSummary;
import org.campaignrl.application.port.in.ServingStatusUseCase.ServingStatus;
import org.campaignrl.domain.Cells;
import org.junit.jupiter.api.Test;

class ServingStatusServiceTest {
    private final MemoryDatasetRepository datasets = new MemoryDatasetRepository();
    private final MemoryModelRepository models = new MemoryModelRepository();
    private final ActiveModel activeModel = new ActiveModel(models, datasets);
    private final ServingStatusService service = new ServingStatusService(activeModel, datasets, models);
    private final TrainModelService training = new TrainModelService(
            datasets,
            models,
            activeModel,
            new RunRecorder(new MemoryRunLog(), MemoryRunLog.OWNER, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)),
            Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

    private final Cells cells = Fixtures.CellsBuilder.on(Fixtures.space())
            .at(new int[] {12, 0, 0, 0, 0, 0, 0}, 5, 1)
            .at(new int[] {40, 0, 0, 1, 0, 0, 0}, 5, 0)
            .build();

    @Test
    void beforeAnythingNothingIsLoaded() {
        ServingStatus status = service.status();
        assertEquals(Optional.empty(), status.activeModel());
        assertEquals(Optional.empty(), status.activeDataset());
        assertEquals(Optional.empty(), status.latestDataset());
        assertEquals(List.of(), status.models());
    }

    @Test
    void afterTrainingTheActiveModelAndItsDatasetAreReported() {
        long datasetId = datasets.save(cells);
        long modelId =
                training.train(Fixtures.quickTraining(), ProgressListener.NONE).modelId();

        ServingStatus status = service.status();

        ModelSummary active = status.activeModel().orElseThrow();
        assertEquals(modelId, active.id());
        assertTrue(active.active());
        assertEquals(datasetId, active.datasetId());
        DatasetSummary dataset = status.activeDataset().orElseThrow();
        assertEquals(datasetId, dataset.id());
        assertEquals(Fixtures.space().size(), dataset.states());
        assertEquals(2, dataset.nonEmptyCells());
        assertEquals(List.of(12, 40), dataset.subjectIds());
        assertEquals(List.of("a.com", "b.org"), dataset.domains());
        assertEquals(Optional.of(dataset), status.latestDataset());
        assertEquals(1, status.models().size());
    }

    @Test
    void aNewerDatasetIsReportedBesideTheOneStillServed() {
        long served = datasets.save(cells);
        long modelId =
                training.train(Fixtures.quickTraining(), ProgressListener.NONE).modelId();
        long newer =
                datasets.save(Fixtures.CellsBuilder.on(Fixtures.otherSpace()).build());
        training.train(Fixtures.quickTraining(Optional.empty(), Optional.empty(), false), ProgressListener.NONE);

        ServingStatus status = service.status();

        assertEquals(served, status.activeDataset().orElseThrow().id());
        assertEquals(newer, status.latestDataset().orElseThrow().id());
        assertEquals(modelId, status.activeModel().orElseThrow().id());
        assertEquals(2, status.models().size());
        assertFalse(status.models().get(0).active(), "the newest model was not activated");
    }
}
