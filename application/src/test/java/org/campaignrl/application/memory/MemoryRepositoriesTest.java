package org.campaignrl.application.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.model.ModelSummary;
import org.junit.jupiter.api.Test;

/** What the service tests rely on beyond the out-port contracts (which adapters-db runs on this storage too). */
class InMemoryRepositoriesTest {

    @Test
    void theLatestDatasetIsTheLastSaved() {
        MemoryDatasetRepository datasets = new MemoryDatasetRepository();
        assertEquals(Optional.empty(), datasets.loadLatest());
        long first = datasets.save(Fixtures.CellsBuilder.on(Fixtures.space()).build());
        long second =
                datasets.save(Fixtures.CellsBuilder.on(Fixtures.otherSpace()).build());
        assertEquals(second, datasets.loadLatest().orElseThrow().id());
        assertEquals(
                Fixtures.space(), datasets.load(first).orElseThrow().cells().space());
        assertEquals(Optional.empty(), datasets.load(3));
        assertEquals(Optional.empty(), datasets.load(0));
    }

    @Test
    void atMostOneModelIsActiveAndTheListIsNewestFirst() {
        MemoryModelRepository models = new MemoryModelRepository();
        var model = Fixtures.handMadeModel(1, Fixtures.qTableWithBest(Fixtures.space(), s -> 0), 5);
        assertEquals(Optional.empty(), models.loadActive());
        long first = models.save(model, true);
        long second = models.save(model, false);
        assertEquals(first, models.loadActive().orElseThrow().id());

        assertTrue(models.activate(second));
        assertFalse(models.activate(99));

        List<ModelSummary> list = models.list();
        assertEquals(List.of(second, first), list.stream().map(ModelSummary::id).toList());
        assertEquals(
                List.of(true, false), list.stream().map(ModelSummary::active).toList());
    }
}
