package org.campaignrl.adapters.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.model.RunOwner;
import org.campaignrl.application.port.out.RunLog;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Runs in {@code run}, one row each; a run is finished by an update that only a running row matches. */
final class JdbiRunLog implements RunLog {
    private static final String COLUMNS =
            "id, kind, subject, host, pid, started_at, status, finished_at, result_id, " + "message";
    private static final String FINISH = "UPDATE run SET status = :status, finished_at = :finishedAt, "
            + "result_id = :resultId, message = :message WHERE id = :id AND status = 'RUNNING'";

    private final Jdbi jdbi;
    private final boolean heldByOneProcess;

    /**
     * @param heldByOneProcess the database is an embedded H2 one, which one process at a time holds:
     *                         whatever is still running when it is opened belongs to a process that ended
     */
    JdbiRunLog(Jdbi jdbi, boolean heldByOneProcess) {
        this.jdbi = jdbi;
        this.heldByOneProcess = heldByOneProcess;
    }

    /**
     * Whether only one process at a time can have this database open: an embedded H2 memory database, or a file
     * whose URL turns H2's mixed mode off (AUTO_SERVER=FALSE; it is on by default), never one reached through an
     * H2 server.
     */
    static boolean heldByOneProcess(SqlDialect dialect, String jdbcUrl) {
        return dialect == SqlDialect.H2
                && !H2Database.describe(jdbcUrl).startsWith("H2 server")
                && !H2Database.sharedThroughAutoServer(jdbcUrl);
    }

    @Override
    public long start(Run.Kind kind, String subject, RunOwner owner, Instant startedAt) {
        return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO run (kind, subject, host, pid, started_at, "
                        + "status, message) VALUES (:kind, :subject, :host, :pid, :startedAt, 'RUNNING', '')")
                .bind("kind", kind.name())
                .bind("subject", subject)
                .bind("host", owner.host())
                .bind("pid", owner.pid())
                .bind("startedAt", SqlTime.utc(startedAt))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public boolean succeeded(long id, long resultId, String message, Instant finishedAt) {
        return jdbi.withHandle(handle -> finish(handle, id, Run.Status.SUCCEEDED, resultId, message, finishedAt));
    }

    @Override
    public boolean failed(long id, String message, Instant finishedAt) {
        return jdbi.withHandle(handle -> finish(handle, id, Run.Status.FAILED, null, message, finishedAt));
    }

    @Override
    public boolean cancelled(long id, String message, Instant finishedAt) {
        return jdbi.withHandle(handle -> finish(handle, id, Run.Status.CANCELLED, null, message, finishedAt));
    }

    private static boolean finish(
            Handle handle, long id, Run.Status status, Long resultId, String message, Instant finishedAt) {
        return handle.createUpdate(FINISH)
                        .bind("id", id)
                        .bind("status", status.name())
                        .bindByType("resultId", resultId, Long.class)
                        .bind("message", message)
                        .bind("finishedAt", SqlTime.utc(finishedAt))
                        .execute()
                == 1;
    }

    @Override
    public List<Run> recent(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM run ORDER BY id DESC " + "FETCH FIRST :limit ROWS ONLY")
                .bind("limit", Math.max(0, limit))
                .map(JdbiRunLog::run)
                .list());
    }

    @Override
    public int markInterrupted(RunOwner self, Instant at) {
        if (heldByOneProcess) {
            // The file is locked by whoever has it open, and that is us: nothing else can be running.
            return jdbi.withHandle(handle -> handle.createUpdate("UPDATE run SET status = 'FAILED', "
                            + "finished_at = :finishedAt, message = :message WHERE status = 'RUNNING'")
                    .bind("finishedAt", SqlTime.utc(at))
                    .bind("message", Run.INTERRUPTED)
                    .execute());
        }
        // Several processes, on several hosts, may share a PostgreSQL database: a run is only known to be
        // orphaned when its process ran on this host and is gone. A run of another host stays running until
        // a process on that host opens the database (or its pid is reused here: then it waits for that one).
        return jdbi.withHandle(handle -> {
            List<Orphan> candidates = handle.createQuery(
                            "SELECT id, pid FROM run WHERE status = 'RUNNING' " + "AND host = :host")
                    .bind("host", self.host())
                    .map((row, context) -> new Orphan(row.getLong("id"), row.getLong("pid")))
                    .list();
            int failed = 0;
            for (Orphan candidate : candidates) {
                if (!alive(candidate.pid())
                        && finish(handle, candidate.id(), Run.Status.FAILED, null, Run.INTERRUPTED, at)) {
                    failed++;
                }
            }
            return failed;
        });
    }

    private record Orphan(long id, long pid) {}

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Run run(ResultSet row, StatementContext context) throws SQLException {
        long resultId = row.getLong("result_id");
        Optional<Long> result = row.wasNull() ? Optional.empty() : Optional.of(resultId);
        OffsetDateTime finished = row.getObject("finished_at", OffsetDateTime.class);
        return new Run(
                row.getLong("id"),
                Run.Kind.valueOf(row.getString("kind")),
                row.getString("subject"),
                new RunOwner(row.getString("host"), row.getLong("pid")),
                SqlTime.instant(row, "started_at"),
                Run.Status.valueOf(row.getString("status")),
                Optional.ofNullable(finished).map(OffsetDateTime::toInstant),
                result,
                row.getString("message"));
    }
}
