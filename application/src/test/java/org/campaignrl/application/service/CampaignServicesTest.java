package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.memory.InMemoryStorage;
import org.campaignrl.application.memory.SimpleLogSource;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.port.in.CampaignsUseCase;
import org.campaignrl.application.port.in.PlanCampaignUseCase.PlanCampaignCommand;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationProgress;
import org.campaignrl.data.GeneratorSettings;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignServicesTest {
    private static final LocalDate START = LocalDate.of(2016, 4, 4);

    @TempDir
    static Path tmp;

    private static AggregatedLogs logs;

    private final Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    private final InMemoryStorage storage = new InMemoryStorage();
    private final PlanCampaignService planner = new PlanCampaignService(
            new ActiveModel(storage.models(), storage.datasets()), storage.datasets(), storage.campaigns(), clock);
    private final CampaignsService campaigns = new CampaignsService(storage.campaigns(), storage.datasets());

    @BeforeAll
    static void generate() throws IOException {
        new CampaignLogGenerator(new GeneratorSettings(3_000, 2)).writeTo(tmp, GenerationProgress.NONE);
        logs = SimpleLogSource.readFolder(tmp, "r.csv");
    }

    private long storeLogs() {
        return storage.datasets().save(logs, Fixtures.NOW);
    }

    @Test
    void aPlanIsStoredWithItsDatasetAndWithoutAModelWhenNoneIsServed() {
        long datasetId = storeLogs();
        CampaignPlan plan = planner.plan(PlanCampaignCommand.ofBudget(2, 500, 1, START));
        assertTrue(plan.isStored());
        assertEquals(datasetId, plan.datasetId());
        assertTrue(plan.modelId().isEmpty());
        assertEquals(Fixtures.NOW, plan.createdAt());
        assertEquals(List.of(plan), campaigns.list());
        assertEquals(
                plan.figures().customers(),
                storage.campaigns().loadAssignments(plan.id()).size());
    }

    @Test
    void aPreviewHasThePlansFiguresAndStoresNothing() {
        storeLogs();
        CampaignPlan preview = planner.preview(PlanCampaignCommand.ofBudget(2, 500, 1, START));
        assertFalse(preview.isStored());
        assertTrue(campaigns.list().isEmpty());
        assertEquals(
                preview.figures(),
                planner.plan(PlanCampaignCommand.ofBudget(2, 500, 1, START)).figures());
    }

    @Test
    void aNewerDatasetIsPlannedOnAtOnceThoughTheLastOnesEstimatesAreKept() {
        storeLogs();
        CampaignPlan first = planner.preview(PlanCampaignCommand.ofBudget(2, 500, 1, START));
        AggregatedLogs fewer = new AggregatedLogs(logs.cells(), logs.summary())
                .withCustomers(org.campaignrl.application.model.DatasetCustomers.builder(1)
                        .add(1, 0, 0, 0, 0, 0, "a@b.c")
                        .build());
        long second = storage.datasets().save(fewer, Fixtures.NOW);
        assertEquals(
                "budget",
                assertThrows(
                                InvalidCommandException.class,
                                () -> planner.preview(PlanCampaignCommand.ofBudget(2, 500, 1, START)))
                        .field());
        assertEquals(
                second,
                planner.preview(PlanCampaignCommand.ofBudget(2, 1, 1, START)).datasetId());
        assertEquals(3_000, first.figures().eligible());
    }

    @Test
    void aPlanThatCannotBeMadeIsABadCommandNamingTheField() {
        storeLogs();
        assertEquals(
                "budget",
                assertThrows(
                                InvalidCommandException.class,
                                () -> planner.plan(PlanCampaignCommand.ofBudget(2, 3_001, 1, START)))
                        .field());
        assertEquals(
                "subjectId",
                assertThrows(
                                InvalidCommandException.class,
                                () -> planner.plan(PlanCampaignCommand.ofBudget(7, 10, 1, START)))
                        .field());
        assertEquals(
                "threshold",
                assertThrows(
                                InvalidCommandException.class,
                                () -> planner.plan(
                                        new PlanCampaignCommand(2, null, 0.999, null, null, 0, 0, null, 1, START)))
                        .field());
    }

    @Test
    void withoutADatasetOrItsCustomersThereIsNothingToPlanFrom() {
        assertThrows(NotFoundException.class, () -> planner.plan(PlanCampaignCommand.ofBudget(2, 10, 1, START)));
        storage.datasets().save(new AggregatedLogs(logs.cells(), logs.summary()), Fixtures.NOW);
        assertTrue(assertThrows(
                        NotFoundException.class, () -> planner.preview(PlanCampaignCommand.ofBudget(2, 10, 1, START)))
                .getMessage()
                .contains("keeps no customers"));
    }

    @Test
    void theSendListHasEveryCustomerToSendToOnceInIdOrderWithTheirAddress() throws IOException {
        storeLogs();
        CampaignPlan plan = planner.plan(new PlanCampaignCommand(
                2, 300L, null, null, null, 0.1, 0.25, ControlTreatment.BUSINESS_AS_USUAL, 3, START));
        StringWriter out = new StringWriter();
        assertEquals(400, campaigns.exportSendList(plan.id(), out));
        List<String> lines = out.toString().lines().toList();
        assertEquals(CampaignsUseCase.SEND_LIST_HEADER, lines.get(0));
        assertEquals(401, lines.size());
        long previous = Long.MIN_VALUE;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            long id = Long.parseLong(fields[0]);
            assertTrue(id > previous, "ascending ids, each once");
            previous = id;
            assertTrue(fields[1].contains("@"), "an address");
            assertEquals("2", fields[2]);
            assertTrue(List.of("target", "explore", "control").contains(fields[4]), fields[4]);
            assertTrue(fields[5].matches("0\\.\\d{6}"), fields[5]);
        }
        assertEquals(
                100, lines.stream().filter(line -> line.contains(",control,")).count());

        CampaignPlan nothing = planner.plan(
                new PlanCampaignCommand(2, 300L, null, null, null, 0.1, 0.25, ControlTreatment.NOTHING, 3, START));
        assertEquals(
                300,
                campaigns.exportSendList(nothing.id(), new StringWriter()),
                "a control that gets nothing is not sent to");
    }

    @Test
    void anUnknownPlanIsNotFound() {
        assertThrows(NotFoundException.class, () -> campaigns.show(9));
        assertThrows(NotFoundException.class, () -> campaigns.exportSendList(9, new StringWriter()));
        assertThrows(NotFoundException.class, () -> campaigns.readout(9));
    }

    @Test
    void fieldsAndProbabilitiesAreWrittenAsCsvExpects() {
        assertEquals("a@b.com", CampaignsService.csvField("a@b.com"));
        assertEquals("\"a,\"\"b\"\"@c.com\"", CampaignsService.csvField("a,\"b\"@c.com"));
        assertEquals("0.012346", CampaignsService.sixDecimals(0.0123456));
        assertEquals("1.000000", CampaignsService.sixDecimals(1));
        assertEquals("0.000000", CampaignsService.sixDecimals(0));
    }
}
