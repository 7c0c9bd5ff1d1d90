package org.campaignrl.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.memory.MemoryDatasetRepository;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.model.CustomerAddress;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.campaign.Assignment;
import org.campaignrl.domain.campaign.Assignments;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.campaignrl.domain.campaign.Expectation;
import org.campaignrl.domain.campaign.Group;
import org.campaignrl.domain.campaign.PlanFigures;
import org.campaignrl.domain.campaign.ReadoutStatistics;
import org.campaignrl.domain.ranking.RankingMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every storage of customers and campaign plans must do, whatever holds them: extend it with the adapter's
 * {@link #datasets()} and {@link #campaigns()} over one empty store (in-memory, H2, PostgreSQL).
 */
public abstract class CampaignStorageContract {
    private DatasetRepository datasets;
    private CampaignRepository campaigns;

    /** A dataset repository over an empty store, and {@link #campaigns()} over the same store. */
    protected abstract DatasetRepository datasets();

    protected abstract CampaignRepository campaigns();

    @BeforeEach
    void openStore() {
        datasets = datasets();
        campaigns = campaigns();
    }

    public static DatasetCustomers someCustomers() {
        return DatasetCustomers.builder(1)
                .add(300, 6, 1, 4, 1, 1, "zed@example.com")
                .add(-10, 0, 0, 2, 0, 1, "ann,\"q\"@example.com")
                .add(2_000_000_000, 3, 1, 0, 1, 0, "bé@exämple.com")
                .build();
    }

    private long dataset(DatasetCustomers customers) {
        Cells cells = Fixtures.CellsBuilder.on(Fixtures.space()).build();
        return datasets.save(
                new AggregatedLogs(cells, MemoryDatasetRepository.emptySummary()).withCustomers(customers),
                Instant.EPOCH);
    }

    public static CampaignPlan plan(long datasetId, boolean byThreshold) {
        CampaignSettings settings = new CampaignSettings(
                1,
                byThreshold ? OptionalLong.empty() : OptionalLong.of(2),
                byThreshold ? OptionalDouble.of(0.125) : OptionalDouble.empty(),
                byThreshold ? Optional.of(DayOfWeek.SATURDAY) : Optional.empty(),
                byThreshold ? RankingMethod.WILSON_LOWER_BOUND : CampaignSettings.DEFAULT_METHOD,
                0.25,
                0.3,
                byThreshold ? ControlTreatment.NOTHING : ControlTreatment.BUSINESS_AS_USUAL,
                -7,
                LocalDate.of(2016, 4, 4));
        return new CampaignPlan(
                0,
                settings,
                datasetId,
                byThreshold ? OptionalLong.of(5) : OptionalLong.empty(),
                Fixtures.NOW,
                new PlanFigures(
                        3, 2, new Expectation(2, 0.5, 0.125, 1.25), Expectation.NONE, new Expectation(1, 0.25, 0, 1)));
    }

    private static Assignments threeAssigned() {
        return Assignments.builder(3)
                .add(2_000_000_000, Group.TARGET, LocalDate.of(2016, 4, 5), 0.3)
                .add(-10, Group.CONTROL, LocalDate.of(2016, 4, 5), 0.1)
                .add(300, Group.EXPLORE, LocalDate.of(2016, 4, 9), 0.123456789)
                .build();
    }

    @Test
    void aDatasetKeepsItsCustomersProfilesAndAddressesInIdOrder() {
        DatasetCustomers customers = someCustomers();
        long id = dataset(customers);
        assertEquals(customers.profiles(), datasets.profiles(id).orElseThrow());
        try (Stream<CustomerAddress> addresses = datasets.addresses(id)) {
            assertEquals(
                    List.of(
                            new CustomerAddress(-10, "ann,\"q\"@example.com"),
                            new CustomerAddress(300, "zed@example.com"),
                            new CustomerAddress(2_000_000_000, "bé@exämple.com")),
                    addresses.toList());
        }
    }

    @Test
    void aDatasetWithoutCustomersHasNoneAndAnUnknownOneNothing() {
        long id = dataset(DatasetCustomers.none());
        assertEquals(0, datasets.profiles(id).orElseThrow().size());
        try (Stream<CustomerAddress> addresses = datasets.addresses(id)) {
            assertEquals(0, addresses.count());
        }
        assertTrue(datasets.profiles(id + 1).isEmpty());
    }

    @Test
    void plansComeBackAsStoredNewestFirstWithTheirAssignmentsInCustomerOrder() {
        long datasetId = dataset(someCustomers());
        long first = campaigns.save(plan(datasetId, false), threeAssigned());
        long second = campaigns.save(plan(datasetId, true), Assignments.empty());
        assertTrue(first > 0 && second > first);
        assertEquals(plan(datasetId, false).withId(first), campaigns.find(first).orElseThrow());
        assertEquals(
                plan(datasetId, true).withId(second), campaigns.find(second).orElseThrow());
        assertEquals(
                List.of(second, first),
                campaigns.list().stream().map(CampaignPlan::id).toList());
        try (Stream<Assignment> stream = campaigns.assignments(first)) {
            assertEquals(
                    List.of(
                            threeAssigned().get(0),
                            threeAssigned().get(1),
                            threeAssigned().get(2)),
                    stream.toList());
        }
        assertEquals(threeAssigned(), campaigns.loadAssignments(first));
        assertEquals(0, campaigns.loadAssignments(second).size());
        assertTrue(campaigns.find(second + 1).isEmpty());
        assertThrows(
                IllegalArgumentException.class,
                () -> campaigns.save(plan(datasetId + 1, false), Assignments.empty()),
                "a plan of a dataset that does not exist");
    }

    @Test
    void readoutsComeBackOldestFirstEachWithItsPlan() {
        long datasetId = dataset(someCustomers());
        long planId = campaigns.save(plan(datasetId, false), threeAssigned());
        long other = campaigns.save(plan(datasetId, false), threeAssigned());
        CampaignReadout none = new CampaignReadout(planId, datasetId, Fixtures.NOW, Optional.empty());
        BitSet sent = new BitSet();
        sent.set(0, 3);
        BitSet responded = new BitSet();
        responded.set(2);
        CampaignReadout found = new CampaignReadout(
                planId,
                datasetId,
                Fixtures.NOW.plusSeconds(60),
                Optional.of(
                        ReadoutStatistics.of(threeAssigned(), sent, responded, ControlTreatment.BUSINESS_AS_USUAL)));
        campaigns.saveReadout(none);
        campaigns.saveReadout(found);
        assertEquals(List.of(none, found), campaigns.readouts(planId));
        assertTrue(
                Double.isNaN(campaigns
                        .readouts(planId)
                        .get(1)
                        .readout()
                        .orElseThrow()
                        .lift()
                        .orElseThrow()
                        .relative()),
                "no ratio against a control without responses, kept as such");
        assertTrue(campaigns.readouts(other).isEmpty());
        assertThrows(
                IllegalArgumentException.class,
                () -> campaigns.saveReadout(new CampaignReadout(other + 1, datasetId, Fixtures.NOW, Optional.empty())));
    }
}
