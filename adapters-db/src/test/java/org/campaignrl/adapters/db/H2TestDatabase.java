package org.campaignrl.adapters.db;

import java.nio.file.Path;

/** The default H2 file database in a test's temporary folder, removed with the folder. */
record H2TestDatabase(Path dir) implements TestDatabase {
    @Override
    public String url() {
        return Storage.defaultH2Url(dir);
    }

    @Override
    public void close() {}
}
