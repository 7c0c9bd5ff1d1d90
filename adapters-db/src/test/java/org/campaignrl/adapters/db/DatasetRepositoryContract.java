package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CustomerAddress;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.application.model.DatasetListing;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.campaign.CustomerProfiles;
import org.junit.jupiter.api.Test;

/** What any {@link DatasetRepository} must do; one subclass per adapter (in memory, H2, PostgreSQL). */
abstract class DatasetRepositoryContract extends RepositoryTest {

    DatasetRepository datasets() {
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
        assertEquals(
                List.of("sent_emails.csv", "responded.csv", "userbase.csv"),
                loaded.files().stream().map(FileSummary::file).toList());
        assertEquals(
                Map.of("bad date", 6L, "unknown customer", 4L),
                loaded.files().get(0).rejectedByReason());
    }

    @Test
    void theInputFilesLoadBackInOrderWithSizesAndChecksums() {
        long id = datasets().save(TestData.logs(), TestData.inputs(), TestData.CREATED);
        long unknownFiles = datasets().save(TestData.emptyLogs(), TestData.CREATED);

        assertEquals(TestData.inputs(), datasets().load(id).orElseThrow().inputs());
        assertEquals(TestData.inputs(), datasets().describe(id).orElseThrow().inputs());
        assertEquals(List.of(), datasets().load(unknownFiles).orElseThrow().inputs());
    }

    @Test
    void heldOutCellsAndTheSplitThatMadeThemLoadBack() {
        StateSpace space = TestData.smallSpace();
        for (SendSplit split : List.of(SendSplit.byDate(LocalDate.of(2016, 3, 1)), SendSplit.randomPairs(0.25, 99))) {
            AggregatedLogs logs = new AggregatedLogs(
                    TestData.cells(space, 3), Optional.of(TestData.cells(space, 11)), split, TestData.summary());

            DatasetVersion loaded =
                    datasets().load(datasets().save(logs, TestData.CREATED)).orElseThrow();

            assertEquals(split, loaded.split());
            assertEquals(logs.cells(), loaded.cells());
            assertEquals(logs.heldOutCells(), loaded.heldOutCells());
        }
    }

    @Test
    void aDatasetWithoutSplitHasNoHeldOutCells() {
        DatasetVersion loaded = datasets()
                .load(datasets().save(TestData.logs(), TestData.CREATED))
                .orElseThrow();

        assertEquals(SendSplit.NONE, loaded.split());
        assertTrue(loaded.heldOutCells().isEmpty());
    }

    @Test
    void aDatasetWithNothingAcceptedKeepsItsMissingDatesAndReport() {
        AggregatedLogs logs = TestData.emptyLogs();
        long id = datasets().save(logs, TestData.CREATED);

        DatasetVersion loaded = datasets().load(id).orElseThrow();

        assertEquals(logs.summary(), loaded.summary());
        assertEquals(logs.cells(), loaded.cells());
    }

    @Test
    void unusualSubjectIdsAndDomainsComeBackUnchanged() {
        // A domain is whatever follows the last '@': it may hold a comma, or be empty.
        StateSpace space = new StateSpace(
                new int[] {Integer.MAX_VALUE, 0, -4},
                List.of("odd,domain.com", "", "xn--bcher-kva.example", "ünïcödé.de"));
        AggregatedLogs logs = new AggregatedLogs(TestData.cells(space, 7), TestData.summary());

        DatasetVersion loaded =
                datasets().load(datasets().save(logs, TestData.CREATED)).orElseThrow();

        assertEquals(space, loaded.cells().space());
        assertEquals(logs.cells(), loaded.cells());
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
        assertTrue(datasets().describe(id + 1).isEmpty());
    }

    @Test
    void theListIsNewestFirstAndHasEverythingButTheCells() {
        assertEquals(List.of(), datasets().list());
        StateSpace space = TestData.smallSpace();
        long first = datasets().save(TestData.logs(), TestData.inputs(), TestData.CREATED);
        long second = datasets().save(TestData.emptyLogs(), TestData.CREATED.plusSeconds(1));
        long third = datasets()
                .save(
                        new AggregatedLogs(
                                TestData.cells(space, 3),
                                Optional.of(TestData.cells(space, 4)),
                                SendSplit.randomPairs(0.2, 5),
                                TestData.summary()),
                        TestData.CREATED.plusSeconds(2));

        List<DatasetListing> listed = datasets().list();

        assertEquals(
                List.of(third, second, first),
                listed.stream().map(DatasetListing::id).toList());
        for (DatasetListing listing : listed) {
            assertEquals(DatasetListing.of(datasets().load(listing.id()).orElseThrow()), listing);
            assertEquals(listing, datasets().describe(listing.id()).orElseThrow());
        }
        assertEquals(TestData.logs().cells().nonEmptyCount(), listed.get(2).cellsWithSends());
        assertEquals(List.of(12, 3, 7).stream().sorted().toList(), listed.get(2).subjectIds());
        assertEquals(space.size(), listed.get(2).states());
    }

    @Test
    void instantsKeepMicrosecondsAndAreReadBackInUtc() {
        Instant createdAt = Instant.parse("2023-10-29T00:59:59.999999Z"); // the last microsecond before CET ends

        long id = datasets().save(TestData.emptyLogs(), createdAt);

        assertEquals(createdAt, datasets().load(id).orElseThrow().createdAt());
    }

    // --- customers

    @Test
    void theCustomersComeBackWithTheirCodesAndAddressesInIdOrder() {
        DatasetCustomers customers = TestData.customers(500, 1);
        long id = datasets().save(TestData.logs().withCustomers(customers), TestData.CREATED);

        assertEquals(Optional.of(customers.profiles()), datasets().profiles(id));
        assertEquals(addresses(customers), addresses(id));
    }

    /** More than a database adapter keeps in one chunk; an export that stops early leaves nothing open. */
    @Test
    void manyCustomersComeBackWholeAndStreamInOrder() {
        DatasetCustomers customers = TestData.customers(140_000, 2);
        long id = datasets().save(TestData.logs().withCustomers(customers), TestData.CREATED);

        assertEquals(customers.profiles(), datasets().profiles(id).orElseThrow());
        assertEquals(addresses(customers), addresses(id));
        for (int i = 0; i < 20; i++) {
            try (Stream<CustomerAddress> some = datasets().addresses(id)) {
                assertEquals(
                        customers.profiles().id(0),
                        some.limit(2).findFirst().orElseThrow().customerId());
            }
        }
    }

    @Test
    void aDatasetWithoutCustomersHasEmptyProfilesAndNoAddresses() {
        long id = datasets().save(TestData.logs(), TestData.CREATED);

        assertEquals(Optional.of(CustomerProfiles.empty()), datasets().profiles(id));
        assertEquals(List.of(), addresses(id));
    }

    @Test
    void anUnknownDatasetHasNoProfilesAndNoAddresses() {
        long id = datasets().save(TestData.logs().withCustomers(TestData.customers(10, 3)), TestData.CREATED);

        assertEquals(Optional.empty(), datasets().profiles(id + 1));
        assertEquals(List.of(), addresses(id + 1));
    }

    @Test
    void eachDatasetKeepsItsOwnCustomers() {
        DatasetCustomers first = TestData.customers(30, 4);
        DatasetCustomers second = TestData.customers(70, 5);
        long one = datasets().save(TestData.logs().withCustomers(first), TestData.CREATED);
        long other = datasets().save(TestData.logs().withCustomers(second), TestData.CREATED);

        assertEquals(first.profiles(), datasets().profiles(one).orElseThrow());
        assertEquals(second.profiles(), datasets().profiles(other).orElseThrow());
        assertEquals(addresses(second), addresses(other));
    }

    /** Addresses as strings by id: {@link CustomerAddress#toString} leaves them out, the pairs compare them. */
    static List<Map.Entry<Integer, String>> addresses(Iterable<CustomerAddress> customers) {
        List<Map.Entry<Integer, String>> all = new java.util.ArrayList<>();
        customers.forEach(customer -> all.add(Map.entry(customer.customerId(), customer.emailAddress())));
        return all;
    }

    List<Map.Entry<Integer, String>> addresses(long datasetId) {
        try (Stream<CustomerAddress> stream = datasets().addresses(datasetId)) {
            return addresses(stream::iterator);
        }
    }
}
