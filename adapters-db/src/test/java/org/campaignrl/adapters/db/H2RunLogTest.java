package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.campaignrl.application.model.Run;
import org.junit.jupiter.api.Test;

/** The default H2 file, which other processes share through H2's mixed mode: it keeps a living process's runs. */
class H2RunLogTest extends SharedDatabaseRunLogContract {
    @Override
    StorageFixture openStorage(Path tempDir) {
        return new DatabaseFixture(new H2TestDatabase(tempDir));
    }

    @Test
    void onlyAnEmbeddedDatabaseWithoutAnH2ServerIsHeldByOneProcess() {
        assertFalse(
                JdbiRunLog.heldByOneProcess(SqlDialect.H2, "jdbc:h2:file:/var/lib/campaign-rl"),
                "a file is shared through H2's mixed mode by default");
        assertTrue(JdbiRunLog.heldByOneProcess(SqlDialect.H2, "jdbc:h2:file:/var/lib/campaign-rl;AUTO_SERVER=FALSE"));
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

        assertEquals(
                Run.started(id, Run.Kind.INGEST, "logs in /srv", SELF, STARTED).succeeded(1, "dataset 1", FINISHED),
                run(id));
    }
}
