package org.campaignrl.adapters.db;

import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.out.RetrainingHistory;
import org.campaignrl.application.port.out.RunLog;
import org.jdbi.v3.core.Jdbi;

/** A database adapter over a database of the test's own, already migrated; the tables can be looked at. */
final class DatabaseFixture implements StorageFixture {
    private final TestDatabase database;
    private Storage storage;

    DatabaseFixture(TestDatabase database) {
        this.database = database;
        try {
            this.storage = Storage.open(database.url());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public DatasetRepository datasets() {
        return storage.datasets();
    }

    @Override
    public ModelRepository models() {
        return storage.models();
    }

    @Override
    public RetrainingHistory retrainingHistory() {
        return storage.retrainingHistory();
    }

    @Override
    public RunLog runs() {
        return storage.runs();
    }

    @Override
    public CampaignRepository campaigns() {
        return storage.campaigns();
    }

    @Override
    public String describe() {
        return storage.describe();
    }

    /** Closes the storage and opens the same database again, as the next command would. */
    void reopen() {
        storage.close();
        storage = Storage.open(database.url());
    }

    Jdbi jdbi() {
        return storage.jdbi();
    }

    long countRows(String table) {
        return jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Long.class)
                .one());
    }

    void execute(String sql) {
        jdbi().useHandle(handle -> handle.execute(sql));
    }

    @Override
    public void close() {
        storage.close();
        database.close();
    }
}
