package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.model.Run.Kind;
import org.campaignrl.application.model.RunOwner;
import org.campaignrl.application.port.out.RunLog;
import org.junit.jupiter.api.Test;

/** What any {@link RunLog} must do; one subclass per adapter (in memory, H2, PostgreSQL). */
abstract class RunLogContract extends RepositoryTest {
    static final Instant STARTED = Instant.parse("2024-06-01T02:00:00.123456Z");
    static final Instant FINISHED = STARTED.plusSeconds(90);
    static final Instant OPENED = STARTED.plusSeconds(3600);
    /** This process, on this host: alive for as long as the test runs. */
    static final RunOwner SELF =
            new RunOwner("this-host", ProcessHandle.current().pid());

    RunLog runs() {
        return storage.runs();
    }

    /** The run with this id, as the log lists it now. */
    Run run(long id) {
        return runs().recent(Integer.MAX_VALUE).stream()
                .filter(run -> run.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** A process of this host that has ended: its pid names no living process. */
    static RunOwner endedProcessOnThisHost() throws IOException, InterruptedException {
        Process ended = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        ended.waitFor();
        return new RunOwner(SELF.host(), ended.pid());
    }

    @Test
    void runsComeBackNewestFirstWithHowTheyEnded() {
        assertEquals(List.of(), runs().recent(10));
        RunOwner other = new RunOwner("another-host.example", 4242);
        long ingest = runs().start(Kind.INGEST, "logs in /srv/ünïcödé 'quoted'", SELF, STARTED);
        long training = runs().start(
                        Kind.TRAINING, "the latest dataset, 20,000 episodes, seed 42", other, STARTED.plusSeconds(1));
        long refused = runs().start(Kind.INGEST, "logs in /srv/bad", SELF, STARTED.plusSeconds(2));

        assertTrue(runs().succeeded(ingest, 7, "dataset 7: 1,000 sends", FINISHED));
        assertTrue(runs().failed(refused, "/srv/bad/userbase.csv: file not found", FINISHED.plusSeconds(1)));

        Run ingested = Run.started(ingest, Kind.INGEST, "logs in /srv/ünïcödé 'quoted'", SELF, STARTED)
                .succeeded(7, "dataset 7: 1,000 sends", FINISHED);
        Run stillRunning = Run.started(
                training, Kind.TRAINING, "the latest dataset, 20,000 episodes, seed 42", other, STARTED.plusSeconds(1));
        Run failed = Run.started(refused, Kind.INGEST, "logs in /srv/bad", SELF, STARTED.plusSeconds(2))
                .failed("/srv/bad/userbase.csv: file not found", FINISHED.plusSeconds(1));
        assertEquals(List.of(failed, stillRunning, ingested), runs().recent(10));
        assertEquals(List.of(failed), runs().recent(1));
        assertEquals(List.of(), runs().recent(0));
    }

    @Test
    void aRunEndsOnceAndAnUnknownRunNotAtAll() {
        long id = runs().start(Kind.TRAINING, "dataset 1", SELF, STARTED);
        assertTrue(runs().failed(id, "abandoned: the server was stopped", FINISHED));

        assertFalse(runs().succeeded(id, 3, "model 3", FINISHED.plusSeconds(5)));
        assertFalse(runs().failed(id, "something else", FINISHED.plusSeconds(5)));
        assertFalse(runs().succeeded(id + 1000, 3, "model 3", FINISHED));
        assertFalse(runs().failed(id + 1000, "no such run", FINISHED));

        assertEquals(
                Run.started(id, Kind.TRAINING, "dataset 1", SELF, STARTED)
                        .failed("abandoned: the server was stopped", FINISHED),
                run(id));
        assertEquals(1, runs().recent(10).size());
    }

    @Test
    void aCancelledRunSaysSoAndEndsOnce() {
        long id = runs().start(Kind.INGEST, "logs in /srv/logs", SELF, STARTED);
        assertTrue(runs().cancelled(id, "cancelled: the job was cancelled", FINISHED));

        assertFalse(runs().failed(id, "something else", FINISHED.plusSeconds(5)));
        assertFalse(runs().cancelled(id, "again", FINISHED.plusSeconds(5)));
        assertFalse(runs().cancelled(id + 1000, "no such run", FINISHED));
        assertEquals(
                Run.started(id, Kind.INGEST, "logs in /srv/logs", SELF, STARTED)
                        .cancelled("cancelled: the job was cancelled", FINISHED),
                run(id));
        assertEquals(Run.Status.CANCELLED, run(id).status());
    }

    @Test
    void aRunWhoseProcessEndedIsFailedAsInterruptedAndFinishedRunsStayAsTheyWere() throws Exception {
        RunOwner ended = endedProcessOnThisHost();
        long orphan = runs().start(Kind.INGEST, "logs in /srv/big", ended, STARTED);
        long done = runs().start(Kind.INGEST, "logs in /srv/small", ended, STARTED);
        runs().succeeded(done, 1, "dataset 1", FINISHED);
        long failedBefore = runs().start(Kind.TRAINING, "dataset 1", ended, STARTED);
        runs().failed(failedBefore, "no dataset yet", FINISHED);

        assertEquals(1, runs().markInterrupted(SELF, OPENED));

        assertEquals(
                Run.started(orphan, Kind.INGEST, "logs in /srv/big", ended, STARTED)
                        .failed(Run.INTERRUPTED, OPENED),
                run(orphan));
        assertEquals(Run.Status.SUCCEEDED, run(done).status());
        assertEquals(FINISHED, run(done).finishedAt().orElseThrow());
        assertEquals("no dataset yet", run(failedBefore).message());
        assertEquals(0, runs().markInterrupted(SELF, OPENED.plusSeconds(1)), "marked twice");
        assertFalse(
                runs().succeeded(orphan, 2, "dataset 2", OPENED.plusSeconds(2)),
                "a run marked interrupted cannot succeed afterwards");
    }

    /**
     * Starts a run of this (living) process, and one of another host's process whose pid, here, names
     * no living process: this host cannot tell whether it still runs there. Their ids.
     */
    long[] runsOfLiveOrUnknownProcesses() throws IOException, InterruptedException {
        RunOwner elsewhere =
                new RunOwner("another-host.example", endedProcessOnThisHost().pid());
        return new long[] {
            runs().start(Kind.TRAINING, "dataset 1", SELF, STARTED),
            runs().start(Kind.INGEST, "logs in /srv", elsewhere, STARTED)
        };
    }
}
