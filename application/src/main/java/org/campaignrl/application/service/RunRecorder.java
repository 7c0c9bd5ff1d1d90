package org.campaignrl.application.service;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.campaignrl.application.RunAbandonedException;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.model.RunOwner;
import org.campaignrl.application.port.out.ProgressListener;
import org.campaignrl.application.port.out.RunLog;

/**
 * Records each ingest and training in the {@link RunLog} around the work itself: running, then
 * succeeded with what it made, or failed with why. It is also where a process that is shutting down
 * abandons its runs: after {@link #abandon}, the work stops at its next progress report (an ingest
 * reports every few megabytes it reads, a training every hundredth of its episodes) by throwing
 * {@link RunAbandonedException}, before anything is stored, and no new run starts. Work that is already
 * storing its result reports no more progress: it finishes.
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
    record Made(long id, String message) {
    }

    /**
     * Runs {@code work} as a recorded run, handing it a listener that reports to {@code progress} and
     * stops the work once the runs are abandoned. A failure is recorded, then thrown on.
     */
    <T> T record(Run.Kind kind, String subject, ProgressListener progress, Function<ProgressListener, T> work,
                 Function<T, Made> made) {
        synchronized (this) {
            running++;
        }
        try {
            long id = runs.start(kind, subject, owner, clock.instant());
            T result;
            try {
                ProgressListener watched = (stage, done, total) -> {
                    stopIfAbandoned();
                    progress.progress(stage, done, total);
                };
                stopIfAbandoned();
                result = work.apply(watched);
            } catch (RuntimeException | Error e) {
                try {
                    runs.failed(id, reason(e), clock.instant());
                } catch (RuntimeException notRecorded) {
                    e.addSuppressed(notRecorded);
                }
                throw e;
            }
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
