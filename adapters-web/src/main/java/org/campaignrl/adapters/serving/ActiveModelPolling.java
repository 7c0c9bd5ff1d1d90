package org.campaignrl.adapters.serving;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.campaignrl.application.port.in.RefreshServingUseCase;
import org.campaignrl.application.port.in.RefreshServingUseCase.Refresh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a server's model in step with storage when several servers (or the CLI) share one
 * database: asks for the active model's id at a fixed delay on a daemon thread, and reloads when
 * it changed. Polling rather than LISTEN/NOTIFY: the same for H2 and PostgreSQL, one small query
 * a second, and nothing is lost if the connection drops between two polls.
 */
public final class ActiveModelPolling implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveModelPolling.class);
    static final Duration SHORTEST = Duration.ofMillis(100);

    private final RefreshServingUseCase refresh;
    private final ScheduledExecutorService scheduler;
    private volatile boolean failing;

    private ActiveModelPolling(RefreshServingUseCase refresh) {
        this.refresh = refresh;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "active-model-polling");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Polls every {@code every} (at least 100 ms) until closed. */
    public static ActiveModelPolling start(RefreshServingUseCase refresh, Duration every) {
        if (every.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("poll at most every " + SHORTEST.toMillis() + " ms, not " + every);
        }
        ActiveModelPolling polling = new ActiveModelPolling(refresh);
        polling.scheduler.scheduleWithFixedDelay(
                polling::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return polling;
    }

    /** One poll; a failure (the database away for a moment) keeps the current model and is logged once. */
    void poll() {
        try {
            Refresh result = refresh.refreshIfChanged();
            if (failing) {
                failing = false;
                LOG.info("storage answers again");
            }
            if (result.changed()) {
                LOG.info(
                        "now serving model {}, activated elsewhere",
                        result.servedModelId().isPresent()
                                ? result.servedModelId().getAsLong()
                                : "none");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn(
                        "cannot ask storage which model is active; serving the current one until it answers: {}",
                        e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
