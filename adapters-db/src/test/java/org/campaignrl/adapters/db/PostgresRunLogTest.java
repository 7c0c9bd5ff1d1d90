package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.campaignrl.application.model.Run;
import org.junit.jupiter.api.Test;

class PostgresRunLogTest extends RunLogContract {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new DatabaseFixture(PostgresTestDatabase.createOrSkip());
    }

    /** Several servers, on several hosts, may share the database: only a run of this host whose process is gone is orphaned. */
    @Test
    void runsOfLiveProcessesAndOfOtherHostsKeepRunning() throws Exception {
        long[] ids = runsOfLiveOrUnknownProcesses();

        assertEquals(0, runs().markInterrupted(SELF, OPENED));

        for (long id : ids) {
            assertEquals(Run.Status.RUNNING, run(id).status());
        }
    }
}
