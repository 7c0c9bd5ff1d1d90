package org.campaignrl.application;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One piece of work on a daemon thread of its own, and its outcome: for the few steps of start-up that can
 * go on beside another (opening the database while the logs are read, say). {@link #join} gives the result,
 * or throws what the work threw, as it was thrown.
 */
public final class Background<T> {
    private final CompletableFuture<T> outcome = new CompletableFuture<>();

    private Background() {}

    public static <T> Background<T> start(String threadName, Supplier<T> work) {
        Background<T> background = new Background<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        background.outcome.complete(work.get());
                    } catch (Throwable e) {
                        background.outcome.completeExceptionally(e);
                    }
                },
                threadName);
        thread.setDaemon(true);
        thread.start();
        return background;
    }

    /** Work already done, with this result. */
    public static <T> Background<T> completed(T result) {
        Background<T> background = new Background<>();
        background.outcome.complete(result);
        return background;
    }

    /** Waits for the work; throws what it threw. */
    public T join() {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Whether the work has ended, either way. */
    public boolean done() {
        return outcome.isDone();
    }

    /** Whether the work has ended by throwing; false while it runs. */
    public boolean failed() {
        return outcome.isCompletedExceptionally();
    }
}
