package org.campaignrl.adapters.db;

import java.util.OptionalInt;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Where one {@link Storage} gets its connections, what to call that database in messages (never
 * with a password), how to let go of it, and its pool's connections in use and at most (empty: no pool).
 */
record ConnectionSource(
        DataSource dataSource, String description, Runnable release, Supplier<OptionalInt> inUse, OptionalInt max)
        implements AutoCloseable {
    ConnectionSource(DataSource dataSource, String description, Runnable release) {
        this(dataSource, description, release, OptionalInt::empty, OptionalInt.empty());
    }

    @Override
    public void close() {
        release.run();
    }
}
