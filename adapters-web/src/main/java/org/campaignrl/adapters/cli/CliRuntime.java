package org.campaignrl.adapters.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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
    String generate(Path outDir, Generation generation, ProgressListener progress) throws Exception;

    /**
     * Writes the logs a send list would bring back under a generated dataset's truth (the generator's answer to a
     * plan); returns a one-line account of what was written.
     */
    String answerPlan(Path sendList, Path truth, Path userbase, Path outDir, long seed) throws Exception;

    /** The generator's starting points; the data module holds their figures. */
    enum GeneratorPreset {
        GENERATOR,
        REAL_SHAPED;

        /** "generator" or "real-shaped", any case. */
        public static GeneratorPreset parse(String text) {
            for (GeneratorPreset preset : values()) {
                if (preset.name().replace('_', '-').equalsIgnoreCase(text.trim())) {
                    return preset;
                }
            }
            throw new IllegalArgumentException("the preset must be generator or real-shaped: " + text);
        }
    }

    /** What {@code generate} was asked for: a preset, and whatever the command line overrides of it. */
    record Generation(
            GeneratorPreset preset,
            OptionalInt customers,
            long seed,
            Optional<String> order,
            OptionalDouble sendsPerCustomer,
            OptionalDouble responderShare,
            OptionalDouble responseRowsPerResponder) {}

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
