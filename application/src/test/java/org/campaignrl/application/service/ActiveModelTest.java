package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.NothingServedException;
import org.campaignrl.application.memory.MemoryDatasetRepository;
import org.campaignrl.application.memory.MemoryModelRepository;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.Test;

class ActiveModelTest {
    private final MemoryDatasetRepository datasets = new MemoryDatasetRepository();
    private final MemoryModelRepository models = new MemoryModelRepository();
    private final ActiveModel activeModel = new ActiveModel(models, datasets);
    private final StateSpace space = Fixtures.space();
    private final Cells cells = Fixtures.CellsBuilder.on(space)
            .at(new int[] {12, 1, 0, 0, 0, 0, 0}, 20, 20)
            .build();

    private long storeModel(long datasetId, boolean activate) {
        return models.save(Fixtures.handMadeModel(datasetId, Fixtures.qTableWithBest(space, s -> 0), 9), activate);
    }

    @Test
    void theFirstAskLoadsTheActiveModelAndLaterAsksKeepIt() {
        long datasetId = datasets.save(cells);
        long first = storeModel(datasetId, true);

        assertEquals(first, activeModel.snapshot().model().id());
        assertTrue(models.activate(storeModel(datasetId, false)));

        assertEquals(first, activeModel.snapshotIfAny().orElseThrow().model().id(), "only a reload swaps it");
    }

    @Test
    void withNoActiveModelNothingIsServed() {
        storeModel(datasets.save(cells), false);
        assertThrows(NothingServedException.class, activeModel::snapshot);
        assertEquals(Optional.empty(), activeModel.snapshotIfAny());
    }

    @Test
    void reloadingWithNoActiveModelServesNothing() {
        storeModel(datasets.save(cells), false);
        assertEquals(Optional.empty(), activeModel.reload());
        assertThrows(NothingServedException.class, activeModel::snapshot);
    }

    @Test
    void aReloadServesTheActiveModelWithItsOwnDataset() {
        long datasetId = datasets.save(cells);
        datasets.save(Fixtures.CellsBuilder.on(Fixtures.otherSpace()).build());
        long modelId = storeModel(datasetId, true);

        ServingSnapshot snapshot = activeModel.reload().orElseThrow();

        assertSame(snapshot, activeModel.snapshot());
        assertEquals(modelId, snapshot.model().id());
        assertEquals(datasetId, snapshot.dataset().id());
        assertEquals(cells, snapshot.environment().cells());
        assertEquals(1, snapshot.environment().goalCount());
        assertEquals(9, snapshot.maxSteps());
        assertEquals(0, snapshot.policy().bestAction(5));
    }

    @Test
    void activatingAnotherVersionAndReloadingSwapsTheSnapshot() {
        long datasetId = datasets.save(cells);
        long first = storeModel(datasetId, true);
        long second = storeModel(datasetId, false);
        activeModel.reload();
        assertEquals(first, activeModel.snapshot().model().id());

        assertTrue(models.activate(second));
        activeModel.reload();

        assertEquals(second, activeModel.snapshot().model().id());
    }

    @Test
    void aModelWhoseDatasetIsMissingCannotBeServed() {
        storeModel(42, true);
        assertThrows(IllegalStateException.class, activeModel::reload);
    }
}
