package org.campaignrl.adapters.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.RetrainingDecision;
import org.campaignrl.application.port.out.RetrainingHistory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Decisions in {@code retraining_decision}, one row each; ids of models and datasets without foreign keys. */
final class JdbiRetrainingHistory implements RetrainingHistory {
    private final Jdbi jdbi;

    JdbiRetrainingHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long record(RetrainingDecision decision) {
        return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO retraining_decision (decided_at, dataset_id, "
                        + "candidate_model_id, active_model_id, outcome, reason) VALUES (:decidedAt, :datasetId, "
                        + ":candidate, :active, :outcome, :reason)")
                .bind("decidedAt", SqlTime.utc(decision.decidedAt()))
                .bindByType("datasetId", decision.datasetId().orElse(null), Long.class)
                .bindByType("candidate", decision.candidateModelId().orElse(null), Long.class)
                .bindByType("active", decision.activeModelId().orElse(null), Long.class)
                .bind("outcome", decision.outcome().name())
                .bind("reason", decision.reason())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public List<RetrainingDecision> recent(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, decided_at, dataset_id, candidate_model_id, "
                        + "active_model_id, outcome, reason FROM retraining_decision ORDER BY id DESC "
                        + "FETCH FIRST :limit ROWS ONLY")
                .bind("limit", Math.max(0, limit))
                .map(JdbiRetrainingHistory::decision)
                .list());
    }

    private static RetrainingDecision decision(ResultSet row, StatementContext context) throws SQLException {
        return new RetrainingDecision(
                row.getLong("id"),
                SqlTime.instant(row, "decided_at"),
                RetrainingDecision.Outcome.valueOf(row.getString("outcome")),
                id(row, "dataset_id"),
                id(row, "candidate_model_id"),
                id(row, "active_model_id"),
                row.getString("reason"));
    }

    private static Optional<Long> id(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
