package org.campaignrl.adapters.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

/**
 * Models in {@code model} (the Q table as one binary value) and {@code model_curve}; the active one
 * is whatever the single {@code serving} row points at.
 */
final class JdbiModelRepository implements ModelRepository {
    /** Everything but the Q table, which only loading a model needs. */
    private static final String SUMMARY_COLUMNS = "model.id, model.dataset_id, model.created_at, model.episodes, "
            + "model.epsilon, model.alpha, model.gamma, model.max_steps, model.seed, model.target_rate, "
            + "model.min_sends, model.reward_factor, model.episodes_run, model.total_steps, "
            + "model.episodes_reaching_goal";
    private static final String SELECT_MODEL = "SELECT " + SUMMARY_COLUMNS
            + ", model.start_state, model.states, model.q_table FROM model";

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
                pointServingAt(handle, id);
            }
            return id;
        });
    }

    @Override
    public Optional<ModelVersion> load(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_MODEL + " WHERE model.id = :id")
                .bind("id", id)
                .map(JdbiModelRepository::modelRow)
                .findOne()
                .map(row -> row.withCurve(curve(handle, row.id()))));
    }

    @Override
    public Optional<ModelVersion> loadActive() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_MODEL
                        + " JOIN serving ON serving.active_model_id = model.id")
                .map(JdbiModelRepository::modelRow)
                .findOne()
                .map(row -> row.withCurve(curve(handle, row.id()))));
    }

    @Override
    public boolean activate(long id) {
        return jdbi.inTransaction(handle -> pointServingAt(handle, id));
    }

    @Override
    public List<ModelSummary> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + SUMMARY_COLUMNS
                        + ", serving.id IS NOT NULL AS active"
                        + " FROM model LEFT JOIN serving ON serving.active_model_id = model.id"
                        + " ORDER BY model.id DESC")
                .map(JdbiModelRepository::summary)
                .list());
    }

    // --- writing

    private static long insertModel(Handle handle, TrainedModel model) {
        Hyperparameters h = model.hyperparameters();
        RewardRule rule = model.rewardRule();
        TrainingStats stats = model.stats();
        return handle.createUpdate("INSERT INTO model (dataset_id, created_at, episodes, epsilon, alpha, gamma, "
                        + "max_steps, seed, target_rate, min_sends, reward_factor, start_state, states, q_table, "
                        + "episodes_run, total_steps, episodes_reaching_goal) VALUES (:datasetId, :createdAt, "
                        + ":episodes, :epsilon, :alpha, :gamma, :maxSteps, :seed, :targetRate, :minSends, "
                        + ":rewardFactor, :startState, :states, :qTable, :episodesRun, :totalSteps, "
                        + ":episodesReachingGoal)")
                .bind("datasetId", model.datasetId())
                .bind("createdAt", SqlTime.utc(model.createdAt()))
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

    /** One UPDATE, and only when the model exists: the pointer never dangles. */
    private static boolean pointServingAt(Handle handle, long modelId) {
        return handle.createUpdate("UPDATE serving SET active_model_id = :id "
                        + "WHERE id = 1 AND EXISTS (SELECT 1 FROM model WHERE id = :id)")
                .bind("id", modelId)
                .execute() == 1;
    }

    // --- reading

    /** A {@code model} row: everything of the stored model but its curve. */
    private record ModelRow(long id, long datasetId, Hyperparameters hyperparameters, RewardRule rewardRule,
                            int startState, QTable qTable, int episodesRun, long totalSteps,
                            int episodesReachingGoal, Instant createdAt) {

        ModelVersion withCurve(List<TrainingStats.CurvePoint> curve) {
            TrainingStats stats = new TrainingStats(episodesRun, totalSteps, episodesReachingGoal, curve);
            return new ModelVersion(id, new TrainedModel(datasetId, hyperparameters, rewardRule, startState, qTable,
                    stats, createdAt));
        }
    }

    private static ModelRow modelRow(ResultSet row, StatementContext context) throws SQLException {
        return new ModelRow(row.getLong("id"), row.getLong("dataset_id"), hyperparameters(row), rewardRule(row),
                row.getInt("start_state"),
                new QTable(row.getInt("states"), LittleEndianDoubles.fromBytes(row.getBytes("q_table"))),
                row.getInt("episodes_run"), row.getLong("total_steps"), row.getInt("episodes_reaching_goal"),
                SqlTime.instant(row, "created_at"));
    }

    private static ModelSummary summary(ResultSet row, StatementContext context) throws SQLException {
        TrainingStats stats = new TrainingStats(row.getInt("episodes_run"), row.getLong("total_steps"),
                row.getInt("episodes_reaching_goal"), List.of());
        return new ModelSummary(row.getLong("id"), row.getLong("dataset_id"), hyperparameters(row), rewardRule(row),
                stats.totalSteps(), stats.goalRate(), SqlTime.instant(row, "created_at"), row.getBoolean("active"));
    }

    private static Hyperparameters hyperparameters(ResultSet row) throws SQLException {
        return new Hyperparameters(row.getInt("episodes"), row.getDouble("epsilon"), row.getDouble("alpha"),
                row.getDouble("gamma"), row.getInt("max_steps"), row.getLong("seed"));
    }

    private static RewardRule rewardRule(ResultSet row) throws SQLException {
        return new RewardRule(row.getDouble("target_rate"), row.getLong("min_sends"), row.getDouble("reward_factor"));
    }

    private static List<TrainingStats.CurvePoint> curve(Handle handle, long modelId) {
        return handle.createQuery("SELECT episode, goal_rate, mean_steps FROM model_curve "
                        + "WHERE model_id = :id ORDER BY position")
                .bind("id", modelId)
                .map((row, context) -> new TrainingStats.CurvePoint(row.getInt("episode"), row.getDouble("goal_rate"),
                        row.getDouble("mean_steps")))
                .list();
    }
}
