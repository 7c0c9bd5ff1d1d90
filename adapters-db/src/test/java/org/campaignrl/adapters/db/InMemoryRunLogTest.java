package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.campaignrl.application.model.Run;
import org.junit.jupiter.api.Test;

class InMemoryRunLogTest extends RunLogContract {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new MemoryFixture();
    }

    @Test
    void runsOfLiveProcessesAndOfOtherHostsKeepRunning() throws Exception {
        long[] ids = runsOfLiveOrUnknownProcesses();

        assertEquals(0, runs().markInterrupted(SELF, OPENED));

        for (long id : ids) {
            assertEquals(Run.Status.RUNNING, run(id).status());
        }
    }
}
