package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.memory.MemoryDatasetRepository;
import org.campaignrl.application.memory.MemoryModelRepository;
import org.campaignrl.application.memory.MemoryRunLog;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.RetrainingDecision;
import org.campaignrl.application.model.RetrainingDecision.Outcome;
import org.campaignrl.application.port.in.RetrainingUseCase.RetrainCommand;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.RetrainingHistory;
import org.campaignrl.domain.Cells;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled retraining over the in-memory storage: the logs' first line says how good a model trained on them is
 * ({@code success_rate} per mille), so that a worse dataset can be fed on purpose.
 */
class RetrainingServiceTest {
    @TempDir
    Path watchDir;

    private final MemoryDatasetRepository datasets = new MemoryDatasetRepository();
    private final MemoryModelRepository models = new MemoryModelRepository();
    private final ActiveModel activeModel = new ActiveModel(models, datasets);
    private final Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    private final List<RetrainingDecision> recorded = new ArrayList<>();
    private final RetrainingHistory history = new RetrainingHistory() {
        @Override
        public long record(RetrainingDecision decision) {
            recorded.add(0, decision.withId(recorded.size() + 1));
            return recorded.size();
        }

        @Override
        public List<RetrainingDecision> recent(int limit) {
            return recorded.stream().limit(limit).toList();
        }
    };
    private final Cells cells = Fixtures.CellsBuilder.on(Fixtures.space())
            .at(new int[] {12, 1, 0, 0, 0, 0, 0}, 20, 20)
            .build();
    /** The source reads the first line of the sends log: the success rate, per mille, its data will give. */
    private final CampaignLogSource source = (files, split, rejects, progress) -> {
        try {
            long perMille =
                    Long.parseLong(Files.readAllLines(files.sentEmails()).get(0).trim());
            if (perMille < 0) {
                throw new IngestRefusedException(files.sentEmails().toString(), 1, "negative");
            }
            return new AggregatedLogs(cells, new IngestSummary(List.of(), perMille, 0, 0, 0, 0, null, null, ""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    };
    /** The quality a model has: its dataset's per mille as {@code success_rate}. */
    private final RetrainingService.QualityFigures quality = modelId -> {
        long datasetId = models.load(modelId).orElseThrow().model().datasetId();
        long perMille = datasets.load(datasetId).orElseThrow().summary().customers();
        return Map.of("success_rate", perMille / 1000.0, "success_rate_over_reachable", Double.NaN);
    };

    private RetrainingService retraining;
    private long initial;

    @BeforeEach
    void anActiveModelWithASuccessRateOf600PerMille() throws IOException {
        ManageModelsService manage = new ManageModelsService(models, activeModel);
        RunRecorder runs = new RunRecorder(new MemoryRunLog(), MemoryRunLog.OWNER, clock);
        retraining = new RetrainingService(
                new IngestLogsService(source, datasets, runs, clock),
                new TrainModelService(datasets, models, activeModel, runs, clock),
                manage,
                datasets,
                models,
                history,
                quality,
                RetrainingGuard.standard(0).watched(),
                clock);
        arrive(600);
        assertEquals(Outcome.ACTIVATED, retraining.retrain(command()).outcome());
        initial = models.activeId().orElseThrow();
    }

    private RetrainCommand command() {
        return new RetrainCommand(watchDir, 0.02);
    }

    /** New logs arrive in the watched folder. */
    private void arrive(int perMille) throws IOException {
        Files.writeString(watchDir.resolve("sent_emails.csv"), perMille + "\n");
        Files.writeString(watchDir.resolve("responded.csv"), "r\n");
        Files.writeString(watchDir.resolve("userbase.csv"), "u\n");
    }

    @Test
    void theFirstModelIsActivatedWhenNoneWasAndTrainedByTheScheduler() {
        RetrainingDecision first = recorded.get(0);

        assertEquals("no model was active", first.reason());
        assertEquals(Optional.empty(), first.activeModelId());
        assertEquals(Optional.of(initial), first.candidateModelId());
        assertEquals(
                RetrainingService.STARTED_BY,
                models.load(initial).orElseThrow().model().startedBy());
        assertEquals(0.6, models.load(initial).orElseThrow().metrics().get("success_rate"));
    }

    @Test
    void aWorseDatasetIsRejectedAndTheActiveModelKept() throws IOException {
        arrive(300);

        RetrainingDecision decision = retraining.retrain(command());

        assertEquals(Outcome.KEPT, decision.outcome(), decision.reason());
        assertTrue(
                decision.reason().startsWith("worse than the active model: success_rate 0.3000 vs 0.6000"),
                decision.reason());
        assertEquals(Optional.of(initial), decision.activeModelId());
        long candidate = decision.candidateModelId().orElseThrow();
        assertEquals(initial, models.activeId().orElseThrow());
        assertEquals(initial, activeModel.snapshot().model().id());
        assertEquals(0.3, models.load(candidate).orElseThrow().metrics().get("success_rate"));
        assertEquals(decision, retraining.status().decisions().get(0));
        assertEquals(2, retraining.status().decisions().size());
    }

    @Test
    void aDatasetWorseOnlyWithinTheToleranceIsActivated() throws IOException {
        arrive(590); // 1.7 % below 600, within 2 %

        RetrainingDecision decision = retraining.retrain(command());

        assertEquals(Outcome.ACTIVATED, decision.outcome(), decision.reason());
        assertEquals(
                decision.candidateModelId().orElseThrow(), models.activeId().orElseThrow());
        assertEquals(
                decision.candidateModelId().orElseThrow(),
                activeModel.snapshot().model().id());
    }

    @Test
    void theSameLogsAgainAreNothingNewAndNotRecorded() {
        RetrainingDecision decision = retraining.retrain(command());

        assertEquals(Outcome.NOTHING_NEW, decision.outcome());
        assertTrue(decision.reason().contains("are those of dataset 1"), decision.reason());
        assertEquals(1, recorded.size());
        assertEquals(decision, retraining.status().lastRun().orElseThrow());
        assertEquals(1, datasets.all().size());
    }

    @Test
    void anIncompleteFolderIsNothingNew() throws IOException {
        Files.delete(watchDir.resolve("userbase.csv"));

        RetrainingDecision decision = retraining.retrain(command());

        assertEquals(Outcome.NOTHING_NEW, decision.outcome());
        assertTrue(decision.reason().contains("userbase.csv"), decision.reason());
    }

    @Test
    void aFailedIngestIsRecordedAndChangesNothing() throws IOException {
        arrive(-1);

        RetrainingDecision decision = retraining.retrain(command());

        assertEquals(Outcome.FAILED, decision.outcome());
        assertTrue(decision.reason().contains("negative"), decision.reason());
        assertEquals(initial, models.activeId().orElseThrow());
        assertEquals(2, recorded.size());
    }

    @Test
    void theStatusShowsTheScheduleAndWhenItRunsNext() {
        assertTrue(retraining.status().schedule().isEmpty());

        retraining.scheduled(Duration.ofHours(6), command());

        var schedule = retraining.status().schedule().orElseThrow();
        assertEquals(Duration.ofHours(6), schedule.every());
        assertEquals(watchDir, schedule.watchDir());
        assertEquals(0.02, schedule.tolerance());
        assertEquals(Fixtures.NOW, schedule.nextRunAt()); // the clock is fixed: the first run is due at once
        assertFalse(retraining.status().decisions().isEmpty());
    }
}
