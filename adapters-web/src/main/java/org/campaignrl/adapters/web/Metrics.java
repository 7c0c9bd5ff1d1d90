package org.campaignrl.adapters.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.RunAbandonedException;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.port.in.IngestLogsUseCase;
import org.campaignrl.application.port.in.JobsUseCase;
import org.campaignrl.application.port.in.TrainModelUseCase;

/**
 * The server's Prometheus metrics (issue 16), served at {@code GET /api/v1/metrics} under the API's access rules:
 * <ul>
 *   <li>{@code http_server_requests_seconds} by method, route (the route's template, so a bounded set) and status,
 *       with a latency histogram;</li>
 *   <li>{@code campaignrl_ingests_seconds} and {@code campaignrl_trainings_seconds} by outcome (succeeded,
 *       refused, abandoned, failed): how many and how long; {@code campaignrl_ingest_rows_total} by result
 *       (accepted, rejected) of the ingests that stored a dataset;</li>
 *   <li>{@code campaignrl_served_model_version} and {@code campaignrl_served_model_figure} by name (the served
 *       model's quality figures), {@code campaignrl_jobs} by state (queued, running), and the database's
 *       connections in use and at most ({@code campaignrl_db_connections_active}, {@code _max}; NaN without a
 *       pool), and the JVM's memory and threads: read at each scrape.</li>
 * </ul>
 * Ingests and trainings are counted by wrapping their in-ports ({@link #counting}), which the composition root
 * hands to every caller: the CLI's commands in this process, background jobs, scheduled retraining.
 */
public final class Metrics {
    /** How the database's pool is seen: connections in use, and the most it opens (empty: no pool). */
    public record Pool(Supplier<OptionalInt> active, Supplier<OptionalInt> max) {
        public static final Pool NONE = new Pool(OptionalInt::empty, OptionalInt::empty);
    }

    private static final String ROWS = "Rows of the ingests that stored a dataset, by result";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
    private volatile boolean timeRequests = true;
    private final List<Runnable> beforeScrape = new ArrayList<>();
    /** Read at each scrape, from the same status as the figures. */
    private volatile double servedVersion = Double.NaN;

    private boolean jvmBound;

    /** Wraps the ingest in-port so that every ingest is timed by outcome and its rows counted. */
    public IngestLogsUseCase counting(IngestLogsUseCase ingest) {
        Counter accepted = Counter.builder("campaignrl_ingest_rows")
                .tag("result", "accepted")
                .description(ROWS)
                .register(registry);
        Counter rejected = Counter.builder("campaignrl_ingest_rows")
                .tag("result", "rejected")
                .description(ROWS)
                .register(registry);
        return (command, progress) -> {
            long start = System.nanoTime();
            String outcome = "failed";
            try {
                IngestLogsUseCase.IngestOutcome done = ingest.ingest(command, progress);
                outcome = "succeeded";
                IngestSummary summary = done.summary();
                rejected.increment(summary.rowsRejected());
                accepted.increment(summary.rowsRead() - summary.rowsRejected());
                return done;
            } catch (IngestRefusedException e) {
                outcome = "refused";
                throw e;
            } catch (RunAbandonedException e) {
                outcome = "abandoned";
                throw e;
            } finally {
                work("campaignrl_ingests", "Ingests by outcome", outcome, start);
            }
        };
    }

    /** Wraps the training in-port so that every training is timed by outcome. */
    public TrainModelUseCase counting(TrainModelUseCase train) {
        return (command, progress) -> {
            long start = System.nanoTime();
            String outcome = "failed";
            try {
                TrainModelUseCase.TrainOutcome done = train.train(command, progress);
                outcome = "succeeded";
                return done;
            } catch (RunAbandonedException e) {
                outcome = "abandoned";
                throw e;
            } finally {
                work("campaignrl_trainings", "Trainings by outcome", outcome, start);
            }
        };
    }

    private void work(String name, String description, String outcome, long start) {
        Timer.builder(name)
                .description(description)
                .tag("outcome", outcome)
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** The gauges read at each scrape: the served model, the jobs, the database's pool. */
    public void observe(CampaignRl app, Pool pool) {
        MultiGauge figures = MultiGauge.builder("campaignrl_served_model_figure")
                .description("The served model's quality figures, by name")
                .register(registry);
        Gauge.builder("campaignrl_served_model_version", this, metrics -> metrics.servedVersion)
                .description("Version (id) of the model served; NaN while none is")
                .register(registry);
        beforeScrape.add(() -> {
            Optional<ModelSummary> served = app.servingStatus().status().activeModel();
            servedVersion = served.map(m -> (double) m.id()).orElse(Double.NaN);
            figures.register(
                    served.map(m -> m.metrics().entrySet().stream()
                                    .map(e -> MultiGauge.Row.of(Tags.of("name", e.getKey()), e.getValue()))
                                    .toList())
                            .orElse(List.of()),
                    true);
        });
        for (JobsUseCase.State state : List.of(JobsUseCase.State.QUEUED, JobsUseCase.State.RUNNING)) {
            Gauge.builder(
                            "campaignrl_jobs",
                            app.jobs(),
                            jobs -> jobs.jobs().stream()
                                    .filter(job -> job.state() == state)
                                    .count())
                    .description("Background jobs by state")
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        // Gauges hold what they read weakly unless told: the pool's view is held by nothing else
        Gauge.builder("campaignrl_db_connections_max", pool, p -> orNaN(p.max().get()))
                .strongReference(true)
                .description("Most connections the database pool opens; NaN without a pool")
                .register(registry);
        Gauge.builder(
                        "campaignrl_db_connections_active",
                        pool,
                        p -> orNaN(p.active().get()))
                .strongReference(true)
                .description("Database connections in use; NaN without a pool")
                .register(registry);
    }

    private static double orNaN(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : Double.NaN;
    }

    /** Whether each request is timed; off only to measure what timing costs (serve --no-request-metrics). */
    public void timeRequests(boolean on) {
        timeRequests = on;
    }

    /** Javalin's request logger: called once per answered request with its time in milliseconds. */
    void request(Context ctx, float milliseconds) {
        if (!timeRequests) {
            return;
        }
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        String method = ctx.method().name();
        int status = ctx.statusCode();
        String key = method + ' ' + status + ' ' + route;
        Timer timer = requestTimers.get(key);
        if (timer == null) {
            timer = requestTimers.computeIfAbsent(
                    key,
                    k -> Timer.builder("http_server_requests")
                            .description("HTTP requests by method, route and status")
                            .tags("method", method, "route", route, "status", Integer.toString(status))
                            .publishPercentileHistogram()
                            .register(registry));
        }
        timer.record((long) (milliseconds * 1_000_000), TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text exposition of every metric, the scrape-time gauges read now. */
    public synchronized String scrape() {
        if (!jvmBound) {
            // on the first scrape, not at start: these read the JVM's management beans, whose loading a
            // restart would otherwise wait for (docs/performance.md)
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            jvmBound = true;
        }
        beforeScrape.forEach(Runnable::run);
        return registry.scrape();
    }
}
