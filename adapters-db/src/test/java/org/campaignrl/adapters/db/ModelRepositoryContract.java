package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What any {@link ModelRepository} must do; one subclass per database. */
abstract class ModelRepositoryContract extends DatabaseTest {
    private long datasetId;

    @BeforeEach
    void storeADataset() {
        datasetId = storage.datasets().save(TestData.logs(), TestData.CREATED);
    }

    private ModelRepository models() {
        return storage.models();
    }

    private TrainedModel model(long seed) {
        return TestData.model(datasetId, TestData.smallSpace(), seed, TestData.CREATED);
    }

    private long activeId() {
        return models().loadActive().orElseThrow().id();
    }

    @Test
    void nothingIsActiveBeforeTheFirstModel() {
        assertTrue(models().loadActive().isEmpty());
        assertTrue(models().list().isEmpty());
    }

    @Test
    void aSavedModelLoadsBackExactlyWithItsQTableBitForBit() {
        TrainedModel model = model(1);

        long id = models().save(model, false);
        ModelVersion loaded = models().load(id).orElseThrow();

        assertEquals(id, loaded.id());
        assertEquals(model, loaded.model());   // records: hyperparameters, rule, start state, stats with curve, instant
        double[] expected = model.qTable().toArray();
        double[] actual = loaded.model().qTable().toArray();
        assertArrayEquals(Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray(),
                Arrays.stream(actual).mapToLong(Double::doubleToRawLongBits).toArray());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(actual[0]));
    }

    @Test
    void savingWithActivateMakesItTheActiveModel() {
        long id = models().save(model(1), true);

        ModelVersion active = models().loadActive().orElseThrow();

        assertEquals(id, active.id());
        assertEquals(model(1), active.model());
    }

    @Test
    void savingWithoutActivateLeavesTheActiveModel() {
        long first = models().save(model(1), true);

        models().save(model(2), false);

        assertEquals(first, activeId());
    }

    @Test
    void activateSwitchesTheActiveModel() {
        long first = models().save(model(1), true);
        long second = models().save(model(2), true);
        assertEquals(second, activeId());

        assertTrue(models().activate(first));

        assertEquals(first, activeId());
        assertEquals(model(1), models().loadActive().orElseThrow().model());
    }

    @Test
    void activatingAnUnknownIdAnswersFalseAndChangesNothing() {
        long id = models().save(model(1), true);

        assertFalse(models().activate(id + 1));

        assertEquals(id, activeId());
    }

    @Test
    void theListIsNewestFirstAndFlagsTheActiveModel() {
        long first = models().save(model(1), false);
        long second = models().save(model(2), true);
        long third = models().save(model(3), false);

        List<ModelSummary> listed = models().list();

        assertEquals(List.of(third, second, first), listed.stream().map(ModelSummary::id).toList());
        assertEquals(List.of(false, true, false), listed.stream().map(ModelSummary::active).toList());
        TrainedModel expected = model(2);
        assertEquals(new ModelSummary(second, datasetId, expected.hyperparameters(), expected.rewardRule(),
                expected.stats().totalSteps(), expected.stats().goalRate(), expected.createdAt(), true), listed.get(1));
    }

    @Test
    void anUnknownIdFindsNothing() {
        long id = models().save(model(1), true);

        assertTrue(models().load(id + 1).isEmpty());
    }

    @Test
    void aModelOfAMissingDatasetIsRefusedAndLeavesNothingBehind() {
        long active = models().save(model(1), true);
        TrainedModel orphan = TestData.model(datasetId + 1, TestData.smallSpace(), 2, TestData.CREATED);

        assertThrows(RuntimeException.class, () -> models().save(orphan, true));

        assertEquals(1, countRows("model"));
        assertEquals(100, countRows("model_curve"));
        assertEquals(active, activeId());
    }

    /** Prints, does not assert, how long serving a real-sized model takes to store and load. */
    @Test
    void loadingTheActiveModelOfAFullSizeSpace() {
        StateSpace space = TestData.fullSizeSpace();
        AggregatedLogs logs = new AggregatedLogs(TestData.cells(space, 3), TestData.summary());
        long start = System.nanoTime();
        long fullDataset = storage.datasets().save(logs, TestData.CREATED);
        double datasetSaveMillis = (System.nanoTime() - start) / 1e6;
        TrainedModel model = TestData.model(fullDataset, space, 4, TestData.CREATED);
        start = System.nanoTime();
        models().save(model, true);
        double modelSaveMillis = (System.nanoTime() - start) / 1e6;
        reopen();   // nothing cached from the save

        Timing modelLoad = Timing.of(() -> models().loadActive().orElseThrow());
        Timing datasetLoad = Timing.of(() -> storage.datasets().load(fullDataset).orElseThrow());
        Timing roundTrip = Timing.of(() -> storage.jdbi().withHandle(handle ->
                handle.createQuery("SELECT 1").mapTo(Integer.class).one()));

        assertEquals(model, models().loadActive().orElseThrow().model());
        System.out.printf("[timing] %s, %,d states: loadActive (Q table %,d bytes) first %.1f ms, median %.1f ms; "
                        + "load dataset (%,d cells sent to) first %.1f ms, median %.1f ms; "
                        + "SELECT 1 on a fresh handle median %.1f ms; save dataset %.1f ms, save model %.1f ms "
                        + "(medians of %d runs after the first)%n",
                storage.describe(), space.size(), model.qTable().toArray().length * 8L,
                modelLoad.firstMillis(), modelLoad.medianMillis(), logs.cells().nonEmptyCount(),
                datasetLoad.firstMillis(), datasetLoad.medianMillis(), roundTrip.medianMillis(),
                datasetSaveMillis, modelSaveMillis, Timing.RUNS);
    }

    /** The first (cold) run and the median of the following ones. */
    private record Timing(double firstMillis, double medianMillis) {
        static final int RUNS = 15;

        static Timing of(Runnable work) {
            double[] millis = new double[RUNS + 1];
            for (int run = 0; run < millis.length; run++) {
                long start = System.nanoTime();
                work.run();
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
            double[] warm = Arrays.copyOfRange(millis, 1, millis.length);
            Arrays.sort(warm);
            return new Timing(millis[0], warm[warm.length / 2]);
        }
    }
}
