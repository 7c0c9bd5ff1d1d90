package org.campaignrl.adapters.spark;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.campaignrl.application.port.ProgressListener;

/**
 * Spark's stages as the application's progress: each step of the ingest runs its Spark jobs in a job group of
 * its own, and the tasks finished of each of the group's stages reach the {@link ProgressListener} as
 * {@code "<step> (Spark stage N)"}, done of total tasks — on the thread that asked for the step, as the listener
 * expects, while another thread waits for Spark. A listener that throws (a cancelled or abandoned run) cancels
 * the step's Spark jobs, and its exception goes on; a Spark job that fails throws its cause.
 */
final class SparkProgress extends SparkListener {
    private static final String GROUP_PROPERTY = "spark.jobGroup.id";
    private static final String GROUP_PREFIX = "campaign-rl-ingest-";
    private static final AtomicLong GROUPS = new AtomicLong();

    /** What a group's waiting thread is told: a stage's tasks, or that the step ended. */
    private record Event(int stage, int done, int total, boolean end) {}

    private final SparkContext context;
    private final Map<String, BlockingQueue<Event>> queues = new ConcurrentHashMap<>();
    private final Map<Integer, String> groupOfStage = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> doneOfStage = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> tasksOfStage = new ConcurrentHashMap<>();
    private final ExecutorService steps = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "campaign-rl-spark-step");
        thread.setDaemon(true);
        return thread;
    });

    private SparkProgress(SparkContext context) {
        this.context = context;
    }

    static SparkProgress attach(SparkSession spark) {
        SparkProgress progress = new SparkProgress(spark.sparkContext());
        spark.sparkContext().addSparkListener(progress);
        return progress;
    }

    /** Runs {@code step}'s Spark jobs, reporting their stages to {@code listener}; answers what the step made. */
    <T> T run(String step, ProgressListener listener, Supplier<T> action) {
        String group = GROUP_PREFIX + GROUPS.incrementAndGet();
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        queues.put(group, events);
        Future<T> result = steps.submit(() -> {
            context.setJobGroup(group, step, true);
            try {
                return action.get();
            } finally {
                context.clearJobGroup();
                events.add(new Event(-1, 0, 0, true));
            }
        });
        try {
            listener.progress(step, 0, 1);
            for (Event event = events.take(); !event.end(); event = events.take()) {
                listener.progress(step + " (Spark stage " + event.stage() + ")", event.done(), event.total());
            }
            T made = result.get();
            listener.progress(step, 1, 1);
            return made;
        } catch (InterruptedException e) {
            context.cancelJobGroup(group);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Spark was " + step, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Spark failed " + step + ": " + e.getCause(), e.getCause());
        } catch (RuntimeException | Error stop) {
            context.cancelJobGroup(group);
            throw stop;
        } finally {
            queues.remove(group);
        }
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        String group =
                submitted.properties() == null ? null : submitted.properties().getProperty(GROUP_PROPERTY);
        if (group == null || !queues.containsKey(group)) {
            return;
        }
        int stage = submitted.stageInfo().stageId();
        groupOfStage.put(stage, group);
        doneOfStage.put(stage, new AtomicInteger());
        tasksOfStage.put(stage, submitted.stageInfo().numTasks());
        tell(group, new Event(stage, 0, submitted.stageInfo().numTasks(), false));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd ended) {
        int stage = ended.stageId();
        String group = groupOfStage.get(stage);
        AtomicInteger done = doneOfStage.get(stage);
        if (group != null && done != null) {
            tell(group, new Event(stage, done.incrementAndGet(), tasksOfStage.getOrDefault(stage, 1), false));
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted completed) {
        int stage = completed.stageInfo().stageId();
        String group = groupOfStage.remove(stage);
        doneOfStage.remove(stage);
        Integer tasks = tasksOfStage.remove(stage);
        if (group != null && tasks != null) {
            tell(group, new Event(stage, tasks, tasks, false));
        }
    }

    private void tell(String group, Event event) {
        BlockingQueue<Event> events = queues.get(group);
        if (events != null) {
            events.add(event);
        }
    }
}
