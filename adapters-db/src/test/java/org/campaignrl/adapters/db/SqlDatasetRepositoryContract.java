package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
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
    void aDatasetWithoutSplitHasNoHeldOutRows() {
        datasets().save(TestData.logs(), TestData.CREATED);

        assertEquals(0, database().countRows("dataset_held_out_cell"));
    }

    @Test
    void aDatasetWithNothingAcceptedHasNoCellRows() {
        datasets().save(TestData.emptyLogs(), TestData.CREATED);

        assertEquals(0, database().countRows("dataset_cell"));
    }

    @Test
    void aDomainWithALineBreakIsRefusedBeforeAnythingIsStored() {
        StateSpace space = new StateSpace(new int[] {1}, List.of("broken\nexample.com"));
        AggregatedLogs logs = new AggregatedLogs(TestData.cells(space, 5), TestData.summary());

        assertThrows(IllegalArgumentException.class, () -> datasets().save(logs, TestData.CREATED));

        assertEquals(0, database().countRows("dataset"));
    }

    @Test
    void eachCellSentToIsOneRowThatSqlUsersCanRead() {
        Cells cells = TestData.logs().cells();
        long id = datasets().save(TestData.logs(), TestData.CREATED);
        StateSpace space = cells.space();
        int state = space.size() - 1;   // always sent to
        int[] codes = space.codesOf(state);

        long sends = database().jdbi().withHandle(handle -> handle.createQuery("SELECT sends FROM dataset_cell "
                        + "WHERE dataset_id = :id AND subject_id = :subject AND day_of_week = :day "
                        + "AND tenure_group = :tenure AND email_domain = :domain AND age_group = :age "
                        + "AND gender = :gender AND customer_type = :type")
                .bind("id", id)
                .bind("subject", space.subjectId(codes[Attribute.SUBJECT.position()]))
                .bind("day", codes[Attribute.DAY.position()])
                .bind("tenure", codes[Attribute.TENURE.position()])
                .bind("domain", space.domains().get(codes[Attribute.DOMAIN.position()]))
                .bind("age", codes[Attribute.AGE.position()])
                .bind("gender", codes[Attribute.GENDER.position()])
                .bind("type", codes[Attribute.TYPE.position()])
                .mapTo(Long.class)
                .one());

        assertEquals(cells.sends(state), sends);
        assertEquals(cells.nonEmptyCount(), database().countRows("dataset_cell"));
    }

    @Test
    void theChecksumsAreReadableInSql() {
        long id = datasets().save(TestData.logs(), TestData.inputs(), TestData.CREATED);

        List<String> rows = database().jdbi().withHandle(handle -> handle.createQuery("SELECT role || ' ' || sha256 "
                        + "FROM dataset_input WHERE dataset_id = :id ORDER BY position")
                .bind("id", id)
                .mapTo(String.class)
                .list());

        assertEquals(TestData.inputs().stream().map(input -> input.role() + " " + input.sha256()).toList(), rows);
    }

    @Test
    void aSaveThatFailsHalfwayLeavesNothingBehind() {
        // The dataset, file and input rows go in before the cells; a cell the database refuses must take them back out.
        database().execute("ALTER TABLE dataset_cell ADD CONSTRAINT test_fewer_sends CHECK (sends < 5000)");
        long[] sends = new long[TestData.smallSpace().size()];
        sends[sends.length - 1] = 5000;
        AggregatedLogs refused = new AggregatedLogs(
                new Cells(TestData.smallSpace(), sends, new long[sends.length]), TestData.summary());

        assertThrows(RuntimeException.class, () -> datasets().save(refused, TestData.inputs(), TestData.CREATED));

        for (String table : List.of("dataset", "dataset_file", "dataset_rejection", "dataset_input", "dataset_cell",
                "dataset_held_out_cell")) {
            assertEquals(0, database().countRows(table), table);
        }
        assertTrue(datasets().loadLatest().isEmpty());
    }
}
