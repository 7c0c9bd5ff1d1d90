package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.domain.StateSpace;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.Test;

/** The model contract, and what the tables hold, for each database. */
abstract class SqlModelRepositoryContract extends ModelRepositoryContract {

    /** H2 in {@code dir}, or a PostgreSQL schema of its own. */
    abstract TestDatabase createDatabase(Path dir);

    @Override
    StorageFixture openStorage(Path tempDir) {
        return new DatabaseFixture(createDatabase(tempDir));
    }

    DatabaseFixture database() {
        return (DatabaseFixture) storage;
    }

    @Test
    void aModelOfAMissingDatasetLeavesNoRowBehind() {
        models().save(model(1), true);
        TrainedModel orphan = TestData.model(datasetId + 1, TestData.smallSpace(), 2, TestData.CREATED);

        assertThrows(RuntimeException.class, () -> models().save(orphan, true));

        assertEquals(1, database().countRows("model"));
        assertEquals(100, database().countRows("model_curve"));
        assertEquals(1, database().countRows("model_activation"));
    }

    @Test
    void deletingAModelLeavesNoRowOfItBehind() {
        long one = models().save(model(1), true);
        long two = models().save(model(2), true);
        models().saveMetrics(one, Map.of("success_rate", 0.5));

        models().activate(two);
        models().delete(one);

        for (String table : List.of("model_metric", "model_curve", "model_activation")) {
            assertEquals(
                    0L,
                    (long) database()
                            .jdbi()
                            .withHandle(handle -> handle.createQuery(
                                            "SELECT COUNT(*) FROM " + table + " WHERE model_id = " + one)
                                    .mapTo(Long.class)
                                    .one()),
                    table);
        }
        assertEquals(1, database().countRows("model"));
    }

    /** A database at version 2 with a model active: after the upgrade, rolling back can return to that model. */
    @Test
    void theModelActiveBeforeTheUpgradeStartsTheHistory() {
        TestDatabase old = createDatabase(tempDir.resolve("version-2"));
        ConnectionSource connections = SqlDialect.of(old.url()).connect(old.url());
        try {
            Jdbi jdbi = Jdbi.create(connections.dataSource()).setTemplateEngine(TemplateEngine.NOP);
            Migrations.apply(
                    jdbi,
                    SqlDialect.of(old.url()),
                    "version 2",
                    Migrations.all().subList(0, 2));
            jdbi.useHandle(handle -> {
                handle.execute(
                        "INSERT INTO dataset (created_at, subject_ids, domains, customers, sends, responded_sends, "
                                + "distinct_response_pairs, response_pairs_without_send) "
                                + "VALUES (CURRENT_TIMESTAMP, '1', 'a.com', 0, 0, 0, 0, 0)");
                handle.createUpdate("INSERT INTO model (dataset_id, created_at, episodes, epsilon, alpha, gamma, "
                                + "max_steps, seed, target_rate, min_sends, reward_factor, start_state, states, q_table, "
                                + "episodes_run, total_steps, episodes_reaching_goal) SELECT id, CURRENT_TIMESTAMP, 1, 0.1, "
                                + "0.1, 0.6, 9, 1, 0.3, 10, 3, 0, 0, :noValues, 1, 1, 0 FROM dataset")
                        .bind("noValues", new byte[0])
                        .execute();
                handle.execute("UPDATE serving SET active_model_id = (SELECT id FROM model)");
            });
        } finally {
            connections.close();
        }

        try (Storage upgraded = Storage.open(old.url())) {
            long before = upgraded.models().activeId().orElseThrow();
            assertEquals(
                    "unknown",
                    upgraded.models().load(before).orElseThrow().model().startedBy());
            long datasetOfUpgraded =
                    upgraded.datasets().loadLatest().orElseThrow().id();
            long after = upgraded.models()
                    .save(
                            TestData.model(
                                    datasetOfUpgraded,
                                    new StateSpace(new int[] {1}, List.of("a.com")),
                                    1,
                                    TestData.CREATED),
                            true);

            assertEquals(OptionalLong.of(before), upgraded.models().rollback());
            assertEquals(OptionalLong.of(before), upgraded.models().activeId());
            assertEquals(after, upgraded.models().list().get(0).id());
        } finally {
            old.close();
        }
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
        database().reopen(); // nothing cached from the save

        Timing modelLoad = Timing.of(() -> models().loadActive().orElseThrow());
        Timing activeId = Timing.of(() -> models().activeId().orElseThrow());
        Timing datasetLoad =
                Timing.of(() -> storage.datasets().load(fullDataset).orElseThrow());
        Timing roundTrip = Timing.of(() -> database()
                .jdbi()
                .withHandle(handle ->
                        handle.createQuery("SELECT 1").mapTo(Integer.class).one()));

        assertEquals(model, models().loadActive().orElseThrow().model());
        System.out.printf(
                "[timing] %s, %,d states: loadActive (Q table %,d bytes) first %.1f ms, median %.1f ms; "
                        + "activeId (the poll) median %.1f ms; "
                        + "load dataset (%,d cells sent to) first %.1f ms, median %.1f ms; "
                        + "SELECT 1 on a fresh handle median %.1f ms; save dataset %.1f ms, save model %.1f ms "
                        + "(medians of %d runs after the first)%n",
                storage.describe(),
                space.size(),
                model.qTable().toArray().length * 8L,
                modelLoad.firstMillis(),
                modelLoad.medianMillis(),
                activeId.medianMillis(),
                logs.cells().nonEmptyCount(),
                datasetLoad.firstMillis(),
                datasetLoad.medianMillis(),
                roundTrip.medianMillis(),
                datasetSaveMillis,
                modelSaveMillis,
                Timing.RUNS);
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
