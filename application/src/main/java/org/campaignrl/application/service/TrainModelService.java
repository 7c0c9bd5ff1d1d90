package org.campaignrl.application.service;

import java.time.Clock;
import java.util.Locale;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.ConvergenceSummary;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.TrainModelUseCase;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.domain.ConvergingQLearner;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QLearner;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.TrainingProgress;
import org.campaignrl.domain.TrainingStats;
import org.campaignrl.domain.quality.Convergence;
import org.campaignrl.domain.quality.OptimalPlan;
import org.campaignrl.domain.quality.PolicyQuality;

/**
 * Trains on a stored dataset, stores the model as a new version, and serves it if activated. Every
 * training is recorded as a run, one that fails as failed with the reason.
 */
public final class TrainModelService implements TrainModelUseCase {
    static final String STAGE = "training";
    /** Training until converged: states whose greedy action is already the optimum's, of all states. */
    static final String SETTLING_STAGE = "training (states at the optimum)";

    private final DatasetRepository datasets;
    private final ModelRepository models;
    private final ActiveModel activeModel;
    private final RunRecorder runs;
    private final Clock clock;

    public TrainModelService(
            DatasetRepository datasets,
            ModelRepository models,
            ActiveModel activeModel,
            RunRecorder runs,
            Clock clock) {
        this.datasets = datasets;
        this.models = models;
        this.activeModel = activeModel;
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public TrainOutcome train(TrainModelCommand command, ProgressListener progress) {
        String subject = String.format(
                Locale.ROOT,
                "%s, %s, seed %d, by %s",
                command.datasetId().map(id -> "dataset " + id).orElse("the latest dataset"),
                command.hyperparameters().length(),
                command.seed(),
                command.startedBy());
        return runs.record(
                Run.Kind.TRAINING,
                subject,
                progress,
                watched -> trainAndStore(command, watched),
                outcome -> new RunRecorder.Made(
                        outcome.modelId(),
                        String.format(
                                Locale.ROOT,
                                "model %d on dataset %d%s: %s after %,d episodes",
                                outcome.modelId(),
                                outcome.datasetId(),
                                outcome.activated() ? ", activated" : "",
                                ConvergenceSummary.of(outcome.quality()).inWords(),
                                outcome.stats().episodes())));
    }

    private TrainOutcome trainAndStore(TrainModelCommand command, ProgressListener progress) {
        DatasetVersion dataset = command.datasetId()
                .map(id -> datasets.load(id).orElseThrow(() -> new NotFoundException("no dataset with id " + id)))
                .orElseGet(() -> datasets.loadLatest()
                        .orElseThrow(() -> new NotFoundException("no dataset yet: ingest campaign logs first")));
        Environment environment = new Environment(dataset.cells(), command.rewardRule());
        int startState = command.startState()
                .map(vector -> {
                    try {
                        return dataset.cells().space().indexOfVector(vector);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidCommandException("startState", e.getMessage());
                    }
                })
                .orElse(0);

        // The exact optimum judges the training as it goes (until converged) and the model once it is made.
        OptimalPlan plan = new OptimalPlan(environment, command.gamma());
        long started = System.nanoTime();
        Learned learned = learn(command.hyperparameters(), environment, startState, plan, progress);
        long trainingNanos = System.nanoTime() - started;

        TrainedModel model = new TrainedModel(
                dataset.id(),
                command.hyperparameters(),
                command.rewardRule(),
                startState,
                learned.qTable(),
                learned.stats(),
                clock.instant(),
                command.startedBy());
        // Every model carries its distance to the optimum, so that versions can be compared and guarded. Measured
        // before the model is stored, so that its figures follow it at once (a kill between the two would leave
        // a model without them).
        PolicyQuality quality = PolicyQuality.measure(model.qTable(), environment, plan, command.maxSteps());
        java.util.Map<String, Double> figures = finite(quality.figures());
        long id = models.save(model, command.activate());
        models.saveMetrics(id, figures);
        if (command.activate()) {
            activeModel.reload();
        }
        return new TrainOutcome(
                id,
                dataset.id(),
                command.activate(),
                environment.goalCount(),
                learned.stats(),
                trainingNanos,
                quality.converged(),
                quality);
    }

    private record Learned(QTable qTable, TrainingStats stats) {}

    private static Learned learn(
            Hyperparameters h, Environment environment, int startState, OptimalPlan plan, ProgressListener progress) {
        if (h.untilConverged()) {
            ConvergingQLearner.Result result = new ConvergingQLearner(h)
                    .train(environment, Convergence.against(plan), new TrainingProgress() {
                        @Override
                        public void episodesDone(int done, int total) {
                            progress.progress(STAGE, done, total);
                        }

                        @Override
                        public void statesSettled(int settled, int states) {
                            progress.progress(SETTLING_STAGE, settled, states);
                        }
                    });
            return new Learned(result.qTable(), result.stats());
        }
        QLearner.Result result =
                new QLearner(h).train(environment, startState, (done, total) -> progress.progress(STAGE, done, total));
        return new Learned(result.qTable(), result.stats());
    }

    /** Figures that are undefined (NaN, say a mean over no successful start) are left out rather than stored. */
    private static java.util.Map<String, Double> finite(java.util.Map<String, Double> figures) {
        java.util.Map<String, Double> kept = new java.util.LinkedHashMap<>();
        figures.forEach((name, value) -> {
            if (Double.isFinite(value)) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
