package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.out.ModelRepository.Deletion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What any {@link ModelRepository} must do; one subclass per adapter (in memory, H2, PostgreSQL). */
abstract class ModelRepositoryContract extends RepositoryTest {
    long datasetId;

    @BeforeEach
    void storeADataset() {
        datasetId = storage.datasets().save(TestData.logs(), TestData.CREATED);
    }

    ModelRepository models() {
        return storage.models();
    }

    TrainedModel model(long seed) {
        return TestData.model(datasetId, TestData.smallSpace(), seed, TestData.CREATED);
    }

    long activeId() {
        return models().loadActive().orElseThrow().id();
    }

    @Test
    void nothingIsActiveBeforeTheFirstModel() {
        assertTrue(models().loadActive().isEmpty());
        assertEquals(OptionalLong.empty(), models().activeId());
        assertTrue(models().list().isEmpty());
    }

    @Test
    void aSavedModelLoadsBackExactlyWithItsQTableBitForBit() {
        TrainedModel model = model(1);

        long id = models().save(model, false);
        ModelVersion loaded = models().load(id).orElseThrow();

        assertEquals(id, loaded.id());
        assertEquals(
                model, loaded.model()); // records: hyperparameters, rule, start state, stats with curve, instant, who
        assertEquals("ana.lyst@example 1", loaded.model().startedBy());
        assertEquals(Map.of(), loaded.metrics());
        double[] expected = model.qTable().toArray();
        double[] actual = loaded.model().qTable().toArray();
        assertArrayEquals(
                Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray(),
                Arrays.stream(actual).mapToLong(Double::doubleToRawLongBits).toArray());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(actual[0]));
    }

    @Test
    void savingWithActivateMakesItTheActiveModel() {
        long id = models().save(model(1), true);

        ModelVersion active = models().loadActive().orElseThrow();

        assertEquals(id, active.id());
        assertEquals(model(1), active.model());
        assertEquals(OptionalLong.of(id), models().activeId());
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
        assertEquals(OptionalLong.of(first), models().activeId());
        assertEquals(model(1), models().loadActive().orElseThrow().model());
    }

    @Test
    void activatingAnUnknownIdAnswersFalseAndChangesNothing() {
        long id = models().save(model(1), true);

        assertFalse(models().activate(id + 1));

        assertEquals(id, activeId());
        assertEquals(OptionalLong.empty(), models().rollback());
    }

    @Test
    void theListIsNewestFirstAndFlagsTheActiveModel() {
        long first = models().save(model(1), false);
        long second = models().save(model(2), true);
        long third = models().save(model(3), false);
        models().saveMetrics(second, Map.of("success_rate", 0.25));

        List<ModelSummary> listed = models().list();

        assertEquals(
                List.of(third, second, first),
                listed.stream().map(ModelSummary::id).toList());
        assertEquals(
                List.of(false, true, false),
                listed.stream().map(ModelSummary::active).toList());
        TrainedModel expected = model(2);
        assertEquals(
                new ModelSummary(
                        second,
                        datasetId,
                        expected.hyperparameters(),
                        expected.rewardRule(),
                        expected.stats().totalSteps(),
                        expected.stats().goalRate(),
                        expected.createdAt(),
                        true,
                        "ana.lyst@example 2",
                        Map.of("success_rate", 0.25)),
                listed.get(1));
        assertEquals(Map.of(), listed.get(0).metrics());
    }

    @Test
    void anUnknownIdFindsNothing() {
        long id = models().save(model(1), true);

        assertTrue(models().load(id + 1).isEmpty());
    }

    @Test
    void aModelOfAMissingDatasetIsRefusedAndChangesNothing() {
        long active = models().save(model(1), true);
        TrainedModel orphan = TestData.model(datasetId + 1, TestData.smallSpace(), 2, TestData.CREATED);

        assertThrows(RuntimeException.class, () -> models().save(orphan, true));

        assertEquals(
                List.of(active), models().list().stream().map(ModelSummary::id).toList());
        assertEquals(active, activeId());
    }

    // --- rollback

    @Test
    void rollbackGoesBackThroughTheDistinctActiveModels() {
        long one = models().save(model(1), true);
        long two = models().save(model(2), true);
        assertTrue(models().activate(two)); // already active: not a step of its own
        long three = models().save(model(3), false);
        assertTrue(models().activate(three));
        assertTrue(models().activate(one)); // history: one, two, three, one

        assertEquals(OptionalLong.of(three), models().rollback());
        assertEquals(three, activeId());
        assertEquals(OptionalLong.of(two), models().rollback());
        assertEquals(OptionalLong.of(one), models().rollback());
        assertEquals(OptionalLong.empty(), models().rollback());
        assertEquals(one, activeId());
    }

    @Test
    void anActivationAfterARollbackStartsFromWhereTheRollbackLeft() {
        long one = models().save(model(1), true);
        long two = models().save(model(2), true);
        long three = models().save(model(3), true);
        models().rollback(); // one, two
        models().activate(one); // one, two, one

        assertEquals(OptionalLong.of(two), models().rollback());
        assertEquals(OptionalLong.of(one), models().rollback());
        assertEquals(OptionalLong.empty(), models().rollback());
        assertNotEquals(three, activeId());
    }

    @Test
    void rollbackWithNothingOrOneModelActivatedChangesNothing() {
        assertEquals(OptionalLong.empty(), models().rollback());
        long one = models().save(model(1), true);
        models().save(model(2), false);

        assertEquals(OptionalLong.empty(), models().rollback());
        assertEquals(one, activeId());
    }

    // --- delete

    @Test
    void deletingAnInactiveModelRemovesItWithItsMetricsAndHistory() {
        long one = models().save(model(1), true);
        long two = models().save(model(2), true);
        long three = models().save(model(3), true);
        models().saveMetrics(two, Map.of("success_rate", 0.5));

        assertEquals(Deletion.DELETED, models().delete(two));

        assertTrue(models().load(two).isEmpty());
        assertEquals(
                List.of(three, one),
                models().list().stream().map(ModelSummary::id).toList());
        assertFalse(models().saveMetrics(two, Map.of("success_rate", 0.5)));
        assertEquals(OptionalLong.of(one), models().rollback()); // two left the history with it
        assertEquals(Deletion.NO_SUCH_MODEL, models().delete(two));
    }

    @Test
    void theActiveModelIsNeverDeleted() {
        long one = models().save(model(1), true);

        assertEquals(Deletion.ACTIVE_MODEL, models().delete(one));

        assertEquals(one, activeId());
        assertEquals(model(1), models().load(one).orElseThrow().model());
    }

    @Test
    void anUnknownModelIsNotDeleted() {
        long one = models().save(model(1), false);

        assertEquals(Deletion.NO_SUCH_MODEL, models().delete(one + 1));
        assertEquals(1, models().list().size());
    }

    // --- metrics

    @Test
    void metricsAreMergedByNameAndLoadWithTheModel() {
        long id = models().save(model(1), true);

        assertTrue(models().saveMetrics(id, Map.of("success_rate", 0.5, "mean_q_error", 3.25)));
        assertTrue(models().saveMetrics(id, Map.of("success_rate", 0.625, "held_out_lift", -1e-9)));
        assertTrue(models().saveMetrics(id, Map.of()));

        Map<String, Double> expected = Map.of("success_rate", 0.625, "mean_q_error", 3.25, "held_out_lift", -1e-9);
        assertEquals(expected, models().load(id).orElseThrow().metrics());
        assertEquals(expected, models().loadActive().orElseThrow().metrics());
        assertEquals(expected, models().list().get(0).metrics());
        assertEquals(model(1), models().load(id).orElseThrow().model());
    }

    @Test
    void metricsOfAnUnknownModelOrNotFiniteAreRefused() {
        long id = models().save(model(1), false);

        assertFalse(models().saveMetrics(id + 1, Map.of("success_rate", 0.5)));
        assertThrows(IllegalArgumentException.class, () -> models().saveMetrics(id, Map.of("x", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> models().saveMetrics(id, Map.of(" ", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> models().saveMetrics(id, Map.of("n".repeat(101), 1.0)));

        assertEquals(Map.of(), models().load(id).orElseThrow().metrics());
    }

    // --- several writers

    /** Writers racing (two servers and a CLI, say) never leave the pointer and the history disagreeing. */
    @Test
    void concurrentActivationsAndRollbacksLeaveAConsistentHistory() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int seed = 1; seed <= 4; seed++) {
            ids.add(models().save(model(seed), seed == 1));
        }
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                SplittableRandom random = new SplittableRandom(writer);
                done.add(writers.submit(() -> {
                    for (int step = 0; step < 15; step++) {
                        if (random.nextInt(4) == 0) {
                            models().rollback();
                        } else {
                            assertTrue(models().activate(ids.get(random.nextInt(ids.size()))));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }

        // Rolling all the way back: each step changes the active model, and it ends.
        long active = activeId();
        for (OptionalLong back = models().rollback(); back.isPresent(); back = models().rollback()) {
            assertNotEquals(active, back.getAsLong());
            assertEquals(back.getAsLong(), activeId());
            active = back.getAsLong();
        }
    }
}
