package org.campaignrl.adapters.db;

import javax.sql.DataSource;

/**
 * Where one {@link Storage} gets its connections, what to call that database in messages (never
 * with a password), and how to let go of it.
 */
record ConnectionSource(DataSource dataSource, String description, Runnable release) implements AutoCloseable {
    @Override
    public void close() {
        release.run();
    }
}
