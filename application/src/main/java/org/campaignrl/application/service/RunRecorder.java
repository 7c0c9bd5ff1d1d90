package org.campaignrl.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.campaignrl.application.Background;
import org.campaignrl.application.RunAbandonedException;
import org.campaignrl.application.RunCancelledException;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.model.RunOwner;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.RunLog;

/**
 * Records each ingest and training in the {@link RunLog} around the work itself: running, then
 * succeeded with what it made, or failed with why. It is also where a process that is shutting down
 * abandons its runs: after {@link #abandon}, the work stops at its next progress report (an ingest
 * reports every few megabytes it reads, a training every hundredth of its episodes) by throwing
 * {@link RunAbandonedException}, before anything is stored, and no new run starts. A run whose listener says it
 * is {@linkplain ProgressListener#cancelled() cancelled} stops the same way with {@link RunCancelledException},
 * recorded as cancelled with "cancelled: …". Work that is already
 * storing its result reports no more progress: it finishes.
 * <p>
 * Work that begins without the database ({@link #recordBesideWork}: an ingest reads the logs first) has its
 * run's first row written on a thread of its own meanwhile: writing it may wait for the database to open
 * (the composition root opens it in the background). Such a run is in the log a moment after it began (its
 * start time is when it began); its progress reports are held until then, so that work seen under way is in
 * the log and a process killed then leaves a trace, and it goes no further than its first stage (an ingest:
 * reading the userbase) before that: a run is unrecorded for a bounded part of its work. If that row cannot
 * be written, the work stops at its next progress report with the reason. Other work ({@link #record}: a training loads its dataset first) has its
 * row written before it starts, so that nothing else writes while it runs.
 */
public final class RunRecorder {
    private final RunLog runs;
    private final RunOwner owner;
    private final Clock clock;
    private volatile String abandoned;
    private int running;

    public RunRecorder(RunLog runs, RunOwner owner, Clock clock) {
        this.runs = runs;
        this.owner = owner;
        this.clock = clock;
    }

    /** What a run made (a dataset or model id) and the line that says so. */
    record Made(long id, String message) {}

    /**
     * Runs {@code work} as a recorded run, its first row written before, handing it a listener that reports
     * to {@code progress} and stops the work once the runs are abandoned. A failure is recorded, then thrown on.
     */
    <T> T record(
            Run.Kind kind,
            String subject,
            ProgressListener progress,
            Function<ProgressListener, T> work,
            Function<T, Made> made) {
        return record(kind, subject, progress, work, made, false);
    }

    /** The same, the run's first row written beside the work, for work that begins without the database. */
    <T> T recordBesideWork(
            Run.Kind kind,
            String subject,
            ProgressListener progress,
            Function<ProgressListener, T> work,
            Function<T, Made> made) {
        return record(kind, subject, progress, work, made, true);
    }

    private <T> T record(
            Run.Kind kind,
            String subject,
            ProgressListener progress,
            Function<ProgressListener, T> work,
            Function<T, Made> made,
            boolean besideWork) {
        synchronized (this) {
            running++;
        }
        try {
            Instant startedAt = clock.instant();
            Background<Long> started = besideWork
                    ? Background.start("run-log", () -> runs.start(kind, subject, owner, startedAt))
                    : Background.completed(runs.start(kind, subject, owner, startedAt));
            RecordedProgress watched = new RecordedProgress(started, progress);
            T result;
            try {
                stopIfAbandoned();
                result = work.apply(watched);
            } catch (RuntimeException | Error e) {
                try {
                    if (e instanceof RunCancelledException) {
                        runs.cancelled(started.join(), reason(e), clock.instant());
                    } else {
                        runs.failed(started.join(), reason(e), clock.instant());
                    }
                    watched.release();
                } catch (RuntimeException notRecorded) {
                    if (notRecorded != e) {
                        e.addSuppressed(notRecorded);
                    }
                }
                throw e;
            }
            long id = started.join();
            watched.release();
            Made outcome = made.apply(result);
            runs.succeeded(id, outcome.id(), outcome.message(), clock.instant());
            return result;
        } finally {
            synchronized (this) {
                running--;
                notifyAll();
            }
        }
    }

    /**
     * The work's progress, passed on once the run is in the log and held until then, so that work seen under
     * way is a recorded run; it also stops the work once the runs are abandoned, or when the run's row could
     * not be written.
     */
    private final class RecordedProgress implements ProgressListener {
        private final Background<Long> started;
        private final ProgressListener progress;
        private final List<Runnable> held = new ArrayList<>();
        private String firstStage;

        RecordedProgress(Background<Long> started, ProgressListener progress) {
            this.started = started;
            this.progress = progress;
        }

        @Override
        public synchronized void progress(String stage, long done, long total) {
            stopIfAbandoned();
            String cancelled = progress.cancelled();
            if (cancelled != null) {
                throw new RunCancelledException("cancelled: " + cancelled);
            }
            if (started.failed()) {
                started.join(); // throws why
            }
            if (firstStage == null) {
                firstStage = stage;
            } else if (!started.done() && !stage.equals(firstStage)) {
                started.join(); // past its first stage, the work waits for its run to be in the log
                stopIfAbandoned();
            }
            held.add(() -> progress.progress(stage, done, total));
            if (started.done()) {
                release();
            }
        }

        /** Passes on what was held; called once the run is in the log. */
        synchronized void release() {
            held.forEach(Runnable::run);
            held.clear();
        }
    }

    private void stopIfAbandoned() {
        String reason = abandoned;
        if (reason != null) {
            throw new RunAbandonedException(reason);
        }
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Stops the runs going on at their next progress report, and every later one before it starts;
     * each is recorded as failed with "abandoned: {@code why}". The first reason given stays.
     */
    public synchronized void abandon(String why) {
        if (abandoned == null) {
            abandoned = "abandoned: " + why;
        }
    }

    /**
     * Waits until no run is going on, at most {@code timeout}.
     *
     * @return false when one still was at the end
     */
    public synchronized boolean awaitNoneRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
