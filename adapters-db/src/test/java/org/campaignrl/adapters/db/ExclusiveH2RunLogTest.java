package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.campaignrl.application.model.Run;
import org.junit.jupiter.api.Test;

/** An H2 file with the mixed mode turned off (AUTO_SERVER=FALSE): one process at a time holds it. */
class ExclusiveH2RunLogTest extends RunLogContract {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new DatabaseFixture(new TestDatabase() {
            @Override
            public String url() {
                return Storage.defaultH2Url(tempDir) + ";AUTO_SERVER=FALSE";
            }

            @Override
            public void close() {}
        });
    }

    /** Whatever still runs when such a file is opened has no process any more. */
    @Test
    void everyRunStillRunningIsOrphanedInADatabaseOneProcessHolds() throws Exception {
        long[] ids = runsOfLiveOrUnknownProcesses();

        assertEquals(ids.length, runs().markInterrupted(SELF, OPENED));

        for (long id : ids) {
            assertEquals(
                    Run.started(id, run(id).kind(), run(id).subject(), run(id).owner(), STARTED)
                            .failed(Run.INTERRUPTED, OPENED),
                    run(id));
        }
    }
}
