package org.campaignrl.adapters.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.campaignrl.adapters.serving.OpenDatabase;
import org.campaignrl.adapters.serving.ServeSettings;
import org.campaignrl.application.port.ProgressListener;

/**
 * What the CLI needs from the composition root: wired use cases over a database, the data generator, and the
 * serving process.
 */
public interface CliRuntime {

    /** The use cases over the database at {@code jdbcUrl}, or the default H2 file database when it is null. */
    Session open(String jdbcUrl);

    /** Writes a synthetic dataset; returns a one-line account of what was written. */
    String generate(Path outDir, int customers, long seed, ProgressListener progress) throws Exception;

    /** Where the bundled sample lives, ingested by {@code serve} on an empty database. */
    Path bundledSampleDir();

    /**
     * Serves the dashboard and the API over the database at {@code jdbcUrl} (as {@link #open}) until the process
     * is stopped; says what it does on {@code out}, the first model's making on {@code progress}.
     */
    void serve(String jdbcUrl, ServeSettings settings, PrintWriter out, ProgressListener progress)
            throws InterruptedException;

    interface Session extends OpenDatabase, AutoCloseable {
        @Override
        void close();
    }
}
