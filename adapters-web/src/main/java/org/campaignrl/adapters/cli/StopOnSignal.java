package org.campaignrl.adapters.cli;

/**
 * While a command's ingest or training runs, SIGTERM (or Ctrl-C) stops it cleanly: the JVM runs this
 * hook, which abandons the run (it stops at its next progress report, storing nothing, recorded as
 * failed) and closes the database once the run has ended; the command then fails with the reason.
 * Without it the process would end mid-run and the run would only be found interrupted at the next open.
 */
final class StopOnSignal implements AutoCloseable {
    private final Thread hook;

    private StopOnSignal(Thread hook) {
        this.hook = hook;
    }

    /** Until closed, a shutdown of the JVM stops {@code session} saying {@code why}. */
    static StopOnSignal stopping(CliRuntime.Session session, String why) {
        Thread hook = new Thread(() -> session.stop(why), "stop-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        return new StopOnSignal(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running (or about to): it finishes the stop, and the JVM waits for it.
        }
    }
}
