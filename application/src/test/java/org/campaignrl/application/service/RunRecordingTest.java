package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.RunAbandonedException;
import org.campaignrl.application.memory.MemoryDatasetRepository;
import org.campaignrl.application.memory.MemoryModelRepository;
import org.campaignrl.application.memory.MemoryRunLog;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.model.RunOwner;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.JobsUseCase.JobView;
import org.campaignrl.application.port.in.JobsUseCase.State;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.RunLog;
import org.campaignrl.domain.Cells;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every ingest and training is a run in the log, however it ends; a stopping process abandons them cleanly. */
class RunRecordingTest {
    private static final String STOPPED = "the server was stopped";

    private final Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    private final MemoryDatasetRepository datasets = new MemoryDatasetRepository();
    private final MemoryModelRepository models = new MemoryModelRepository();
    private final MemoryRunLog log = new MemoryRunLog();
    private final RunRecorder runs = new RunRecorder(log, MemoryRunLog.OWNER, clock);
    private final TrainModelService training =
            new TrainModelService(datasets, models, new ActiveModel(models, datasets), runs, clock);

    /** Two goal cells (0.5 on 20 sends) and one responding cell. */
    private final Cells cells = Fixtures.CellsBuilder.on(Fixtures.space())
            .at(new int[] {12, 2, 1, 0, 3, 0, 1}, 20, 10)
            .at(new int[] {40, 5, 0, 1, 1, 1, 0}, 20, 10)
            .at(new int[] {12, 1, 0, 0, 0, 0, 0}, 4, 1)
            .build();

    private final IngestSummary summary = new IngestSummary(
            List.of(new FileSummary("sent_emails.csv", 44, 44, Map.of())), 2, 44, 21, 21, 0, null, null, "");

    @TempDir
    Path folder;

    private IngestLogsCommand ingest;

    @BeforeEach
    void writeLogs() throws IOException {
        ingest = IngestLogsCommand.inFolder(folder);
        for (Path file : List.of(ingest.sentEmails(), ingest.responded(), ingest.userbase())) {
            Files.writeString(file, "header\n");
        }
    }

    private IngestLogsService ingestReading(CampaignLogSource source) {
        return new IngestLogsService(source, datasets, runs, clock);
    }

    private static TrainModelCommand longTraining() {
        return TrainModelCommand.defaults()
                .withEpisodes(100_000_000)
                .withMaxSteps(30)
                .withStartedBy("alice");
    }

    /** The run of an ingest of the test's logs that made dataset {@code id}. */
    private Run succeededIngest(long id) {
        return Run.started(1, Run.Kind.INGEST, "logs in " + folder.toAbsolutePath(), MemoryRunLog.OWNER, Fixtures.NOW)
                .succeeded(id, "dataset " + id + ": 44 sends, 21 responded, 0 rows rejected", Fixtures.NOW);
    }

    @Test
    void anIngestIsRecordedWithTheDatasetItMade() {
        long id = ingestReading((files, split, rejects, progress) -> new AggregatedLogs(cells, summary))
                .ingest(ingest, ProgressListener.NONE)
                .datasetId();

        assertEquals(List.of(succeededIngest(id)), log.all());
    }

    @Test
    void theWorkBeginsWhileTheRunsFirstRowIsStillBeingWritten() {
        CountDownLatch workBegan = new CountDownLatch(1);
        RunLog slowToOpen = new DelegatingRunLog(log) {
            @Override
            public long start(Run.Kind kind, String subject, RunOwner owner, Instant startedAt) {
                await(workBegan); // a database still opening: the row waits, the work does not
                return super.start(kind, subject, owner, startedAt);
            }
        };
        long id = new IngestLogsService(
                        (files, split, rejects, progress) -> {
                            workBegan.countDown();
                            return new AggregatedLogs(cells, summary);
                        },
                        datasets,
                        new RunRecorder(slowToOpen, MemoryRunLog.OWNER, clock),
                        clock)
                .ingest(ingest, ProgressListener.NONE)
                .datasetId();

        assertEquals(List.of(succeededIngest(id)), log.all());
    }

    @Test
    void theWorkGoesNoFurtherThanItsFirstStageBeforeItsRunIsInTheLog() {
        CountDownLatch firstStageReported = new CountDownLatch(1);
        RunLog slowToOpen = new DelegatingRunLog(log) {
            @Override
            public long start(Run.Kind kind, String subject, RunOwner owner, Instant startedAt) {
                await(firstStageReported);
                return super.start(kind, subject, owner, startedAt);
            }
        };
        List<Integer> runsInTheLogAtTheSecondStage = new ArrayList<>();
        new IngestLogsService(
                        (files, split, rejects, progress) -> {
                            progress.progress("reading userbase.csv", 1, 2);
                            firstStageReported.countDown();
                            progress.progress("reading sent_emails.csv", 1, 2);
                            runsInTheLogAtTheSecondStage.add(log.all().size());
                            return new AggregatedLogs(cells, summary);
                        },
                        datasets,
                        new RunRecorder(slowToOpen, MemoryRunLog.OWNER, clock),
                        clock)
                .ingest(ingest, ProgressListener.NONE);

        assertEquals(List.of(1), runsInTheLogAtTheSecondStage);
    }

    @Test
    void aRunWhoseFirstRowCannotBeWrittenStopsAtItsNextProgressReportWithWhy() {
        IllegalStateException unopened = new IllegalStateException("cannot open H2 file x.mv.db: locked");
        RunLog unreachable = new DelegatingRunLog(log) {
            @Override
            public long start(Run.Kind kind, String subject, RunOwner owner, Instant startedAt) {
                throw unopened;
            }
        };
        AtomicInteger reports = new AtomicInteger();
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> new IngestLogsService(
                                (files, split, rejects, progress) -> {
                                    long deadline = System.nanoTime()
                                            + Duration.ofSeconds(10).toNanos();
                                    while (System.nanoTime() < deadline) {
                                        progress.progress("reading", reports.incrementAndGet(), Long.MAX_VALUE);
                                        Thread.onSpinWait();
                                    }
                                    throw new AssertionError("the work was not stopped");
                                },
                                datasets,
                                new RunRecorder(unreachable, MemoryRunLog.OWNER, clock),
                                clock)
                        .ingest(ingest, ProgressListener.NONE));

        assertEquals(unopened, thrown);
        assertTrue(reports.get() > 0);
        assertEquals(Optional.empty(), datasets.loadLatest());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the work never began while the run's row was being written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A run log that passes every call on; tests override what they change. */
    private static class DelegatingRunLog implements RunLog {
        private final RunLog log;

        DelegatingRunLog(RunLog log) {
            this.log = log;
        }

        @Override
        public long start(Run.Kind kind, String subject, RunOwner owner, Instant startedAt) {
            return log.start(kind, subject, owner, startedAt);
        }

        @Override
        public boolean succeeded(long id, long resultId, String message, Instant finishedAt) {
            return log.succeeded(id, resultId, message, finishedAt);
        }

        @Override
        public boolean failed(long id, String message, Instant finishedAt) {
            return log.failed(id, message, finishedAt);
        }

        @Override
        public boolean cancelled(long id, String message, Instant finishedAt) {
            return log.cancelled(id, message, finishedAt);
        }

        @Override
        public List<Run> recent(int limit) {
            return log.recent(limit);
        }

        @Override
        public int markInterrupted(RunOwner self, Instant at) {
            return log.markInterrupted(self, at);
        }
    }

    @Test
    void aRefusedIngestIsRecordedAsFailedWithTheReasonAndStoresNothing() {
        IngestRefusedException refused = assertThrows(
                IngestRefusedException.class,
                () -> ingestReading((files, split, rejects, progress) -> {
                            throw new IngestRefusedException(files.userbase().toString(), 0, "file not found");
                        })
                        .ingest(ingest, ProgressListener.NONE));

        Run run = log.all().get(0);
        assertEquals(Run.Status.FAILED, run.status());
        assertEquals(refused.getMessage(), run.message());
        assertEquals(Optional.empty(), datasets.loadLatest());
    }

    @Test
    void aTrainingIsRecordedWithTheModelItMadeAndAFailedOneWithWhy() {
        assertThrows(NotFoundException.class, () -> training.train(Fixtures.quickTraining(), ProgressListener.NONE));
        long datasetId = datasets.save(cells);
        long modelId = training.train(Fixtures.quickTraining().withStartedBy("bob"), ProgressListener.NONE)
                .modelId();

        List<Run> all = log.all();
        assertEquals(Run.Status.FAILED, all.get(0).status());
        assertEquals("no dataset yet: ingest campaign logs first", all.get(0).message());
        assertEquals(Run.Kind.TRAINING, all.get(1).kind());
        assertEquals(
                "the latest dataset, 300 episodes, seed 42, by bob", all.get(1).subject());
        assertEquals(Optional.of(modelId), all.get(1).resultId());
        assertTrue(
                all.get(1).message().startsWith("model " + modelId + " on dataset " + datasetId + ", activated: "),
                all.get(1).message());
    }

    @Test
    void anAbandonedTrainingStopsAtItsNextProgressReportStoringNothing() {
        datasets.save(cells);
        AtomicInteger reports = new AtomicInteger();
        ProgressListener stopAfterFirstReport = (stage, done, total) -> {
            reports.incrementAndGet();
            runs.abandon(STOPPED);
        };

        RunAbandonedException abandoned =
                assertThrows(RunAbandonedException.class, () -> training.train(longTraining(), stopAfterFirstReport));

        assertEquals("abandoned: " + STOPPED, abandoned.getMessage());
        assertEquals(1, reports.get());
        assertEquals(List.of(), models.list());
        assertEquals(Run.Status.FAILED, log.all().get(0).status());
        assertEquals("abandoned: " + STOPPED, log.all().get(0).message());
    }

    @Test
    void anAbandonedIngestStopsWhileReadingAndStoresNothing() {
        IngestLogsService service = ingestReading((files, split, rejects, progress) -> {
            progress.progress("reading sent_emails.csv", 1, 3);
            runs.abandon(STOPPED);
            progress.progress("reading sent_emails.csv", 2, 3);
            return new AggregatedLogs(cells, summary);
        });

        assertThrows(RunAbandonedException.class, () -> service.ingest(ingest, ProgressListener.NONE));

        assertEquals(Optional.empty(), datasets.loadLatest());
        assertEquals("abandoned: " + STOPPED, log.all().get(0).message());
    }

    @Test
    void onceAbandonedNoRunStartsAndTheFirstReasonStays() {
        runs.abandon(STOPPED);
        runs.abandon("something else");
        AtomicInteger reads = new AtomicInteger();

        assertThrows(
                RunAbandonedException.class,
                () -> ingestReading((files, split, rejects, progress) -> {
                            reads.incrementAndGet();
                            return new AggregatedLogs(cells, summary);
                        })
                        .ingest(ingest, ProgressListener.NONE));

        assertEquals(0, reads.get());
        assertEquals("abandoned: " + STOPPED, log.all().get(0).message());
    }

    @Test
    void waitingForRunsEndsWhenTheLastOneHas() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> ingestReading((files, split, rejects, progress) -> {
                    reading.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return new AggregatedLogs(cells, summary);
                })
                .ingest(ingest, ProgressListener.NONE));
        worker.start();
        reading.await();

        assertFalse(runs.awaitNoneRunning(Duration.ofMillis(20)), "a run is still reading");
        release.countDown();
        assertTrue(runs.awaitNoneRunning(Duration.ofMinutes(5)));
        worker.join();
        assertEquals(Run.Status.SUCCEEDED, log.all().get(0).status());
    }

    @Test
    void aBackgroundJobIsAbandonedWhenTheProcessStops() throws Exception {
        datasets.save(cells);
        JobService jobs = new JobService(
                ingestReading((files, split, rejects, progress) -> {
                    throw new IllegalStateException("not used");
                }),
                training,
                clock);
        JobView started = jobs.startTraining(longTraining());
        while (jobs.job(started.id()).orElseThrow().done() == 0) {
            Thread.onSpinWait();
        }

        runs.abandon(STOPPED);
        assertTrue(jobs.close(Duration.ofMinutes(5)), "the job did not end");

        JobView ended = jobs.job(started.id()).orElseThrow();
        assertEquals(State.FAILED, ended.state());
        assertEquals("abandoned: " + STOPPED, ended.outcome());
        assertEquals(List.of(), models.list());
        assertEquals("abandoned: " + STOPPED, log.all().get(0).message());
    }
}
