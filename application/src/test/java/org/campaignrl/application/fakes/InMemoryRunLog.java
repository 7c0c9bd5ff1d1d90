package org.campaignrl.application.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.model.RunOwner;
import org.campaignrl.application.port.out.RunLog;

/** Runs in a list, oldest first; ids count from 1; runs of this host whose process is gone are orphans. */
public final class InMemoryRunLog implements RunLog {
    /** This test process. */
    public static final RunOwner OWNER = new RunOwner("test-host", ProcessHandle.current().pid());

    private final List<Run> runs = new ArrayList<>();

    @Override
    public synchronized long start(Run.Kind kind, String subject, RunOwner owner, Instant startedAt) {
        runs.add(Run.started(runs.size() + 1, kind, subject, owner, startedAt));
        return runs.size();
    }

    @Override
    public synchronized boolean succeeded(long id, long resultId, String message, Instant finishedAt) {
        if (!running(id)) {
            return false;
        }
        runs.set((int) id - 1, runs.get((int) id - 1).succeeded(resultId, message, finishedAt));
        return true;
    }

    @Override
    public synchronized boolean failed(long id, String message, Instant finishedAt) {
        if (!running(id)) {
            return false;
        }
        runs.set((int) id - 1, runs.get((int) id - 1).failed(message, finishedAt));
        return true;
    }

    private boolean running(long id) {
        return id >= 1 && id <= runs.size() && runs.get((int) id - 1).status() == Run.Status.RUNNING;
    }

    @Override
    public synchronized List<Run> recent(int limit) {
        List<Run> newestFirst = new ArrayList<>(runs);
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst.subList(0, Math.min(Math.max(0, limit), newestFirst.size())));
    }

    @Override
    public synchronized int markInterrupted(RunOwner self, Instant at) {
        int failed = 0;
        for (Run run : List.copyOf(runs)) {
            if (run.status() == Run.Status.RUNNING && run.owner().host().equals(self.host())
                    && ProcessHandle.of(run.owner().pid()).isEmpty() && failed(run.id(), Run.INTERRUPTED, at)) {
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
