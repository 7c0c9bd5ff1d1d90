package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.campaignrl.application.model.Run;
import org.junit.jupiter.api.Test;

class H2RunLogTest extends RunLogContract {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new DatabaseFixture(new H2TestDatabase(tempDir));
    }

    /** One process at a time holds an embedded H2 file: whatever still runs when it is opened has no process. */
    @Test
    void everyRunStillRunningIsOrphanedInADatabaseOneProcessHolds() throws Exception {
        long[] ids = runsOfLiveOrUnknownProcesses();

        assertEquals(ids.length, runs().markInterrupted(SELF, OPENED));

        for (long id : ids) {
            assertEquals(Run.started(id, run(id).kind(), run(id).subject(), run(id).owner(), STARTED)
                    .failed(Run.INTERRUPTED, OPENED), run(id));
        }
    }

    @Test
    void onlyAnEmbeddedDatabaseWithoutAnH2ServerIsHeldByOneProcess() {
        assertTrue(JdbiRunLog.heldByOneProcess(SqlDialect.H2, "jdbc:h2:file:/var/lib/campaign-rl"));
        assertTrue(JdbiRunLog.heldByOneProcess(SqlDialect.H2, "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"));
        assertFalse(JdbiRunLog.heldByOneProcess(SqlDialect.H2, "jdbc:h2:file:/var/lib/campaign-rl;AUTO_SERVER=TRUE"));
        assertFalse(JdbiRunLog.heldByOneProcess(SqlDialect.H2, "jdbc:h2:tcp://db.example/~/campaign-rl"));
        assertFalse(JdbiRunLog.heldByOneProcess(SqlDialect.POSTGRES, "jdbc:postgresql://127.0.0.1:5432/db"));
    }

    @Test
    void runsAreKeptAcrossReopening() {
        long id = runs().start(Run.Kind.INGEST, "logs in /srv", SELF, STARTED);
        runs().succeeded(id, 1, "dataset 1", FINISHED);

        ((DatabaseFixture) storage).reopen();

        assertEquals(Run.started(id, Run.Kind.INGEST, "logs in /srv", SELF, STARTED)
                .succeeded(1, "dataset 1", FINISHED), run(id));
    }
}
