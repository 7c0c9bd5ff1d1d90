package org.campaignrl.application.service;

import static org.campaignrl.application.Fixtures.quickTraining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.NothingServedException;
import org.campaignrl.application.memory.MemoryDatasetRepository;
import org.campaignrl.application.memory.MemoryModelRepository;
import org.campaignrl.application.memory.MemoryRunLog;
import org.campaignrl.application.model.ConvergenceSummary;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainOutcome;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QLearner;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.TrainingProgress;
import org.campaignrl.domain.quality.OptimalPlan;
import org.campaignrl.domain.quality.PolicyQuality;
import org.junit.jupiter.api.Test;

class TrainModelServiceTest {
    private final MemoryDatasetRepository datasets = new MemoryDatasetRepository();
    private final MemoryModelRepository models = new MemoryModelRepository();
    private final ActiveModel activeModel = new ActiveModel(models, datasets);
    private final TrainModelService service = new TrainModelService(
            datasets,
            models,
            activeModel,
            new RunRecorder(new MemoryRunLog(), MemoryRunLog.OWNER, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)),
            Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

    private final StateSpace space = Fixtures.space();
    /** Two goal cells (0.5 on 20 sends) and one responding cell. */
    private final Cells cells = Fixtures.CellsBuilder.on(space)
            .at(new int[] {12, 2, 1, 0, 3, 0, 1}, 20, 10)
            .at(new int[] {40, 5, 0, 1, 1, 1, 0}, 20, 10)
            .at(new int[] {12, 1, 0, 0, 0, 0, 0}, 4, 1)
            .build();

    @Test
    void trainsOnTheLatestDatasetStoresTheModelAndServesIt() {
        datasets.save(Fixtures.CellsBuilder.on(Fixtures.otherSpace()).build());
        long latest = datasets.save(cells);

        TrainOutcome outcome = service.train(quickTraining(), ProgressListener.NONE);

        assertEquals(latest, outcome.datasetId());
        assertTrue(outcome.activated());
        assertEquals(2, outcome.goalCells());
        assertEquals(300, outcome.stats().episodes());
        assertTrue(outcome.trainingNanos() >= 0);

        TrainedModel stored = models.load(outcome.modelId()).orElseThrow().model();
        assertEquals(latest, stored.datasetId());
        assertEquals(space.size(), stored.qTable().states());
        assertEquals(quickTraining().hyperparameters(), stored.hyperparameters());
        assertEquals(quickTraining().rewardRule(), stored.rewardRule());
        assertEquals(outcome.stats(), stored.stats());
        assertEquals(Fixtures.NOW, stored.createdAt());

        assertEquals(outcome.modelId(), models.loadActive().orElseThrow().id());
        ServingSnapshot served = activeModel.snapshot();
        assertEquals(outcome.modelId(), served.model().id());
        assertEquals(latest, served.dataset().id());
        assertEquals(cells, served.environment().cells());
    }

    @Test
    void theDefaultsTrainUntilTheGreedyPolicyIsTheOptimumsAndStoreThatItConverged() {
        datasets.save(cells);
        List<String> stages = new ArrayList<>();

        TrainOutcome outcome = service.train(TrainModelCommand.defaults(), (stage, done, total) -> stages.add(stage));

        assertTrue(outcome.converged());
        assertEquals(1.0, outcome.quality().greedyAgreement());
        assertTrue(outcome.stats().episodes() < Hyperparameters.DEFAULT_MAX_EPISODES);
        assertEquals(0, outcome.stats().episodes() % (space.size() * Action.COUNT), "whole rounds");
        assertTrue(stages.contains(TrainModelService.SETTLING_STAGE), stages.toString());
        ModelSummary stored = summary(outcome.modelId());
        assertEquals(Hyperparameters.DEFAULT, stored.hyperparameters());
        assertEquals(Optional.of(true), ConvergenceSummary.of(stored.metrics()).converged());
        // As often as the optimum's own greedy policy (far from both goals, γ 0.6 leaves Q* too flat to steer).
        Environment environment = new Environment(cells, RewardRule.DEFAULT);
        OptimalPlan plan = new OptimalPlan(environment, 0.6);
        assertEquals(
                PolicyQuality.measure(plan.optimalQ(), environment, plan, 100).successRateOverReachable(),
                stored.metrics().get("success_rate_over_reachable"));
    }

    @Test
    void anExplicitEpisodeCountIsHonouredExactlyWithTheOriginalServicesLearner() {
        datasets.save(cells);
        TrainModelCommand command =
                TrainModelCommand.defaults().withEpisodes(1_234).withSeed(5);

        TrainOutcome outcome = service.train(command, ProgressListener.NONE);

        assertEquals(1_234, outcome.stats().episodes());
        TrainedModel stored = models.load(outcome.modelId()).orElseThrow().model();
        Environment environment = new Environment(cells, command.rewardRule());
        assertEquals(
                new QLearner(command.hyperparameters())
                        .train(environment, 0, TrainingProgress.NONE)
                        .qTable(),
                stored.qTable());
        assertFalse(stored.hyperparameters().untilConverged());
    }

    @Test
    void aTrainingThatHitsItsCapSaysItDidNotConverge() {
        datasets.save(cells);
        TrainModelCommand capped = new TrainModelCommand(
                true, 100, 0, 1, 0.6, 100, 42, 0.30, 10, 3, Optional.empty(), Optional.empty(), true, "test");

        TrainOutcome outcome = service.train(capped, ProgressListener.NONE);

        assertFalse(outcome.converged());
        assertEquals(100, outcome.stats().episodes());
        ConvergenceSummary summary =
                ConvergenceSummary.of(summary(outcome.modelId()).metrics());
        assertEquals(Optional.of(false), summary.converged());
        assertTrue(summary.inWords().startsWith("not converged: "), summary.inWords());
    }

    private ModelSummary summary(long id) {
        return ModelSummary.of(models.load(id).orElseThrow(), true);
    }

    @Test
    void theStoredQTableIsWhatTheLearnerMakesOfTheDatasetFromTheStartState() {
        datasets.save(cells);
        int[] start = {40, 3, 2, 1, 4, 0, 1};
        TrainModelCommand command = quickTraining(Optional.of(start), Optional.empty(), true);

        TrainOutcome outcome = service.train(command, ProgressListener.NONE);

        int startIndex = space.indexOfVector(start);
        QLearner.Result expected = new QLearner(command.hyperparameters())
                .train(new Environment(cells, command.rewardRule()), startIndex, TrainingProgress.NONE);
        TrainedModel stored = models.load(outcome.modelId()).orElseThrow().model();
        assertEquals(startIndex, stored.startState());
        assertEquals(expected.qTable(), stored.qTable());
        assertEquals(expected.stats(), outcome.stats());
    }

    @Test
    void withoutAStartStateTrainingStartsAtTheFirstState() {
        datasets.save(cells);
        TrainOutcome outcome = service.train(quickTraining(), ProgressListener.NONE);
        assertEquals(0, models.load(outcome.modelId()).orElseThrow().model().startState());
    }

    @Test
    void aChosenDatasetIsUsedInsteadOfTheLatest() {
        long chosen = datasets.save(cells);
        datasets.save(Fixtures.CellsBuilder.on(Fixtures.otherSpace()).build());

        TrainOutcome outcome =
                service.train(quickTraining(Optional.empty(), Optional.of(chosen), true), ProgressListener.NONE);

        assertEquals(chosen, outcome.datasetId());
        assertEquals(
                space.size(),
                models.load(outcome.modelId()).orElseThrow().model().qTable().states());
        assertEquals(chosen, activeModel.snapshot().dataset().id());
    }

    @Test
    void anUnknownDatasetIsNotFound() {
        datasets.save(cells);
        assertThrows(
                NotFoundException.class,
                () -> service.train(quickTraining(Optional.empty(), Optional.of(9L), true), ProgressListener.NONE));
        assertTrue(models.all().isEmpty());
    }

    @Test
    void withoutAnyDatasetThereIsNothingToTrainOn() {
        assertThrows(NotFoundException.class, () -> service.train(quickTraining(), ProgressListener.NONE));
        assertTrue(models.all().isEmpty());
    }

    @Test
    void aModelTrainedWithoutActivationIsStoredButNotServed() {
        datasets.save(cells);

        TrainOutcome outcome =
                service.train(quickTraining(Optional.empty(), Optional.empty(), false), ProgressListener.NONE);

        assertFalse(outcome.activated());
        assertTrue(models.load(outcome.modelId()).isPresent());
        assertTrue(models.loadActive().isEmpty());
        assertThrows(NothingServedException.class, activeModel::snapshot);
    }

    @Test
    void aModelTrainedWithoutActivationLeavesThePreviousModelServed() {
        datasets.save(cells);
        long first = service.train(quickTraining(), ProgressListener.NONE).modelId();

        long second = service.train(quickTraining(Optional.empty(), Optional.empty(), false), ProgressListener.NONE)
                .modelId();

        assertTrue(second != first);
        assertEquals(first, activeModel.snapshot().model().id());
        assertEquals(first, models.loadActive().orElseThrow().id());
    }

    @Test
    void aNewActivatedModelReplacesTheServedOne() {
        datasets.save(cells);
        long first = service.train(quickTraining(), ProgressListener.NONE).modelId();
        ServingSnapshot before = activeModel.snapshot();

        long second = service.train(quickTraining(), ProgressListener.NONE).modelId();

        assertEquals(second, activeModel.snapshot().model().id());
        assertEquals(first, before.model().id(), "a snapshot already handed out is not changed");
    }

    @Test
    void anInvalidStartStateIsRejectedNamingStartStateAndStoresNothing() {
        datasets.save(cells);
        List<int[]> invalid = List.of(
                new int[] {99, 0, 0, 0, 0, 0, 0}, // unknown subject id
                new int[] {0, 0, 0, 0, 0, 0, 0}, // a subject code, not an id
                new int[] {12, 7, 0, 0, 0, 0, 0}, // day out of range
                new int[] {12, 0, 0, 2, 0, 0, 0}, // domain out of range
                new int[] {12, 0, 0, 0, 0, 0, -1}, // negative type
                new int[] {12, 0, 0, 0, 0, 0}); // too short
        for (int[] start : invalid) {
            InvalidCommandException e = assertThrows(
                    InvalidCommandException.class,
                    () -> service.train(
                            quickTraining(Optional.of(start), Optional.empty(), true), ProgressListener.NONE));
            assertEquals("startState", e.field());
        }
        assertTrue(models.all().isEmpty());
        assertThrows(NothingServedException.class, activeModel::snapshot);
    }

    @Test
    void progressIsReportedAsTheTrainingStage() {
        datasets.save(cells);
        List<long[]> reports = new ArrayList<>();
        List<String> stages = new ArrayList<>();

        service.train(quickTraining(), (stage, done, total) -> {
            stages.add(stage);
            reports.add(new long[] {done, total});
        });

        assertFalse(reports.isEmpty());
        assertTrue(stages.stream().allMatch("training"::equals), stages.toString());
        long[] last = reports.get(reports.size() - 1);
        assertEquals(300, last[0]);
        assertEquals(300, last[1]);
    }

    @Test
    void theServedSnapshotUsesTheModelsOwnRewardRule() {
        datasets.save(cells);
        TrainModelCommand strict = TrainModelCommand.defaults()
                .withEpisodes(50)
                .withMaxSteps(10)
                .withSeed(1)
                .withTargetRate(0.6);

        TrainOutcome outcome = service.train(strict, ProgressListener.NONE);

        assertEquals(0, outcome.goalCells(), "0.5 is not above 0.6");
        assertEquals(strict.rewardRule(), activeModel.snapshot().environment().rule());
        assertEquals(0, activeModel.snapshot().environment().goalCount());
    }
}
