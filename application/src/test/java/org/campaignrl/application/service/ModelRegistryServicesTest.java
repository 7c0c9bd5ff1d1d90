package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntUnaryOperator;
import org.campaignrl.application.ConflictException;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.memory.MemoryDatasetRepository;
import org.campaignrl.application.memory.MemoryModelRepository;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.in.DatasetRegistryUseCase.ShowDatasetCommand;
import org.campaignrl.application.port.in.ManageModelsUseCase.ActivateModelCommand;
import org.campaignrl.application.port.in.ManageModelsUseCase.DeleteModelCommand;
import org.campaignrl.application.port.in.ModelRegistryUseCase.CompareModelsCommand;
import org.campaignrl.application.port.in.ModelRegistryUseCase.FigurePair;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ModelComparison;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ShowModelCommand;
import org.campaignrl.application.port.in.RefreshServingUseCase.Refresh;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.Test;

/** Listing, showing, comparing, activating, rolling back and deleting models, and following another process. */
class ModelRegistryServicesTest {
    private final MemoryDatasetRepository datasets = new MemoryDatasetRepository();
    private final MemoryModelRepository models = new MemoryModelRepository();
    private final ActiveModel activeModel = new ActiveModel(models, datasets);
    private final ModelRegistryService registry = new ModelRegistryService(models, datasets);
    private final ManageModelsService manage = new ManageModelsService(models, activeModel);
    private final StateSpace space = Fixtures.space();
    private final long datasetId = datasets.save(Fixtures.CellsBuilder.on(space).build());

    private long store(IntUnaryOperator best, boolean activate) {
        return models.save(Fixtures.handMadeModel(datasetId, Fixtures.qTableWithBest(space, best), 9), activate);
    }

    private long servedId() {
        return activeModel.snapshot().model().id();
    }

    @Test
    void activatingServesTheModelAtOnce() {
        long first = store(s -> 0, true);
        long second = store(s -> 1, false);
        activeModel.reload();

        ModelSummary now = manage.activate(new ActivateModelCommand(second));

        assertEquals(second, now.id());
        assertTrue(now.active());
        assertEquals(second, servedId());
        assertTrue(first < second);
    }

    @Test
    void activatingAnUnknownModelIsNotFoundAndChangesNothing() {
        long first = store(s -> 0, true);
        activeModel.reload();

        assertThrows(NotFoundException.class, () -> manage.activate(new ActivateModelCommand(first + 5)));
        assertThrows(InvalidCommandException.class, () -> new ActivateModelCommand(0));

        assertEquals(first, servedId());
    }

    @Test
    void rollbackGoesBackThroughTheDistinctActiveModelsUntilThereIsNoneBefore() {
        long one = store(s -> 0, true);
        long two = store(s -> 1, true);
        manage.activate(new ActivateModelCommand(two)); // activating the active one is not a new step
        long three = store(s -> 2, false);
        manage.activate(new ActivateModelCommand(three));
        manage.activate(new ActivateModelCommand(one)); // history: one, two, three, one

        assertEquals(three, manage.rollback().id());
        assertEquals(three, servedId());
        assertEquals(two, manage.rollback().id());
        assertEquals(one, manage.rollback().id());
        ConflictException nothingBefore = assertThrows(ConflictException.class, manage::rollback);

        assertTrue(nothingBefore.getMessage().contains("no model other than " + one), nothingBefore.getMessage());
        assertEquals(one, servedId());
    }

    @Test
    void rollbackWithNothingActiveIsAConflict() {
        store(s -> 0, false);

        assertThrows(ConflictException.class, manage::rollback);
    }

    @Test
    void deletingRemovesAnInactiveModelButNeverTheActiveOne() {
        long one = store(s -> 0, true);
        long two = store(s -> 1, true);
        models.saveMetrics(one, Map.of("success_rate", 0.5));

        ConflictException active =
                assertThrows(ConflictException.class, () -> manage.delete(new DeleteModelCommand(two)));
        assertTrue(active.getMessage().contains("active"), active.getMessage());
        manage.delete(new DeleteModelCommand(one));

        assertEquals(List.of(two), models.list().stream().map(ModelSummary::id).toList());
        assertThrows(NotFoundException.class, () -> manage.delete(new DeleteModelCommand(one)));
        assertThrows(ConflictException.class, manage::rollback); // the deleted one left the history too
    }

    @Test
    void showingAModelGivesItsSummaryMetricsAndCurve() {
        long id = store(s -> 0, true);
        models.saveMetrics(id, Map.of("success_rate", 0.75, "mean_q_error", 1.5));

        var details = registry.model(new ShowModelCommand(id));

        assertEquals(id, details.summary().id());
        assertTrue(details.summary().active());
        assertEquals(
                Map.of("mean_q_error", 1.5, "success_rate", 0.75),
                details.summary().metrics());
        assertEquals(List.copyOf(details.summary().metrics().keySet()), List.of("mean_q_error", "success_rate"));
        assertThrows(NotFoundException.class, () -> registry.model(new ShowModelCommand(id + 1)));
    }

    @Test
    void comparingCountsTheStatesWhoseGreedyActionChangedAndPutsFiguresSideBySide() {
        int subject12 = space.subjectCode(12);
        long a = store(s -> 0, true);
        // b differs from a only in the states of subject 12 on a Monday: 1/2 · 1/7 of the space.
        long b = store(
                s -> space.code(s, Attribute.SUBJECT) == subject12 && space.code(s, Attribute.DAY) == 0 ? 3 : 0, false);
        models.saveMetrics(a, Map.of("success_rate", 0.5, "held_out_lift", 1.25));
        models.saveMetrics(b, Map.of("success_rate", 0.625, "mean_q_error", 2.0));

        ModelComparison comparison = registry.compare(new CompareModelsCommand(a, b));

        assertEquals(space.size(), comparison.comparedStates());
        assertEquals(space.size() / 14, comparison.changedStates());
        assertEquals(1.0 / 14, comparison.changedShare(), 1e-12);
        assertEquals(0, comparison.statesOnlyInA());
        assertEquals(space.size() / 14, comparison.changedByAction().get(3));
        assertEquals(
                space.size() / 14,
                comparison.changedByAction().stream()
                        .mapToInt(Integer::intValue)
                        .sum());
        assertTrue(comparison.a().active());
        assertFalse(comparison.b().active());
        assertEquals(
                List.of(
                        new FigurePair("held_out_lift", 1.25, null, null),
                        new FigurePair("mean_q_error", null, 2.0, null),
                        new FigurePair("success_rate", 0.5, 0.625, 0.125)),
                comparison.figures());
    }

    @Test
    void modelsOfDifferentSpacesAreComparedOnTheStatesBothHave() {
        // Subject 12 and domain a.com in both; the other space adds subject 7 and drops b.org.
        StateSpace other = new StateSpace(new int[] {12, 7}, List.of("a.com"));
        long otherDataset = datasets.save(Fixtures.CellsBuilder.on(other).build());
        long a = store(s -> 0, true);
        long b = models.save(Fixtures.handMadeModel(otherDataset, Fixtures.qTableWithBest(other, s -> 0), 9), false);

        ModelComparison comparison = registry.compare(new CompareModelsCommand(a, b));

        assertEquals(space.size() / 4, comparison.comparedStates());
        assertEquals(0, comparison.changedStates());
        assertEquals(space.size() - space.size() / 4, comparison.statesOnlyInA());
        assertEquals(other.size() - space.size() / 4, comparison.statesOnlyInB());
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0), comparison.changedByAction());
        assertEquals(Action.COUNT, comparison.changedByAction().size());
    }

    @Test
    void comparingWithAnUnknownModelIsNotFound() {
        long a = store(s -> 0, true);

        assertThrows(NotFoundException.class, () -> registry.compare(new CompareModelsCommand(a, a + 1)));
        assertThrows(InvalidCommandException.class, () -> new CompareModelsCommand(a, -1));
    }

    @Test
    void aDatasetIsShownWithTheModelsTrainedOnIt() {
        long one = store(s -> 0, true);
        long two = store(s -> 1, false);
        DatasetRegistryService datasetRegistry = new DatasetRegistryService(datasets, models);

        var details = datasetRegistry.dataset(new ShowDatasetCommand(datasetId));

        assertEquals(datasetId, details.dataset().id());
        assertEquals(space.size(), details.dataset().states());
        assertEquals(List.of(two, one), details.modelIds());
        assertEquals(1, datasetRegistry.datasets().size());
        assertThrows(NotFoundException.class, () -> datasetRegistry.dataset(new ShowDatasetCommand(datasetId + 1)));
    }

    @Test
    void refreshingServesWhatAnotherProcessActivated() {
        long one = store(s -> 0, true);
        long two = store(s -> 1, false);
        activeModel.reload();
        RefreshServingService refresh = new RefreshServingService(models, activeModel);

        assertEquals(new Refresh(false, OptionalLong.of(one)), refresh.refreshIfChanged());
        models.activate(two); // as another server or the CLI would, straight in storage

        assertEquals(new Refresh(true, OptionalLong.of(two)), refresh.refreshIfChanged());
        assertEquals(two, servedId());
        assertEquals(new Refresh(false, OptionalLong.of(two)), refresh.refreshIfChanged());
    }
}
