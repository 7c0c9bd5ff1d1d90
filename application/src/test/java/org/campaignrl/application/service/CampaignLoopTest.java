package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.memory.InMemoryStorage;
import org.campaignrl.application.memory.MemoryRunLog;
import org.campaignrl.application.memory.SimpleLogSource;
import org.campaignrl.application.memory.SimpleOutcomeReader;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestOutcome;
import org.campaignrl.application.port.in.PlanCampaignUseCase.PlanCampaignCommand;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationProgress;
import org.campaignrl.data.GeneratorSettings;
import org.campaignrl.data.PlanAnswer;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.campaignrl.domain.campaign.Group;
import org.campaignrl.domain.campaign.GroupConversion;
import org.campaignrl.domain.campaign.Readout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop end to end on planted data, in memory: generated logs ingested with their customers, two plans, their
 * send lists, the generator's answer to them, its ingest, and the readouts it made.
 */
class CampaignLoopTest {
    private static final LocalDate START = LocalDate.of(2016, 4, 4);

    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    private final InMemoryStorage storage = new InMemoryStorage();
    private final ActiveModel activeModel = new ActiveModel(storage.models(), storage.datasets());
    private final IngestLogsService ingest = new IngestLogsService(
            new SimpleLogSource(),
            storage.datasets(),
            new RunRecorder(storage.runs(), MemoryRunLog.OWNER, clock),
            clock,
            new CampaignReadouts(storage.campaigns(), new SimpleOutcomeReader(), clock));
    private final PlanCampaignService planner =
            new PlanCampaignService(activeModel, storage.datasets(), storage.campaigns(), clock);
    private final CampaignsService campaigns = new CampaignsService(storage.campaigns(), storage.datasets());
    private Path logs;

    @BeforeEach
    void ingestGeneratedLogs() throws IOException {
        logs = tmp.resolve("logs");
        new CampaignLogGenerator(new GeneratorSettings(20_000, 5)).writeTo(logs, GenerationProgress.NONE);
        IngestOutcome first = ingest(logs);
        assertTrue(first.readouts().isEmpty(), "no plans yet");
    }

    private IngestOutcome ingest(Path folder) {
        return ingest.ingest(IngestLogsCommand.inFolder(folder), ProgressListener.NONE);
    }

    private Path export(long planId, String name) throws IOException {
        Path file = tmp.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            campaigns.exportSendList(planId, out);
        }
        return file;
    }

    @Test
    void aPlansSimulatedResponsesAreReadOutAgainstItsControlWithoutMixingPlans() throws IOException {
        CampaignPlan best = planner.plan(new PlanCampaignCommand(
                2, 3_000L, null, null, null, 0.1, 0.2, ControlTreatment.BUSINESS_AS_USUAL, 1, START));
        CampaignPlan other = planner.plan(
                new PlanCampaignCommand(1, 1_000L, null, null, null, 0.1, 0.2, ControlTreatment.NOTHING, 2, START));
        assertEquals(3_750, best.figures().customers());

        List<String> first = Files.readAllLines(export(best.id(), "best.csv"));
        List<String> second = Files.readAllLines(export(other.id(), "other.csv"));
        assertEquals(3_751, first.size(), "target, explore and a business-as-usual control, with the header");
        assertEquals(1_001, second.size(), "a control that gets nothing is not on the send list");
        List<String> both = new ArrayList<>(first);
        both.addAll(second.subList(1, second.size()));
        Path sendList = tmp.resolve("both.csv");
        Files.write(sendList, both);
        Path answered = tmp.resolve("answered");
        PlanAnswer.Report report = PlanAnswer.answer(
                sendList,
                logs.resolve(CampaignLogGenerator.TRUTH),
                logs.resolve(CampaignLogGenerator.USERBASE),
                answered,
                3);
        assertEquals(4_750, report.sends());

        IngestOutcome outcome = ingest(answered);
        assertEquals(2, outcome.readouts().size());
        Readout readout =
                campaigns.readout(best.id()).flatMap(CampaignReadout::readout).orElseThrow();
        GroupConversion target = readout.group(Group.TARGET).orElseThrow();
        GroupConversion control = readout.group(Group.CONTROL).orElseThrow();
        assertEquals(2_700, target.sent());
        assertEquals(750, control.sent());
        assertTrue(readout.lift().orElseThrow().beatsControl(), readout.lift().toString());
        assertFalse(readout.calibration().isEmpty());
        System.out.printf(
                java.util.Locale.ROOT,
                "CampaignLoopTest: target %d/%d (plan expected %.1f, %.1f–%.1f)," + " control %d/%d, lift %s%n",
                target.responded(),
                target.sent(),
                best.figures().target().expected(),
                best.figures().target().lower(),
                best.figures().target().upper(),
                control.responded(),
                control.sent(),
                readout.lift().orElseThrow());

        // The other plan counts its own customers only, for its own subject line.
        Readout second2 =
                campaigns.readout(other.id()).flatMap(CampaignReadout::readout).orElseThrow();
        assertEquals(900, second2.group(Group.TARGET).orElseThrow().planned());
        GroupConversion nothing = second2.group(Group.CONTROL).orElseThrow();
        assertEquals(250, nothing.sent());
        assertEquals(0, nothing.responded(), "nobody answers an email not sent");
    }

    @Test
    void aPlanWhoseSendsNeverAppearSaysSoAndAFoundReadoutIsNotOverwrittenByLogsWithoutThem() throws IOException {
        CampaignPlan plan = planner.plan(PlanCampaignCommand.ofBudget(3, 500, 4, START));
        IngestOutcome again = ingest(logs);
        assertEquals(1, again.readouts().size());
        assertFalse(again.readouts().get(0).sendsFound(), "the old logs end before the plan starts");

        Path answered = tmp.resolve("answered");
        PlanAnswer.answer(
                export(plan.id(), "plan.csv"),
                logs.resolve(CampaignLogGenerator.TRUTH),
                logs.resolve(CampaignLogGenerator.USERBASE),
                answered,
                5);
        assertTrue(ingest(answered).readouts().get(0).sendsFound());
        assertTrue(ingest(logs).readouts().isEmpty(), "logs without the plan's sends say nothing more of it");
        assertEquals(2, campaigns.show(plan.id()).readouts().size());
        assertTrue(campaigns.show(plan.id()).latestReadout().orElseThrow().sendsFound());
    }
}
