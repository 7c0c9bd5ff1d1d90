package org.campaignrl.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.campaign.Assignment;
import org.campaignrl.domain.campaign.Assignments;
import org.campaignrl.domain.campaign.CalibrationRow;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.campaignrl.domain.campaign.Expectation;
import org.campaignrl.domain.campaign.Group;
import org.campaignrl.domain.campaign.GroupConversion;
import org.campaignrl.domain.campaign.Lift;
import org.campaignrl.domain.campaign.PlanFigures;
import org.campaignrl.domain.campaign.Readout;
import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.ranking.RankingMethod;
import org.junit.jupiter.api.Test;

/**
 * What a {@link CampaignRepository} must get right beyond {@link CampaignStorageContract}'s basics, where storage
 * keeps plans in pieces (adapters-db's chunks): settings and figures of awkward values, more customers than a chunk
 * holds, streams closed early, each plan's own assignments, every figure of a readout (NaN, infinity, calibration
 * bins, no lift), refusals that leave nothing. Each adapter's test extends it, giving empty repositories for each
 * test (adapters-db runs it against the in-memory storage, H2 and PostgreSQL); plans refer to a dataset stored
 * through {@link #datasets()} of the same storage.
 */
public abstract class CampaignRepositoryContract {
    private static final Instant CREATED = Instant.parse("2024-03-31T01:30:00.123Z");

    /** The datasets of the storage under test. */
    protected abstract DatasetRepository datasets();

    /** The plans of the same storage. */
    protected abstract CampaignRepository campaigns();

    @Test
    public void aSavedPlanIsFoundUnderItsIdWithEverySettingAndFigure() {
        long dataset = dataset();
        CampaignPlan budgeted = budgetPlan(dataset);
        CampaignPlan thresholded = thresholdPlan(dataset);

        long first = campaigns().save(budgeted, assignments(40, 1));
        long second = campaigns().save(thresholded, Assignments.empty());

        assertTrue(first > 0 && second > first, first + " then " + second);
        assertEquals(Optional.of(budgeted.withId(first)), campaigns().find(first));
        assertEquals(Optional.of(thresholded.withId(second)), campaigns().find(second));
    }

    @Test
    public void aPlanForAMissingDatasetAndAReadoutForAMissingPlanAreRefusedAndNothingIsStored() {
        long dataset = dataset();

        assertThrows(
                IllegalArgumentException.class, () -> campaigns().save(budgetPlan(dataset + 1), assignments(10, 4)));
        assertThrows(
                IllegalArgumentException.class,
                () -> campaigns().saveReadout(new CampaignReadout(1, dataset, CREATED, Optional.empty())));

        assertEquals(List.of(), campaigns().list());
        assertEquals(List.of(), campaigns().readouts(1));
    }

    @Test
    public void anUnknownPlanHasNothing() {
        long id = campaigns().save(budgetPlan(dataset()), assignments(10, 5));

        assertTrue(campaigns().find(id + 1).isEmpty());
        assertTrue(campaigns().find(0).isEmpty());
        try (Stream<Assignment> none = campaigns().assignments(id + 1)) {
            assertEquals(0, none.count());
        }
        assertEquals(Assignments.empty(), campaigns().loadAssignments(id + 1));
        assertEquals(List.of(), campaigns().readouts(id + 1));
    }

    /** More customers than a database adapter keeps in one chunk, each field of every one as it was given. */
    @Test
    public void theAssignmentsComeBackAscendingStreamedAndAsColumns() {
        Assignments given = assignments(150_000, 6);
        long id = campaigns().save(budgetPlan(dataset()), given);

        assertEquals(given, campaigns().loadAssignments(id));
        List<Assignment> streamed;
        try (Stream<Assignment> stream = campaigns().assignments(id)) {
            streamed = stream.toList();
        }
        List<Assignment> expected = new ArrayList<>();
        given.forEach(expected::add);
        assertEquals(expected, streamed);
    }

    @Test
    public void aStreamClosedEarlyLeavesTheRepositoryWorking() {
        long id = campaigns().save(budgetPlan(dataset()), assignments(100_000, 7));

        for (int i = 0; i < 20; i++) {
            try (Stream<Assignment> stream = campaigns().assignments(id)) {
                assertEquals(3, stream.limit(3).count());
            }
        }
        assertEquals(100_000, campaigns().loadAssignments(id).size());
    }

    @Test
    public void eachPlanKeepsItsOwnAssignments() {
        long dataset = dataset();
        Assignments one = assignments(30, 8);
        Assignments other = assignments(50, 9);
        long first = campaigns().save(budgetPlan(dataset), one);
        long second = campaigns().save(budgetPlan(dataset), other);

        assertEquals(one, campaigns().loadAssignments(first));
        assertEquals(other, campaigns().loadAssignments(second));
    }

    @Test
    public void readoutsComeBackOldestFirstWithEveryFigure() {
        long dataset = dataset();
        long id = campaigns().save(budgetPlan(dataset), assignments(40, 10));
        CampaignReadout none = new CampaignReadout(id, dataset, CREATED.plusSeconds(60), Optional.empty());
        CampaignReadout full = new CampaignReadout(id, dataset, CREATED.plusSeconds(120), Optional.of(fullReadout()));
        CampaignReadout noLift = new CampaignReadout(
                id,
                dataset,
                CREATED.plusSeconds(180),
                Optional.of(
                        new Readout(List.of(group(Group.TARGET, 10, 0, 0, Double.NaN)), Optional.empty(), List.of())));

        campaigns().saveReadout(none);
        campaigns().saveReadout(full);
        campaigns().saveReadout(noLift);

        assertEquals(List.of(none, full, noLift), campaigns().readouts(id));
        assertFalse(campaigns().readouts(id).get(0).sendsFound());
    }

    @Test
    public void aReadoutNeverMixesTwoPlans() {
        long dataset = dataset();
        long first = campaigns().save(budgetPlan(dataset), assignments(40, 11));
        long second = campaigns().save(thresholdPlan(dataset), assignments(40, 12));
        CampaignReadout ofFirst = new CampaignReadout(first, dataset, CREATED, Optional.of(fullReadout()));
        CampaignReadout ofSecond = new CampaignReadout(
                second,
                dataset,
                CREATED,
                Optional.of(new Readout(List.of(group(Group.CONTROL, 7, 7, 1, 0.5)), Optional.empty(), List.of())));

        campaigns().saveReadout(ofFirst);
        campaigns().saveReadout(ofSecond);
        campaigns().saveReadout(ofFirst);

        assertEquals(List.of(ofFirst, ofFirst), campaigns().readouts(first));
        assertEquals(List.of(ofSecond), campaigns().readouts(second));
    }

    // --- what is stored

    /** A dataset without customers: plans only refer to it. */
    protected long dataset() {
        return datasets()
                .save(
                        new AggregatedLogs(
                                Fixtures.CellsBuilder.on(Fixtures.space()).build(),
                                new IngestSummary(List.of(), 0, 0, 0, 0, 0, null, null, "")),
                        CREATED);
    }

    /** A budget, a given day, a model, awkward fractions. */
    protected static CampaignPlan budgetPlan(long datasetId) {
        CampaignSettings settings = new CampaignSettings(
                40,
                OptionalLong.of(10_000),
                OptionalDouble.empty(),
                Optional.of(DayOfWeek.SUNDAY),
                RankingMethod.SEGMENT_SHRUNK,
                1.0 / 3,
                0.1,
                ControlTreatment.NOTHING,
                -7_000_000_000L,
                LocalDate.of(2024, 2, 29));
        PlanFigures figures = new PlanFigures(
                123_456,
                17,
                new Expectation(6_667, 800.125, 700.1 / 3, 900.7),
                new Expectation(3_333, 0.1 + 0.2, 0, 3.0000000000000004),
                new Expectation(1_111, 0, 0, 0));
        return new CampaignPlan(0, settings, datasetId, OptionalLong.of(Long.MAX_VALUE), CREATED, figures);
    }

    /** A threshold, each audience's best day, no model, a business-as-usual control. */
    protected static CampaignPlan thresholdPlan(long datasetId) {
        CampaignSettings settings = new CampaignSettings(
                12,
                OptionalLong.empty(),
                OptionalDouble.of(0.075),
                Optional.empty(),
                RankingMethod.WILSON_LOWER_BOUND,
                0,
                0.999,
                ControlTreatment.BUSINESS_AS_USUAL,
                42,
                LocalDate.of(1999, 12, 31));
        PlanFigures figures = new PlanFigures(
                10, 1, new Expectation(1, 0.5, 0.25, 1), Expectation.NONE, new Expectation(9, 4.5, 1, 8));
        return new CampaignPlan(0, settings, datasetId, OptionalLong.empty(), CREATED.plusMillis(1), figures);
    }

    /** {@code size} customers with ids spread out, every group, dates around the epoch, probabilities 0..1. */
    protected static Assignments assignments(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Assignments.Builder builder = Assignments.builder(size);
        int id = Integer.MIN_VALUE + random.nextInt(1_000);
        for (int i = 0; i < size; i++) {
            double probability = i % 97 == 0 ? (i % 2 == 0 ? 0 : 1) : random.nextDouble();
            builder.add(id, Group.ofCode(random.nextInt(3)), random.nextInt(-400, 30_000), probability);
            id += 1 + random.nextInt(20_000);
        }
        return builder.build();
    }

    protected static Readout fullReadout() {
        return new Readout(
                List.of(
                        group(Group.TARGET, 6_667, 6_600, 800, 0.12),
                        group(Group.EXPLORE, 3_333, 3_000, 210, 0.0700000000000001),
                        group(Group.CONTROL, 1_111, 1_111, 55, Double.NaN)),
                Optional.of(new Lift(
                        0.0717,
                        0.0601,
                        0.08333333333333333,
                        1.4545,
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        473.2,
                        396.66,
                        550.0000000000001)),
                List.of(
                        new CalibrationRow(0, 0.1, 3_000, 0.07, 210, ConversionInterval.wilson(210, 3_000, 0.95)),
                        new CalibrationRow(0.1, 0.2, 6_600, 0.12, 800, ConversionInterval.wilson(800, 6_600, 0.95)),
                        new CalibrationRow(0.9, 1, 0, Double.NaN, 0, ConversionInterval.wilson(0, 0, 0.95))));
    }

    private static GroupConversion group(Group group, long planned, long sent, long responded, double predicted) {
        return new GroupConversion(
                group, planned, sent, responded, ConversionInterval.wilson(responded, sent, 0.95), predicted);
    }
}
