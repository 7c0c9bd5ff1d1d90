package org.campaignrl.application.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.model.CustomerAddress;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.campaign.Assignment;
import org.campaignrl.domain.campaign.Assignments;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.campaignrl.domain.campaign.Expectation;
import org.campaignrl.domain.campaign.Group;
import org.campaignrl.domain.campaign.PlanFigures;
import org.junit.jupiter.api.Test;

/** Customers with their datasets, and plans with their assignments and readouts, in the in-memory storage. */
class MemoryCampaignStorageTest {
    private final InMemoryStorage storage = new InMemoryStorage();

    static DatasetCustomers customers() {
        return DatasetCustomers.builder(1)
                .add(30, 6, 1, 4, 1, 1, "zed@example.com")
                .add(10, 0, 0, 2, 0, 1, "ann@example.com")
                .add(20, 3, 1, 0, 1, 0, "bé@example.com")
                .build();
    }

    private long dataset() {
        Cells cells = Fixtures.CellsBuilder.on(Fixtures.space()).build();
        return storage.datasets().save(new AggregatedLogs(cells, MemoryDatasetRepository.emptySummary())
                .withCustomers(customers()), Instant.EPOCH);
    }

    static CampaignPlan plan(long datasetId) {
        CampaignSettings settings = new CampaignSettings(1, OptionalLong.of(2), java.util.OptionalDouble.empty(),
                Optional.empty(), CampaignSettings.DEFAULT_METHOD, 0, 0.3, ControlTreatment.NOTHING, 1,
                LocalDate.of(2016, 4, 4));
        return new CampaignPlan(0, settings, datasetId, OptionalLong.empty(), Fixtures.NOW, new PlanFigures(3, 2,
                new Expectation(2, 0.5, 0.1, 1.2), Expectation.NONE, new Expectation(1, 0, 0, 0)));
    }

    @Test
    void addressesFollowTheirCustomersInIdOrderAndNeverShowInToString() {
        DatasetCustomers customers = customers();
        assertEquals(List.of(10, 20, 30), List.of(customers.profiles().id(0), customers.profiles().id(1),
                customers.profiles().id(2)));
        assertEquals("bé@example.com", customers.emailAddress(1));
        assertEquals(6, customers.profiles().code(2, org.campaignrl.domain.Attribute.TENURE));
        assertFalse(customers.toString().contains("@"));
        assertFalse(new CustomerAddress(1, "a@b.com").toString().contains("a@b.com"));
    }

    @Test
    void aDatasetKeepsItsCustomers() {
        long id = dataset();
        assertEquals(customers().profiles(), storage.datasets().profiles(id).orElseThrow());
        try (Stream<CustomerAddress> addresses = storage.datasets().addresses(id)) {
            assertEquals(List.of("ann@example.com", "bé@example.com", "zed@example.com"),
                    addresses.map(CustomerAddress::emailAddress).toList());
        }
        assertTrue(storage.datasets().profiles(id + 1).isEmpty());
    }

    @Test
    void plansKeepTheirAssignmentsAndReadoutsNewestLast() {
        long datasetId = dataset();
        Assignments assignments = Assignments.builder(3)
                .add(30, Group.TARGET, LocalDate.of(2016, 4, 5), 0.3)
                .add(10, Group.CONTROL, LocalDate.of(2016, 4, 5), 0.1)
                .add(20, Group.TARGET, LocalDate.of(2016, 4, 9), 0.2)
                .build();
        long first = storage.campaigns().save(plan(datasetId), assignments);
        long second = storage.campaigns().save(plan(datasetId), Assignments.empty());
        assertTrue(second > first);
        assertEquals(List.of(second, first), storage.campaigns().list().stream().map(CampaignPlan::id).toList());
        assertEquals(first, storage.campaigns().find(first).orElseThrow().id());
        try (Stream<Assignment> stream = storage.campaigns().assignments(first)) {
            assertEquals(List.of(10, 20, 30), stream.map(Assignment::customerId).toList());
        }
        assertEquals(assignments, storage.campaigns().loadAssignments(first));
        CampaignReadout none = new CampaignReadout(first, datasetId, Fixtures.NOW, Optional.empty());
        storage.campaigns().saveReadout(none);
        assertEquals(List.of(none), storage.campaigns().readouts(first));
        assertTrue(storage.campaigns().readouts(second).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> storage.campaigns().saveReadout(
                new CampaignReadout(99, datasetId, Fixtures.NOW, Optional.empty())));
        assertThrows(IllegalArgumentException.class, () -> storage.campaigns().save(plan(99), Assignments.empty()));
    }
}
