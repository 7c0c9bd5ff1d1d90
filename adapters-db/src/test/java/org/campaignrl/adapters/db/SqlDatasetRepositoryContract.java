package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.Test;

/** The dataset contract, and what the tables hold, for each database. */
abstract class SqlDatasetRepositoryContract extends DatasetRepositoryContract {

    /** H2 in {@code tempDir}, or a PostgreSQL schema. */
    abstract TestDatabase createDatabase(Path tempDir);

    @Override
    StorageFixture openStorage(Path tempDir) {
        return new DatabaseFixture(createDatabase(tempDir));
    }

    DatabaseFixture database() {
        return (DatabaseFixture) storage;
    }

    @Test
    void aDatasetWithoutSplitHasNoHeldOutRow() {
        datasets().save(TestData.logs(), TestData.CREATED);

        assertEquals(
                List.of("training"),
                database()
                        .jdbi()
                        .withHandle(handle -> handle.createQuery("SELECT part FROM dataset_cells")
                                .mapTo(String.class)
                                .list()));
    }

    @Test
    void aDatasetWithNothingAcceptedHasNoCellRow() {
        datasets().save(TestData.emptyLogs(), TestData.CREATED);

        assertEquals(0, database().countRows("dataset_cells"));
    }

    @Test
    void aDomainWithALineBreakIsRefusedBeforeAnythingIsStored() {
        StateSpace space = new StateSpace(new int[] {1}, List.of("broken\nexample.com"));
        AggregatedLogs logs = new AggregatedLogs(TestData.cells(space, 5), TestData.summary());

        assertThrows(IllegalArgumentException.class, () -> datasets().save(logs, TestData.CREATED));

        assertEquals(0, database().countRows("dataset"));
    }

    /** The layout V5__cells_as_columns.sql documents, read here without the adapter's code. */
    @Test
    void theCellsSentToAreOneRowOfLittleEndianArraysInStateOrder() {
        Cells cells = TestData.logs().cells();
        long id = datasets().save(TestData.logs(), TestData.CREATED);

        Map<String, Object> row = database()
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT cell_count, states, sends, responses FROM dataset_cells WHERE dataset_id = :id "
                                        + "AND part = 'training'")
                        .bind("id", id)
                        .map((result, context) -> Map.<String, Object>of(
                                "count",
                                result.getInt("cell_count"),
                                "states",
                                result.getBytes("states"),
                                "sends",
                                result.getBytes("sends"),
                                "responses",
                                result.getBytes("responses")))
                        .one());

        ByteBuffer states = ByteBuffer.wrap((byte[]) row.get("states")).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer sends = ByteBuffer.wrap((byte[]) row.get("sends")).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer responses = ByteBuffer.wrap((byte[]) row.get("responses")).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(cells.nonEmptyCount(), row.get("count"));
        assertEquals(cells.nonEmptyCount() * 4, states.capacity());
        assertEquals(cells.nonEmptyCount() * 8, sends.capacity());
        assertEquals(cells.nonEmptyCount() * 8, responses.capacity());
        for (int state = 0; state < cells.space().size(); state++) {
            if (cells.sends(state) > 0) {
                assertEquals(state, states.getInt());
                assertEquals(cells.sends(state), sends.getLong());
                assertEquals(cells.responses(state), responses.getLong());
            }
        }
    }

    /** The layout V8__customers_and_campaigns.sql documents, read here without the adapter's code. */
    @Test
    void theCustomersAreChunksOfLittleEndianArraysWithTheAddressesAsUtf8() {
        DatasetCustomers customers = TestData.customers(40_000, 6);
        long id = datasets().save(TestData.logs().withCustomers(customers), TestData.CREATED);

        List<Object[]> rows = database()
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT chunk, "
                                + "customer_count, customer_ids, codes, address_ends, addresses FROM dataset_customers "
                                + "WHERE dataset_id = :id ORDER BY chunk")
                        .bind("id", id)
                        .map((row, context) -> new Object[] {
                            row.getInt("chunk"),
                            row.getInt("customer_count"),
                            row.getBytes("customer_ids"),
                            row.getBytes("codes"),
                            row.getBytes("address_ends"),
                            row.getBytes("addresses")
                        })
                        .list());

        int size = CustomerChunks.SIZE;
        assertEquals(List.of(0, 1, 2), rows.stream().map(row -> row[0]).toList());
        assertEquals(
                List.of(size, size, 40_000 - 2 * size),
                rows.stream().map(row -> row[1]).toList());
        byte[] allCodes = customers.profiles().codes();
        int position = 0;
        for (Object[] row : rows) {
            ByteBuffer ids = ByteBuffer.wrap((byte[]) row[2]).order(ByteOrder.LITTLE_ENDIAN);
            byte[] codes = (byte[]) row[3];
            ByteBuffer ends = ByteBuffer.wrap((byte[]) row[4]).order(ByteOrder.LITTLE_ENDIAN);
            byte[] addresses = (byte[]) row[5];
            int start = 0;
            for (int i = 0; i < (int) row[1]; i++, position++) {
                assertEquals(customers.profiles().id(position), ids.getInt());
                for (int code = 0; code < 5; code++) {
                    assertEquals(allCodes[position * 5 + code], codes[i * 5 + code]);
                }
                int end = ends.getInt();
                assertEquals(
                        customers.emailAddress(position),
                        new String(addresses, start, end - start, java.nio.charset.StandardCharsets.UTF_8));
                start = end;
            }
            assertEquals(addresses.length, start);
        }
        assertEquals(customers.size(), position);
    }

    @Test
    void damagedCustomersAreSaidToBeSoNamingTheChunkAndNoAddress() {
        long id = datasets().save(TestData.logs().withCustomers(TestData.customers(20_000, 8)), TestData.CREATED);
        database().execute("UPDATE dataset_customers SET customer_count = 5 WHERE chunk = 1");

        IllegalStateException profiles =
                assertThrows(IllegalStateException.class, () -> datasets().profiles(id));
        IllegalStateException export = assertThrows(IllegalStateException.class, () -> {
            try (var addresses = datasets().addresses(id)) {
                addresses.forEach(address -> {});
            }
        });

        String expected =
                "the customers of dataset " + id + " are damaged: chunk 1 does not hold the 5 customers it says";
        assertEquals(expected, profiles.getMessage());
        assertEquals(expected, export.getMessage());
    }

    @Test
    void aSaveWhoseCustomersAreRefusedLeavesNothingBehind() {
        // The customers go in last; a chunk the database refuses must take the dataset back out.
        database().execute("ALTER TABLE dataset_customers ADD CONSTRAINT test_one_chunk CHECK (chunk < 1)");

        assertThrows(
                RuntimeException.class,
                () -> datasets()
                        .save(
                                TestData.logs().withCustomers(TestData.customers(40_000, 7)),
                                TestData.inputs(),
                                TestData.CREATED));

        for (String table : List.of("dataset", "dataset_file", "dataset_input", "dataset_cells", "dataset_customers")) {
            assertEquals(0, database().countRows(table), table);
        }
    }

    @Test
    void theChecksumsAreReadableInSql() {
        long id = datasets().save(TestData.logs(), TestData.inputs(), TestData.CREATED);

        List<String> rows = database()
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT role || ' ' || sha256 "
                                + "FROM dataset_input WHERE dataset_id = :id ORDER BY position")
                        .bind("id", id)
                        .mapTo(String.class)
                        .list());

        assertEquals(
                TestData.inputs().stream()
                        .map(input -> input.role() + " " + input.sha256())
                        .toList(),
                rows);
    }

    @Test
    void aSaveThatFailsHalfwayLeavesNothingBehind() {
        // The dataset, file and input rows go in before the cells; cells the database refuses must take them back out.
        database().execute("ALTER TABLE dataset_cells ADD CONSTRAINT test_few_cells CHECK (cell_count < 100)");
        AggregatedLogs refused = TestData.logs();
        assertTrue(refused.cells().nonEmptyCount() >= 100);

        assertThrows(RuntimeException.class, () -> datasets().save(refused, TestData.inputs(), TestData.CREATED));

        for (String table : List.of("dataset", "dataset_file", "dataset_rejection", "dataset_input", "dataset_cells")) {
            assertEquals(0, database().countRows(table), table);
        }
        assertTrue(datasets().loadLatest().isEmpty());
    }

    /**
     * A database at version 3, cells stored one row each as before V5, with datasets of every kind: after the
     * upgrade each loads back with the cells it had, the columns hold what this program writes itself, and the
     * old tables are gone.
     */
    @Test
    void theCellsOfAVersion3DatabaseComeThroughTheUpgradeIntact() {
        // Ids and domains that contain one another, odd characters, the empty domain; over 65 536 states, so that
        // a state index needs three bytes; counts that need all eight.
        StateSpace unusual = new StateSpace(
                new int[] {Integer.MAX_VALUE, 0, -4, 1, 12, 2, 21, 3, 13, 4, 5, 6},
                List.of(
                        "mail.com",
                        "gmail.com",
                        "odd,domain.com",
                        "",
                        "xn--bcher-kva.example",
                        "ünïcödé.de",
                        "a'b.com",
                        "mail.co"));
        Cells large = sparseWithHugeCounts(unusual, 3);
        Cells heldOut = sparseWithHugeCounts(unusual, 4);
        List<AggregatedLogs> datasets = List.of(
                TestData.logs(),
                new AggregatedLogs(large, Optional.of(heldOut), SendSplit.randomPairs(0.3, 9), TestData.summary()),
                TestData.emptyLogs(),
                new AggregatedLogs(
                        TestData.cells(TestData.smallSpace(), 4),
                        Optional.of(CellColumns.none(TestData.smallSpace())),
                        SendSplit.byDate(LocalDate.of(2016, 3, 1)),
                        TestData.summary()));
        assertTrue(unusual.size() > 65_536);

        TestDatabase old = createDatabase(tempDir.resolve("version-3"));
        List<Long> ids = new ArrayList<>();
        ConnectionSource connections = SqlDialect.of(old.url()).connect(old.url());
        try {
            Jdbi jdbi = Jdbi.create(connections.dataSource()).setTemplateEngine(TemplateEngine.NOP);
            Migrations.apply(
                    jdbi,
                    SqlDialect.of(old.url()),
                    "version 3",
                    Migrations.all().subList(0, 3));
            jdbi.useTransaction(handle -> datasets.forEach(logs -> ids.add(Version3Layout.insert(handle, logs))));
        } finally {
            connections.close();
        }

        try (Storage upgraded = Storage.open(old.url())) {
            for (int i = 0; i < datasets.size(); i++) {
                AggregatedLogs logs = datasets.get(i);
                DatasetVersion loaded = upgraded.datasets().load(ids.get(i)).orElseThrow();
                assertEquals(logs.cells(), loaded.cells(), "dataset " + i);
                assertEquals(logs.heldOutCells(), loaded.heldOutCells(), "dataset " + i);
                assertEquals(
                        logs.cells().nonEmptyCount(),
                        upgraded.datasets().describe(ids.get(i)).orElseThrow().cellsWithSends());
            }
            Map<String, CellColumns> migrated = upgraded.jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT dataset_id, part, cell_count, states, sends, responses FROM dataset_cells")
                            .map((row, context) -> Map.entry(
                                    row.getLong("dataset_id") + " " + row.getString("part"),
                                    new CellColumns(
                                            row.getInt("cell_count"),
                                            row.getBytes("states"),
                                            row.getBytes("sends"),
                                            row.getBytes("responses"))))
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            assertEquals(
                    Set.of(
                            ids.get(0) + " training",
                            ids.get(1) + " training",
                            ids.get(1) + " held_out",
                            ids.get(3) + " training"),
                    migrated.keySet());
            assertSameColumns(CellColumns.of(large), migrated.get(ids.get(1) + " training"));
            assertSameColumns(CellColumns.of(heldOut), migrated.get(ids.get(1) + " held_out"));
            for (String gone : List.of("dataset_cell", "dataset_held_out_cell")) {
                assertThrows(
                        RuntimeException.class,
                        () -> upgraded.jdbi()
                                .useHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + gone)
                                        .mapTo(Long.class)
                                        .one()),
                        gone);
            }
        } finally {
            old.close();
        }
    }

    private static void assertSameColumns(CellColumns expected, CellColumns actual) {
        assertEquals(expected.count(), actual.count());
        assertArrayEquals(expected.states(), actual.states());
        assertArrayEquals(expected.sends(), actual.sends());
        assertArrayEquals(expected.responses(), actual.responses());
    }

    /** About one state in 500 sent to (a large space, a quick test), a few with counts past four, five, seven bytes. */
    private static Cells sparseWithHugeCounts(StateSpace space, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] sends = new long[space.size()];
        long[] responses = new long[space.size()];
        for (int state = random.nextInt(500); state < space.size(); state += 1 + random.nextInt(1_000)) {
            sends[state] = 1 + random.nextInt(5_000);
            responses[state] = random.nextLong(sends[state] + 1);
        }
        int size = space.size();
        sends[1] = Long.MAX_VALUE;
        responses[1] = Long.MAX_VALUE - 1;
        sends[size / 2] = 5_000_000_000_000L;
        responses[size / 2] = 4_294_967_296L;
        sends[size - 2] = 0x0123_4567_89ab_cdefL;
        responses[size - 2] = 0x00fe_dcba_9876_5432L;
        return new Cells(space, sends, responses);
    }
}
