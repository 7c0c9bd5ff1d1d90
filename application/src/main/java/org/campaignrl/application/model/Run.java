package org.campaignrl.application.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One ingest or training, whoever started it (a CLI command, a web job, scheduled retraining):
 * what it worked on, the process that ran it, and how it ended. {@code resultId} is the dataset or
 * model it made; {@code message} is empty while it runs, then says what came of it or why it failed.
 */
public record Run(
        long id,
        Kind kind,
        String subject,
        RunOwner owner,
        Instant startedAt,
        Status status,
        Optional<Instant> finishedAt,
        Optional<Long> resultId,
        String message) {

    /** Why a run that was still running when its process died is failed. */
    public static final String INTERRUPTED = "interrupted: the process ended before the run finished";

    public enum Kind {
        INGEST,
        TRAINING
    }

    /** CANCELLED: stopped on request (a job's cancel) before it stored anything. */
    public enum Status {
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED
    }

    public Run {
        if (kind == null
                || subject == null
                || owner == null
                || startedAt == null
                || status == null
                || message == null) {
            throw new IllegalArgumentException("a run needs a kind, a subject, an owner, a start, a status and a "
                    + "message (empty while it runs)");
        }
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
        resultId = resultId == null ? Optional.empty() : resultId;
        if (finishedAt.isPresent() == (status == Status.RUNNING)) {
            throw new IllegalArgumentException("a run has finished exactly when it is no longer running: " + status
                    + " with finishedAt " + finishedAt);
        }
        if (resultId.isPresent() && status != Status.SUCCEEDED) {
            throw new IllegalArgumentException("only a run that succeeded made something: " + status);
        }
    }

    /** A run just started. */
    public static Run started(long id, Kind kind, String subject, RunOwner owner, Instant startedAt) {
        return new Run(id, kind, subject, owner, startedAt, Status.RUNNING, Optional.empty(), Optional.empty(), "");
    }

    public Run succeeded(long madeId, String outcome, Instant at) {
        return new Run(
                id, kind, subject, owner, startedAt, Status.SUCCEEDED, Optional.of(at), Optional.of(madeId), outcome);
    }

    public Run failed(String reason, Instant at) {
        return new Run(id, kind, subject, owner, startedAt, Status.FAILED, Optional.of(at), Optional.empty(), reason);
    }

    public Run cancelled(String reason, Instant at) {
        return new Run(
                id, kind, subject, owner, startedAt, Status.CANCELLED, Optional.of(at), Optional.empty(), reason);
    }
}
