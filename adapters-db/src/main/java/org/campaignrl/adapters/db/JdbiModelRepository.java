package org.campaignrl.adapters.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.campaignrl.application.model.ModelMetrics;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.TrainingStats;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Models in {@code model} (the Q table as one binary value), {@code model_curve} and
 * {@code model_metric}; the active one is whatever the single {@code serving} row points at, and
 * {@code model_activation} remembers every change of it. Each change of the active model locks
 * the {@code serving} row first, so that two processes changing it take turns.
 */
final class JdbiModelRepository implements ModelRepository {
    /** Everything but the Q table, which only loading a model needs. */
    private static final String SUMMARY_COLUMNS =
            "model.id, model.dataset_id, model.created_at, model.until_converged, "
                    + "model.episodes, "
                    + "model.epsilon, model.alpha, model.gamma, model.max_steps, model.seed, model.target_rate, "
                    + "model.min_sends, model.reward_factor, model.episodes_run, model.total_steps, "
                    + "model.episodes_reaching_goal, model.started_by";

    private static final String SELECT_MODEL =
            "SELECT " + SUMMARY_COLUMNS + ", model.start_state, model.states, model.q_table FROM model";

    /** Reading a model takes three queries: one snapshot, so that a deletion in between cannot show half of it. */
    private static final TransactionIsolationLevel SNAPSHOT = TransactionIsolationLevel.REPEATABLE_READ;

    private final Jdbi jdbi;

    JdbiModelRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long save(TrainedModel model, boolean activate) {
        return jdbi.inTransaction(handle -> {
            long id = insertModel(handle, model);
            insertCurve(handle, id, model.stats().curve());
            if (activate) {
                activate(handle, id);
            }
            return id;
        });
    }

    @Override
    public Optional<ModelVersion> load(long id) {
        return jdbi.inTransaction(
                SNAPSHOT,
                handle -> handle.createQuery(SELECT_MODEL + " WHERE model.id = :id")
                        .bind("id", id)
                        .map(JdbiModelRepository::modelRow)
                        .findOne()
                        .map(row -> row.version(curve(handle, row.id()), metrics(handle, row.id()))));
    }

    @Override
    public Optional<ModelVersion> loadActive() {
        return jdbi.inTransaction(
                SNAPSHOT,
                handle -> handle.createQuery(SELECT_MODEL + " JOIN serving ON serving.active_model_id = model.id")
                        .map(JdbiModelRepository::modelRow)
                        .findOne()
                        .map(row -> row.version(curve(handle, row.id()), metrics(handle, row.id()))));
    }

    @Override
    public OptionalLong activeId() {
        return jdbi.withHandle(handle -> optional(handle.createQuery("SELECT active_model_id FROM serving WHERE id = 1")
                .mapTo(Long.class)
                .one()));
    }

    @Override
    public boolean activate(long id) {
        return jdbi.inTransaction(handle -> activate(handle, id));
    }

    @Override
    public OptionalLong rollback() {
        return jdbi.inTransaction(handle -> {
            OptionalLong current = lockServing(handle);
            if (current.isEmpty()) {
                return OptionalLong.empty();
            }
            // The newest activation of another model; every newer one is of the current model.
            Optional<Map.Entry<Long, Long>> previous = handle.createQuery("SELECT id, model_id FROM model_activation "
                            + "WHERE model_id <> :current ORDER BY id DESC FETCH FIRST 1 ROW ONLY")
                    .bind("current", current.getAsLong())
                    .map((row, context) -> Map.entry(row.getLong("id"), row.getLong("model_id")))
                    .findOne();
            if (previous.isEmpty()) {
                return OptionalLong.empty();
            }
            handle.createUpdate("DELETE FROM model_activation WHERE id > :id")
                    .bind("id", previous.get().getKey())
                    .execute();
            pointServingAt(handle, previous.get().getValue());
            return OptionalLong.of(previous.get().getValue());
        });
    }

    @Override
    public Deletion delete(long id) {
        return jdbi.inTransaction(handle -> {
            OptionalLong current = lockServing(handle);
            if (!exists(handle, id)) {
                return Deletion.NO_SUCH_MODEL;
            }
            if (current.isPresent() && current.getAsLong() == id) {
                return Deletion.ACTIVE_MODEL;
            }
            for (String table : List.of("model_metric", "model_curve", "model_activation")) {
                handle.createUpdate("DELETE FROM " + table + " WHERE model_id = :id")
                        .bind("id", id)
                        .execute();
            }
            handle.createUpdate("DELETE FROM model WHERE id = :id")
                    .bind("id", id)
                    .execute();
            return Deletion.DELETED;
        });
    }

    @Override
    public boolean saveMetrics(long modelId, Map<String, Double> metrics) {
        Map<String, Double> checked = ModelMetrics.checked(metrics);
        return jdbi.inTransaction(handle -> {
            // Locking the model's row makes two writers of its figures take turns (and checks it exists).
            if (handle.createQuery("SELECT id FROM model WHERE id = :id FOR UPDATE")
                    .bind("id", modelId)
                    .mapTo(Long.class)
                    .findOne()
                    .isEmpty()) {
                return false;
            }
            try (PreparedBatch delete =
                            handle.prepareBatch("DELETE FROM model_metric WHERE model_id = ? AND name = ?");
                    PreparedBatch insert = handle.prepareBatch(
                            "INSERT INTO model_metric (model_id, name, metric_value) VALUES (?, ?, ?)")) {
                checked.forEach((name, value) -> {
                    delete.add(modelId, name);
                    insert.add(modelId, name, value);
                });
                if (!checked.isEmpty()) {
                    delete.execute();
                    insert.execute();
                }
            }
            return true;
        });
    }

    @Override
    public List<ModelSummary> list() {
        return jdbi.withHandle(handle -> {
            Map<Long, Map<String, Double>> metrics = allMetrics(handle);
            return handle.createQuery("SELECT " + SUMMARY_COLUMNS
                            + ", serving.id IS NOT NULL AS active"
                            + " FROM model LEFT JOIN serving ON serving.active_model_id = model.id"
                            + " ORDER BY model.id DESC")
                    .map((row, context) -> summary(row, metrics))
                    .list();
        });
    }

    // --- activation

    /** The active model's id, with the {@code serving} row locked until the transaction ends. */
    private static OptionalLong lockServing(Handle handle) {
        return optional(handle.createQuery("SELECT active_model_id FROM serving WHERE id = 1 FOR UPDATE")
                .mapTo(Long.class)
                .one());
    }

    /** Points serving at the model and records the change; nothing changes when it is active already. */
    private static boolean activate(Handle handle, long modelId) {
        OptionalLong current = lockServing(handle);
        if (!exists(handle, modelId)) {
            return false;
        }
        if (current.isEmpty() || current.getAsLong() != modelId) {
            pointServingAt(handle, modelId);
            handle.createUpdate("INSERT INTO model_activation (model_id, activated_at) VALUES (:id, :at)")
                    .bind("id", modelId)
                    .bind("at", SqlTime.utc(Instant.now()))
                    .execute();
        }
        return true;
    }

    private static void pointServingAt(Handle handle, long modelId) {
        handle.createUpdate("UPDATE serving SET active_model_id = :id WHERE id = 1")
                .bind("id", modelId)
                .execute();
    }

    private static boolean exists(Handle handle, long modelId) {
        return handle.createQuery("SELECT COUNT(*) FROM model WHERE id = :id")
                        .bind("id", modelId)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    private static OptionalLong optional(Long id) {
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    // --- writing

    private static long insertModel(Handle handle, TrainedModel model) {
        Hyperparameters h = model.hyperparameters();
        RewardRule rule = model.rewardRule();
        TrainingStats stats = model.stats();
        return handle.createUpdate(
                        "INSERT INTO model (dataset_id, created_at, until_converged, episodes, epsilon, alpha, gamma, "
                                + "max_steps, seed, target_rate, min_sends, reward_factor, start_state, states, q_table, "
                                + "episodes_run, total_steps, episodes_reaching_goal, started_by) VALUES (:datasetId, "
                                + ":createdAt, :untilConverged, :episodes, :epsilon, :alpha, :gamma, :maxSteps, :seed, :targetRate, "
                                + ":minSends, :rewardFactor, :startState, :states, :qTable, :episodesRun, :totalSteps, "
                                + ":episodesReachingGoal, :startedBy)")
                .bind("datasetId", model.datasetId())
                .bind("createdAt", SqlTime.utc(model.createdAt()))
                .bind("untilConverged", h.untilConverged())
                .bind("episodes", h.episodes())
                .bind("epsilon", h.epsilon())
                .bind("alpha", h.alpha())
                .bind("gamma", h.gamma())
                .bind("maxSteps", h.maxSteps())
                .bind("seed", h.seed())
                .bind("targetRate", rule.targetRate())
                .bind("minSends", rule.minSends())
                .bind("rewardFactor", rule.rewardFactor())
                .bind("startState", model.startState())
                .bind("states", model.qTable().states())
                .bind("qTable", LittleEndianDoubles.toBytes(model.qTable().toArray()))
                .bind("episodesRun", stats.episodes())
                .bind("totalSteps", stats.totalSteps())
                .bind("episodesReachingGoal", stats.episodesReachingGoal())
                .bind("startedBy", model.startedBy())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    private static void insertCurve(Handle handle, long modelId, List<TrainingStats.CurvePoint> curve) {
        try (PreparedBatch batch = handle.prepareBatch("INSERT INTO model_curve "
                + "(model_id, position, episode, goal_rate, mean_steps) VALUES (?, ?, ?, ?, ?)")) {
            for (int position = 0; position < curve.size(); position++) {
                TrainingStats.CurvePoint point = curve.get(position);
                batch.add(modelId, position, point.episode(), point.goalRate(), point.meanSteps());
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    // --- reading

    /** A {@code model} row: everything of the stored model but its curve and metrics. */
    private record ModelRow(
            long id,
            long datasetId,
            Hyperparameters hyperparameters,
            RewardRule rewardRule,
            int startState,
            QTable qTable,
            int episodesRun,
            long totalSteps,
            int episodesReachingGoal,
            Instant createdAt,
            String startedBy) {

        ModelVersion version(List<TrainingStats.CurvePoint> curve, Map<String, Double> metrics) {
            TrainingStats stats = new TrainingStats(episodesRun, totalSteps, episodesReachingGoal, curve);
            return new ModelVersion(
                    id,
                    new TrainedModel(
                            datasetId, hyperparameters, rewardRule, startState, qTable, stats, createdAt, startedBy),
                    metrics);
        }
    }

    private static ModelRow modelRow(ResultSet row, StatementContext context) throws SQLException {
        return new ModelRow(
                row.getLong("id"),
                row.getLong("dataset_id"),
                hyperparameters(row),
                rewardRule(row),
                row.getInt("start_state"),
                new QTable(row.getInt("states"), LittleEndianDoubles.fromBytes(row.getBytes("q_table"))),
                row.getInt("episodes_run"),
                row.getLong("total_steps"),
                row.getInt("episodes_reaching_goal"),
                SqlTime.instant(row, "created_at"),
                row.getString("started_by"));
    }

    private static ModelSummary summary(ResultSet row, Map<Long, Map<String, Double>> metrics) throws SQLException {
        TrainingStats stats = new TrainingStats(
                row.getInt("episodes_run"),
                row.getLong("total_steps"),
                row.getInt("episodes_reaching_goal"),
                List.of());
        long id = row.getLong("id");
        return new ModelSummary(
                id,
                row.getLong("dataset_id"),
                hyperparameters(row),
                rewardRule(row),
                stats.totalSteps(),
                stats.goalRate(),
                SqlTime.instant(row, "created_at"),
                row.getBoolean("active"),
                row.getString("started_by"),
                metrics.getOrDefault(id, Map.of()));
    }

    private static Hyperparameters hyperparameters(ResultSet row) throws SQLException {
        return new Hyperparameters(
                row.getBoolean("until_converged"),
                row.getInt("episodes"),
                row.getDouble("epsilon"),
                row.getDouble("alpha"),
                row.getDouble("gamma"),
                row.getInt("max_steps"),
                row.getLong("seed"));
    }

    private static RewardRule rewardRule(ResultSet row) throws SQLException {
        return new RewardRule(row.getDouble("target_rate"), row.getLong("min_sends"), row.getDouble("reward_factor"));
    }

    private static List<TrainingStats.CurvePoint> curve(Handle handle, long modelId) {
        return handle.createQuery("SELECT episode, goal_rate, mean_steps FROM model_curve "
                        + "WHERE model_id = :id ORDER BY position")
                .bind("id", modelId)
                .map((row, context) -> new TrainingStats.CurvePoint(
                        row.getInt("episode"), row.getDouble("goal_rate"), row.getDouble("mean_steps")))
                .list();
    }

    private static Map<String, Double> metrics(Handle handle, long modelId) {
        Map<String, Double> metrics = new HashMap<>();
        handle.createQuery("SELECT name, metric_value FROM model_metric WHERE model_id = :id")
                .bind("id", modelId)
                .map((row, context) -> Map.entry(row.getString("name"), row.getDouble("metric_value")))
                .forEach(entry -> metrics.put(entry.getKey(), entry.getValue()));
        return metrics;
    }

    private static Map<Long, Map<String, Double>> allMetrics(Handle handle) {
        Map<Long, Map<String, Double>> byModel = new HashMap<>();
        handle.createQuery("SELECT model_id, name, metric_value FROM model_metric")
                .map((row, context) -> Map.entry(
                        row.getLong("model_id"), Map.entry(row.getString("name"), row.getDouble("metric_value"))))
                .forEach(entry -> byModel.computeIfAbsent(entry.getKey(), id -> new HashMap<>())
                        .put(entry.getValue().getKey(), entry.getValue().getValue()));
        return byModel;
    }
}
