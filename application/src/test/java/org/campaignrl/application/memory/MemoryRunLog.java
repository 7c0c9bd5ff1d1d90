package org.campaignrl.application.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.model.RunOwner;
import org.campaignrl.application.port.out.RunLog;

/** Runs in a list, oldest first; ids count from 1. */
public final class MemoryRunLog implements RunLog {
    /** The process tests record their runs as. */
    public static final RunOwner OWNER =
            new RunOwner("test-host", ProcessHandle.current().pid());

    private final List<Run> runs = new ArrayList<>();

    @Override
    public synchronized long start(Run.Kind kind, String subject, RunOwner owner, Instant startedAt) {
        long id = runs.size() + 1;
        runs.add(Run.started(id, kind, subject, owner, startedAt));
        return id;
    }

    @Override
    public synchronized boolean succeeded(long id, long resultId, String message, Instant finishedAt) {
        Run run = running(id);
        if (run == null) {
            return false;
        }
        runs.set((int) id - 1, run.succeeded(resultId, message, finishedAt));
        return true;
    }

    @Override
    public synchronized boolean failed(long id, String message, Instant finishedAt) {
        Run run = running(id);
        if (run == null) {
            return false;
        }
        runs.set((int) id - 1, run.failed(message, finishedAt));
        return true;
    }

    @Override
    public synchronized boolean cancelled(long id, String message, Instant finishedAt) {
        Run run = running(id);
        if (run == null) {
            return false;
        }
        runs.set((int) id - 1, run.cancelled(message, finishedAt));
        return true;
    }

    private Run running(long id) {
        if (id < 1 || id > runs.size()) {
            return null;
        }
        Run run = runs.get((int) id - 1);
        return run.status() == Run.Status.RUNNING ? run : null;
    }

    @Override
    public synchronized List<Run> recent(int limit) {
        List<Run> newestFirst = new ArrayList<>(runs);
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst.subList(0, Math.min(Math.max(0, limit), newestFirst.size())));
    }

    /** As for a shared database: only runs of this host whose process is gone (no one else can tell). */
    @Override
    public synchronized int markInterrupted(RunOwner self, Instant at) {
        int failed = 0;
        for (Run run : List.copyOf(runs)) {
            if (run.status() == Run.Status.RUNNING
                    && run.owner().host().equals(self.host())
                    && !ProcessHandle.of(run.owner().pid())
                            .map(ProcessHandle::isAlive)
                            .orElse(false)) {
                failed(run.id(), Run.INTERRUPTED, at);
                failed++;
            }
        }
        return failed;
    }

    /** Every run, oldest first. */
    public synchronized List<Run> all() {
        return List.copyOf(runs);
    }
}
