package org.campaignrl.adapters.db;

/** A database of its own for one test: its URL, and dropping it afterwards. */
interface TestDatabase extends AutoCloseable {
    String url();

    @Override
    void close();
}
