package org.campaignrl.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.campaignrl.application.RunCancelledException;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.JobsUseCase;
import org.campaignrl.application.port.in.TrainModelUseCase;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;

/**
 * Runs ingests and trainings on one background thread, in the order submitted: two trainings at once
 * would only halve each other's speed on a small machine, and an ingest must not race a training that
 * reads the dataset it replaces. Closing takes no more jobs and waits a while for the one running; a
 * process that is stopping abandons it first ({@link RunRecorder#abandon}), so that it ends soon,
 * storing nothing.
 */
public final class JobService implements JobsUseCase, AutoCloseable {
    private final IngestLogsUseCase ingestLogs;
    private final TrainModelUseCase trainModel;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "campaign-rl-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong lastId = new AtomicLong();
    private final ConcurrentMap<Long, Job> jobs = new ConcurrentHashMap<>();

    public JobService(IngestLogsUseCase ingestLogs, TrainModelUseCase trainModel, Clock clock) {
        this.ingestLogs = ingestLogs;
        this.trainModel = trainModel;
        this.clock = clock;
    }

    @Override
    public JobView startIngest(IngestLogsCommand command) {
        return startIngest(command, () -> {});
    }

    @Override
    public JobView startIngest(IngestLogsCommand command, Runnable afterwards) {
        return submit(Kind.INGEST, afterwards, progress -> {
            var outcome = ingestLogs.ingest(command, progress);
            var summary = outcome.summary();
            long readOut = outcome.readouts().stream()
                    .filter(CampaignReadout::sendsFound)
                    .count();
            return new Result(
                    outcome.datasetId(),
                    String.format(
                                    Locale.ROOT,
                                    "dataset %d: %,d sends, %,d responded, %,d rows rejected",
                                    outcome.datasetId(),
                                    summary.sends(),
                                    summary.respondedSends(),
                                    summary.rowsRejected())
                            + (readOut == 0
                                    ? ""
                                    : String.format(
                                            Locale.ROOT,
                                            "; %d campaign plan%s read out",
                                            readOut,
                                            readOut == 1 ? "" : "s")));
        });
    }

    @Override
    public JobView startTraining(TrainModelCommand command) {
        return submit(Kind.TRAINING, () -> {}, progress -> {
            var outcome = trainModel.train(command, progress);
            return new Result(
                    outcome.modelId(),
                    String.format(
                            Locale.ROOT,
                            "model %d on dataset %d%s: %.1f %% of %,d episodes reached a goal",
                            outcome.modelId(),
                            outcome.datasetId(),
                            outcome.activated() ? ", activated" : "",
                            100 * outcome.stats().goalRate(),
                            outcome.stats().episodes()));
        });
    }

    @Override
    public Optional<JobView> job(long id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::view);
    }

    @Override
    public Optional<JobView> cancel(long id) {
        Job job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        job.cancel();
        return Optional.of(job.view());
    }

    @Override
    public List<JobView> jobs() {
        return jobs.values().stream()
                .map(Job::view)
                .sorted(Comparator.comparingLong(JobView::id).reversed())
                .toList();
    }

    /**
     * Takes no more jobs and waits, at most {@code timeout}, for those submitted to end. The worker is never
     * interrupted: an interrupt in the middle of a database write can break the connection, or an H2 file.
     *
     * @return false when a job was still running at the end (it goes on, on a daemon thread)
     */
    public boolean close(Duration timeout) throws InterruptedException {
        worker.shutdown();
        return worker.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes no more jobs; the one running, if any, goes on until it ends. */
    @Override
    public void close() {
        worker.shutdown();
    }

    private JobView submit(Kind kind, Runnable afterwards, Work work) {
        Job job = new Job(lastId.incrementAndGet(), kind, clock.instant(), afterwards);
        jobs.put(job.id, job);
        worker.submit(() -> job.run(work));
        return job.view();
    }

    @FunctionalInterface
    private interface Work {
        Result run(ProgressListener progress);
    }

    private record Result(long id, String outcome) {}

    /** A job's live state: written by the worker thread, read by any request thread through {@link #view()}. */
    private final class Job implements ProgressListener {
        final long id;
        final Kind kind;
        final Instant submitted;
        private State state = State.QUEUED;
        private String stage = "queued";
        private long done;
        private long total;
        private Instant finished;
        private long resultId;
        private String outcome = "";
        /** Set by {@link #cancel}; the work reads it at each progress report (see {@link #cancelled()}). */
        private volatile boolean cancelRequested;

        /** Run once when the job has ended, whatever the outcome; see {@link #ended()}. */
        private final Runnable afterwards;

        private final AtomicBoolean ended = new AtomicBoolean();

        Job(long id, Kind kind, Instant submitted, Runnable afterwards) {
            this.id = id;
            this.kind = kind;
            this.submitted = submitted;
            this.afterwards = afterwards;
        }

        void run(Work work) {
            synchronized (this) {
                if (state == State.CANCELLED) {
                    return;
                }
                state = State.RUNNING;
                stage = "starting";
            }
            try {
                Result result = work.run(this);
                finish(State.SUCCEEDED, result.id(), result.outcome());
            } catch (RunCancelledException e) {
                finish(State.CANCELLED, 0, "stopped before storing anything");
            } catch (RuntimeException | Error e) {
                finish(State.FAILED, 0, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } finally {
                ended();
            }
        }

        void cancel() {
            boolean neverStarted;
            synchronized (this) {
                neverStarted = state == State.QUEUED;
                if (neverStarted) {
                    finish(State.CANCELLED, 0, "before it started");
                } else if (state == State.RUNNING) {
                    cancelRequested = true;
                }
            }
            if (neverStarted) {
                ended(); // now, not when the worker reaches it
            }
        }

        private void ended() {
            if (ended.compareAndSet(false, true)) {
                afterwards.run();
            }
        }

        @Override
        public String cancelled() {
            return cancelRequested ? "the job was cancelled" : null;
        }

        @Override
        public synchronized void progress(String stage, long done, long total) {
            this.stage = stage;
            this.done = done;
            this.total = total;
        }

        private synchronized void finish(State endState, long resultId, String outcome) {
            this.state = endState;
            this.resultId = resultId;
            this.outcome = outcome;
            this.finished = clock.instant();
        }

        synchronized JobView view() {
            return new JobView(id, kind, state, stage, done, total, submitted, finished, resultId, outcome);
        }
    }
}
