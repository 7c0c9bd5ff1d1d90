package org.campaignrl.application.service;

import java.time.Clock;
import java.util.Locale;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.in.TrainModelUseCase;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.QLearner;

/**
 * Trains on a stored dataset, stores the model as a new version, and serves it if activated. Every
 * training is recorded as a run, one that fails as failed with the reason.
 */
public final class TrainModelService implements TrainModelUseCase {
    static final String STAGE = "training";

    private final DatasetRepository datasets;
    private final ModelRepository models;
    private final ActiveModel activeModel;
    private final RunRecorder runs;
    private final Clock clock;

    public TrainModelService(DatasetRepository datasets, ModelRepository models, ActiveModel activeModel,
                             RunRecorder runs, Clock clock) {
        this.datasets = datasets;
        this.models = models;
        this.activeModel = activeModel;
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public TrainOutcome train(TrainModelCommand command, ProgressListener progress) {
        String subject = String.format(Locale.ROOT, "%s, %,d episodes, seed %d, by %s",
                command.datasetId().map(id -> "dataset " + id).orElse("the latest dataset"), command.episodes(),
                command.seed(), command.startedBy());
        return runs.record(Run.Kind.TRAINING, subject, progress, watched -> trainAndStore(command, watched),
                outcome -> new RunRecorder.Made(outcome.modelId(), String.format(Locale.ROOT,
                        "model %d on dataset %d%s: %.1f %% of %,d episodes reached a goal", outcome.modelId(),
                        outcome.datasetId(), outcome.activated() ? ", activated" : "",
                        100 * outcome.stats().goalRate(), outcome.stats().episodes())));
    }

    private TrainOutcome trainAndStore(TrainModelCommand command, ProgressListener progress) {
        DatasetVersion dataset = command.datasetId()
                .map(id -> datasets.load(id).orElseThrow(() -> new NotFoundException("no dataset with id " + id)))
                .orElseGet(() -> datasets.loadLatest().orElseThrow(
                        () -> new NotFoundException("no dataset yet: ingest campaign logs first")));
        Environment environment = new Environment(dataset.cells(), command.rewardRule());
        int startState = command.startState().map(vector -> {
            try {
                return dataset.cells().space().indexOfVector(vector);
            } catch (IllegalArgumentException e) {
                throw new InvalidCommandException("startState", e.getMessage());
            }
        }).orElse(0);

        long started = System.nanoTime();
        QLearner.Result result = new QLearner(command.hyperparameters())
                .train(environment, startState, (done, total) -> progress.progress(STAGE, done, total));
        long trainingNanos = System.nanoTime() - started;

        TrainedModel model = new TrainedModel(dataset.id(), command.hyperparameters(), command.rewardRule(), startState,
                result.qTable(), result.stats(), clock.instant(), command.startedBy());
        // Every model carries its distance to the optimum, so that versions can be compared and guarded. Measured
        // before the model is stored, so that its figures follow it at once (a kill between the two would leave
        // a model without them).
        java.util.Map<String, Double> figures = finite(EvaluateModelService.quality(model, environment).figures());
        long id = models.save(model, command.activate());
        models.saveMetrics(id, figures);
        if (command.activate()) {
            activeModel.reload();
        }
        return new TrainOutcome(id, dataset.id(), command.activate(), environment.goalCount(), result.stats(),
                trainingNanos);
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
