package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.Test;

/** What any {@link DatasetRepository} must do; one subclass per database. */
abstract class DatasetRepositoryContract extends DatabaseTest {

    private DatasetRepository datasets() {
        return storage.datasets();
    }

    @Test
    void aSavedDatasetLoadsBackWithTheSameCells() {
        AggregatedLogs logs = TestData.logs();
        long id = datasets().save(logs, TestData.CREATED);

        DatasetVersion loaded = datasets().load(id).orElseThrow();

        assertEquals(id, loaded.id());
        assertEquals(logs.cells().space(), loaded.cells().space());
        assertEquals(logs.cells(), loaded.cells());
        assertEquals(TestData.CREATED, loaded.createdAt());
    }

    @Test
    void aSavedDatasetLoadsBackWithTheSameSummaryFilesInOrderAndRejectionsByReason() {
        long id = datasets().save(TestData.logs(), TestData.CREATED);

        IngestSummary loaded = datasets().load(id).orElseThrow().summary();

        assertEquals(TestData.summary(), loaded);
        assertEquals(List.of("sent_emails.csv", "responded.csv", "userbase.csv"),
                loaded.files().stream().map(FileSummary::file).toList());
        assertEquals(Map.of("bad date", 6L, "unknown customer", 4L), loaded.files().get(0).rejectedByReason());
    }

    @Test
    void heldOutCellsAndTheSplitThatMadeThemLoadBack() {
        StateSpace space = TestData.smallSpace();
        for (SendSplit split : List.of(SendSplit.byDate(LocalDate.of(2016, 3, 1)), SendSplit.randomPairs(0.25, 99))) {
            AggregatedLogs logs = new AggregatedLogs(TestData.cells(space, 3), Optional.of(TestData.cells(space, 11)),
                    split, TestData.summary());

            DatasetVersion loaded = datasets().load(datasets().save(logs, TestData.CREATED)).orElseThrow();

            assertEquals(split, loaded.split());
            assertEquals(logs.cells(), loaded.cells());
            assertEquals(logs.heldOutCells(), loaded.heldOutCells());
        }
    }

    @Test
    void aDatasetWithoutSplitHasNoHeldOutCells() {
        DatasetVersion loaded = datasets().load(datasets().save(TestData.logs(), TestData.CREATED)).orElseThrow();

        assertEquals(SendSplit.NONE, loaded.split());
        assertTrue(loaded.heldOutCells().isEmpty());
        assertEquals(0, countRows("dataset_held_out_cell"));
    }

    @Test
    void aDatasetWithNothingAcceptedKeepsItsMissingDatesAndReport() {
        AggregatedLogs logs = TestData.emptyLogs();
        long id = datasets().save(logs, TestData.CREATED);

        DatasetVersion loaded = datasets().load(id).orElseThrow();

        assertEquals(logs.summary(), loaded.summary());
        assertEquals(logs.cells(), loaded.cells());
        assertEquals(0, countRows("dataset_cell"));
    }

    @Test
    void unusualSubjectIdsAndDomainsComeBackUnchanged() {
        // A domain is whatever follows the last '@': it may hold a comma, or be empty.
        StateSpace space = new StateSpace(new int[] {Integer.MAX_VALUE, 0, -4},
                List.of("odd,domain.com", "", "xn--bcher-kva.example", "ünïcödé.de"));
        AggregatedLogs logs = new AggregatedLogs(TestData.cells(space, 7), TestData.summary());

        DatasetVersion loaded = datasets().load(datasets().save(logs, TestData.CREATED)).orElseThrow();

        assertEquals(space, loaded.cells().space());
        assertEquals(logs.cells(), loaded.cells());
    }

    @Test
    void aDomainWithALineBreakIsRefusedBeforeAnythingIsStored() {
        StateSpace space = new StateSpace(new int[] {1}, List.of("broken\nexample.com"));
        AggregatedLogs logs = new AggregatedLogs(TestData.cells(space, 5), TestData.summary());

        assertThrows(IllegalArgumentException.class, () -> datasets().save(logs, TestData.CREATED));

        assertEquals(0, countRows("dataset"));
    }

    @Test
    void eachCellSentToIsOneRowThatSqlUsersCanRead() {
        Cells cells = TestData.logs().cells();
        long id = datasets().save(TestData.logs(), TestData.CREATED);
        StateSpace space = cells.space();
        int state = space.size() - 1;   // always sent to
        int[] codes = space.codesOf(state);

        long sends = storage.jdbi().withHandle(handle -> handle.createQuery("SELECT sends FROM dataset_cell "
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
        assertEquals(cells.nonEmptyCount(), countRows("dataset_cell"));
    }

    @Test
    void theLatestIsTheLastSaved() {
        assertTrue(datasets().loadLatest().isEmpty());

        datasets().save(TestData.logs(), TestData.CREATED);
        long second = datasets().save(TestData.emptyLogs(), TestData.CREATED.minusSeconds(60));

        DatasetVersion latest = datasets().loadLatest().orElseThrow();
        assertEquals(second, latest.id());
        assertEquals(TestData.emptyLogs().summary(), latest.summary());
    }

    @Test
    void anUnknownIdFindsNothing() {
        long id = datasets().save(TestData.logs(), TestData.CREATED);

        assertTrue(datasets().load(id + 1).isEmpty());
        assertTrue(datasets().load(-1).isEmpty());
    }

    @Test
    void aSaveThatFailsHalfwayLeavesNothingBehind() {
        // The dataset and file rows go in before the cells; a cell the database refuses must take them back out.
        execute("ALTER TABLE dataset_cell ADD CONSTRAINT test_fewer_sends CHECK (sends < 5000)");
        long[] sends = new long[TestData.smallSpace().size()];
        sends[sends.length - 1] = 5000;
        AggregatedLogs refused = new AggregatedLogs(
                new Cells(TestData.smallSpace(), sends, new long[sends.length]), TestData.summary());

        assertThrows(RuntimeException.class, () -> datasets().save(refused, TestData.CREATED));

        for (String table : List.of("dataset", "dataset_file", "dataset_rejection", "dataset_cell",
                "dataset_held_out_cell")) {
            assertEquals(0, countRows(table), table);
        }
        assertTrue(datasets().loadLatest().isEmpty());
    }

    @Test
    void instantsKeepMicrosecondsAndAreReadBackInUtc() {
        Instant createdAt = Instant.parse("2023-10-29T00:59:59.999999Z");   // the last microsecond before CET ends

        long id = datasets().save(TestData.emptyLogs(), createdAt);

        assertEquals(createdAt, datasets().load(id).orElseThrow().createdAt());
    }
}
