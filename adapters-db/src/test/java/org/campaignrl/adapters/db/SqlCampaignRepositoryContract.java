package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.domain.campaign.Assignments;
import org.junit.jupiter.api.Test;

/** The campaign contract, and what the tables hold, for each database. */
abstract class SqlCampaignRepositoryContract extends CampaignRepositoryTest {

    /** H2 in {@code tempDir}, or a PostgreSQL schema. */
    abstract TestDatabase createDatabase(Path tempDir);

    @Override
    StorageFixture openStorage(Path tempDir) {
        return new DatabaseFixture(createDatabase(tempDir));
    }

    DatabaseFixture database() {
        return (DatabaseFixture) storage;
    }

    /** The layout V8__customers_and_campaigns.sql documents, read here without the adapter's code. */
    @Test
    void theAssignmentsAreChunksOfLittleEndianArraysInIdOrder() {
        Assignments given = assignments(40_000, 21);
        long id = campaigns().save(budgetPlan(dataset()), given);

        List<Object[]> rows = database()
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT chunk, "
                                + "customer_count, customer_ids, group_codes, send_days, probabilities FROM campaign_assignments "
                                + "WHERE plan_id = :id ORDER BY chunk")
                        .bind("id", id)
                        .map((row, context) -> new Object[] {
                            row.getInt("chunk"),
                            row.getInt("customer_count"),
                            row.getBytes("customer_ids"),
                            row.getBytes("group_codes"),
                            row.getBytes("send_days"),
                            row.getBytes("probabilities")
                        })
                        .list());

        int size = CustomerChunks.SIZE;
        assertEquals(List.of(0, 1, 2), rows.stream().map(row -> row[0]).toList());
        assertEquals(
                List.of(size, size, 40_000 - 2 * size),
                rows.stream().map(row -> row[1]).toList());
        int position = 0;
        for (Object[] row : rows) {
            ByteBuffer ids = ByteBuffer.wrap((byte[]) row[2]).order(ByteOrder.LITTLE_ENDIAN);
            byte[] groups = (byte[]) row[3];
            ByteBuffer days = ByteBuffer.wrap((byte[]) row[4]).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer probabilities = ByteBuffer.wrap((byte[]) row[5]).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < (int) row[1]; i++, position++) {
                assertEquals(given.customerId(position), ids.getInt());
                assertEquals(given.group(position).code(), groups[i]);
                assertEquals(given.sendEpochDay(position), days.getInt());
                assertEquals(given.probability(position), probabilities.getDouble());
            }
        }
        assertEquals(given.size(), position);
    }

    @Test
    void aPlanWhoseAssignmentsAreRefusedLeavesNothingBehind() {
        database().execute("ALTER TABLE campaign_assignments ADD CONSTRAINT test_small CHECK (customer_count < 10)");
        long dataset = dataset();

        assertThrows(RuntimeException.class, () -> campaigns().save(budgetPlan(dataset), assignments(40, 22)));

        assertEquals(0, database().countRows("campaign_plan"));
        assertEquals(0, database().countRows("campaign_assignments"));
        assertEquals(List.of(), campaigns().list());
    }

    @Test
    void aReadoutRefusedHalfwayLeavesNothingBehind() {
        database().execute("ALTER TABLE campaign_readout_calibration ADD CONSTRAINT test_one_bin CHECK (bin < 1)");
        long dataset = dataset();
        long id = campaigns().save(budgetPlan(dataset), assignments(40, 23));

        assertThrows(
                RuntimeException.class,
                () -> campaigns()
                        .saveReadout(new CampaignReadout(id, dataset, Instant.EPOCH, Optional.of(fullReadout()))));

        for (String table : List.of("campaign_readout", "campaign_readout_group", "campaign_readout_calibration")) {
            assertEquals(0, database().countRows(table), table);
        }
        assertEquals(List.of(), campaigns().readouts(id));
    }

    @Test
    void plansAndReadoutsAreThereAfterReopening() {
        long dataset = dataset();
        Assignments given = assignments(100, 24);
        long id = campaigns().save(budgetPlan(dataset), given);
        CampaignReadout readout = new CampaignReadout(id, dataset, Instant.EPOCH, Optional.of(fullReadout()));
        campaigns().saveReadout(readout);

        database().reopen();

        assertEquals(Optional.of(budgetPlan(dataset).withId(id)), campaigns().find(id));
        assertEquals(given, campaigns().loadAssignments(id));
        assertEquals(List.of(readout), campaigns().readouts(id));
    }
}
