package org.campaignrl.adapters.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.port.out.ProgressListener;

/** What the CLI needs from the composition root: wired use cases over a database, and the data generator. */
public interface CliRuntime {

    /** The use cases over the database at {@code jdbcUrl}, or the default H2 file database when it is null. */
    Session open(String jdbcUrl);

    /** Writes a synthetic dataset; returns a one-line account of what was written. */
    String generate(Path outDir, Generation generation, ProgressListener progress) throws Exception;

    /** The generator's starting points; the data module holds their figures. */
    enum GeneratorPreset {
        GENERATOR, REAL_SHAPED;

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
    record Generation(GeneratorPreset preset, OptionalInt customers, long seed, Optional<String> order,
            OptionalDouble sendsPerCustomer, OptionalDouble responderShare,
            OptionalDouble responseRowsPerResponder) {
    }

    /** Where the bundled sample lives, ingested by {@code serve} on an empty database. */
    Path bundledSampleDir();

    interface Session extends AutoCloseable {
        CampaignRl app();

        /** Which database, for people: "H2 file …" or "PostgreSQL …". */
        String storage();

        /** The process's metrics: its ingests and trainings counted, for the server to serve. */
        org.campaignrl.adapters.web.Metrics metrics();

        /** Whether this session made its database, so that it is known to be empty without asking it. */
        boolean databaseIsNew();

        /**
         * Stops cleanly, for a process that is shutting down: the ingest or training running (a command's,
         * a background job's, scheduled retraining's) stops at its next progress report, storing nothing,
         * and is recorded as failed, "abandoned: {@code why}"; then, once it has ended or a bounded wait
         * has passed, closes the database. Later runs are refused.
         */
        void stop(String why);

        @Override
        void close();
    }
}
