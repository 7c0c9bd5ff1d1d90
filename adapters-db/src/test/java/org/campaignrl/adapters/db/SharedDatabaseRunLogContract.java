package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.campaignrl.application.model.Run;
import org.junit.jupiter.api.Test;

/**
 * A run log over a database that several servers, on several hosts, may share (PostgreSQL; the in-memory log
 * behaves alike): only a run of this host whose process is gone is orphaned.
 */
abstract class SharedDatabaseRunLogContract extends RunLogContract {
    @Test
    void runsOfLiveProcessesAndOfOtherHostsKeepRunning() throws Exception {
        long[] ids = runsOfLiveOrUnknownProcesses();

        assertEquals(0, runs().markInterrupted(SELF, OPENED));

        for (long id : ids) {
            assertEquals(Run.Status.RUNNING, run(id).status());
        }
    }
}
