package org.campaignrl.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.model.DatasetListing;
import org.campaignrl.application.model.InputFile;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.RetrainingDecision;
import org.campaignrl.application.model.RetrainingDecision.Outcome;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.EvaluateModelUseCase;
import org.campaignrl.application.port.in.EvaluateModelUseCase.EvaluateModelCommand;
import org.campaignrl.application.port.in.EvaluateModelUseCase.Evaluation;
import org.campaignrl.application.port.in.IngestLogsUseCase;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.ManageModelsUseCase;
import org.campaignrl.application.port.in.ManageModelsUseCase.ActivateModelCommand;
import org.campaignrl.application.port.in.RetrainingUseCase;
import org.campaignrl.application.port.in.TrainModelUseCase;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.out.RetrainingHistory;

/**
 * One run of scheduled retraining at a time (runs are synchronized): look at the folder, ingest,
 * train, measure, guard, activate or keep, record. The candidate is trained with the active model's
 * settings, so that only the data differs; figures measured once are stored with the model and
 * reused. New logs are recognised by their checksums differing from the latest dataset's.
 */
public final class RetrainingService implements RetrainingUseCase {
    static final String STARTED_BY = "scheduler";
    static final int DECISIONS_SHOWN = 50;
    private static final List<String> ROLES = List.of("sent", "responded", "userbase");

    /** Measures a model's quality figures (the evaluation's), by name; non-finite values are left out when stored. */
    @FunctionalInterface
    public interface QualityFigures {
        Map<String, Double> measure(long modelId);

        /** The evaluation's figures with its defaults, and the held-out lift when the dataset kept a part aside. */
        static QualityFigures evaluatedBy(EvaluateModelUseCase evaluateModel) {
            return modelId -> {
                Evaluation evaluation = evaluateModel.evaluate(EvaluateModelCommand.defaults(Optional.of(modelId)));
                Map<String, Double> figures = new LinkedHashMap<>(evaluation.quality());
                evaluation
                        .heldOut()
                        .ifPresent(heldOut ->
                                figures.put("held_out_lift", heldOut.lift().value()));
                return figures;
            };
        }
    }

    private final IngestLogsUseCase ingestLogs;
    private final TrainModelUseCase trainModel;
    private final ManageModelsUseCase manageModels;
    private final DatasetRepository datasets;
    private final ModelRepository models;
    private final RetrainingHistory history;
    private final QualityFigures quality;
    private final Map<String, RetrainingGuard.Better> watched;
    private final Clock clock;

    private volatile Planned planned;
    private volatile RetrainingDecision lastRun;
    private volatile Instant lastRunEnded;

    private record Planned(Duration every, RetrainCommand command, Instant since) {}

    public RetrainingService(
            IngestLogsUseCase ingestLogs,
            TrainModelUseCase trainModel,
            ManageModelsUseCase manageModels,
            DatasetRepository datasets,
            ModelRepository models,
            RetrainingHistory history,
            QualityFigures quality,
            Map<String, RetrainingGuard.Better> watched,
            Clock clock) {
        this.ingestLogs = ingestLogs;
        this.trainModel = trainModel;
        this.manageModels = manageModels;
        this.datasets = datasets;
        this.models = models;
        this.history = history;
        this.quality = quality;
        this.watched = new LinkedHashMap<>(watched);
        this.clock = clock;
    }

    @Override
    public synchronized RetrainingDecision retrain(RetrainCommand command) {
        RetrainingDecision decision = decide(command);
        if (decision.outcome() != Outcome.NOTHING_NEW) {
            decision = decision.withId(history.record(decision));
        }
        lastRun = decision;
        lastRunEnded = clock.instant();
        return decision;
    }

    @Override
    public void scheduled(Duration every, RetrainCommand command) {
        planned = new Planned(every, command, clock.instant());
    }

    @Override
    public RetrainingStatus status() {
        Planned plan = planned;
        Instant ended = lastRunEnded;
        Optional<Schedule> schedule = plan == null
                ? Optional.empty()
                : Optional.of(new Schedule(
                        plan.every(),
                        plan.command().watchDir(),
                        plan.command().tolerance(),
                        ended == null || !ended.isAfter(plan.since()) ? plan.since() : ended.plus(plan.every())));
        return new RetrainingStatus(schedule, Optional.ofNullable(lastRun), history.recent(DECISIONS_SHOWN));
    }

    private RetrainingDecision decide(RetrainCommand command) {
        IngestLogsCommand ingest = IngestLogsCommand.inFolder(command.watchDir());
        Optional<Long> active = optional(models.activeId());
        List<InputFile> arrived;
        try {
            arrived = InputFileChecksums.current(
                    ROLES, List.of(ingest.sentEmails(), ingest.responded(), ingest.userbase()));
        } catch (IngestRefusedException e) {
            return decision(
                    Outcome.NOTHING_NEW,
                    null,
                    null,
                    active,
                    "no complete set of logs in " + command.watchDir() + ": " + e.getMessage());
        }
        Optional<DatasetListing> latest = datasets.list().stream().findFirst();
        if (latest.isPresent() && sameFiles(latest.get().inputs(), arrived)) {
            return decision(
                    Outcome.NOTHING_NEW,
                    latest.get().id(),
                    null,
                    active,
                    "the logs in " + command.watchDir() + " are those of dataset "
                            + latest.get().id());
        }
        Long datasetId = null;
        Long candidate = null;
        try {
            datasetId = ingestLogs.ingest(ingest, ProgressListener.NONE).datasetId();
            candidate = trainModel
                    .train(training(datasetId, active), ProgressListener.NONE)
                    .modelId();
            Map<String, Double> candidateFigures = figures(candidate);
            if (active.isEmpty()) {
                manageModels.activate(new ActivateModelCommand(candidate));
                return decision(Outcome.ACTIVATED, datasetId, candidate, active, "no model was active");
            }
            RetrainingGuard.Verdict verdict =
                    new RetrainingGuard(watched, command.tolerance()).judge(candidateFigures, figures(active.get()));
            if (verdict.activate()) {
                manageModels.activate(new ActivateModelCommand(candidate));
                return decision(Outcome.ACTIVATED, datasetId, candidate, active, verdict.reason());
            }
            return decision(Outcome.KEPT, datasetId, candidate, active, verdict.reason());
        } catch (RuntimeException e) {
            return decision(
                    Outcome.FAILED,
                    datasetId,
                    candidate,
                    active,
                    "retraining failed: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** The same logs: every file has the checksum and size the dataset recorded for its role. */
    private static boolean sameFiles(List<InputFile> recorded, List<InputFile> arrived) {
        if (recorded.size() != arrived.size()) {
            return false;
        }
        for (InputFile file : arrived) {
            if (recorded.stream()
                    .noneMatch(r -> r.role().equals(file.role())
                            && r.sha256().equals(file.sha256())
                            && r.sizeBytes() == file.sizeBytes())) {
                return false;
            }
        }
        return true;
    }

    /** The active model's settings on the new dataset, so that the comparison is about the data. */
    private TrainModelCommand training(long datasetId, Optional<Long> active) {
        TrainModelCommand defaults = TrainModelCommand.defaults();
        Optional<ModelSummary> settings = active.flatMap(this::summary);
        var h = settings.map(ModelSummary::hyperparameters).orElse(defaults.hyperparameters());
        var r = settings.map(ModelSummary::rewardRule).orElse(defaults.rewardRule());
        return TrainModelCommand.of(h, r)
                .withDataset(datasetId)
                .withActivate(false)
                .withStartedBy(STARTED_BY);
    }

    /**
     * Measured now, with the guard's own measure (which may differ from the figures stored at training), and
     * stored with the model so that the decision can be checked later.
     */
    private Map<String, Double> figures(long modelId) {
        Map<String, Double> measured = new LinkedHashMap<>();
        quality.measure(modelId).forEach((name, value) -> {
            if (value != null && Double.isFinite(value)) {
                measured.put(name, value);
            }
        });
        models.saveMetrics(modelId, measured);
        return measured;
    }

    private Optional<ModelSummary> summary(long modelId) {
        return models.list().stream().filter(m -> m.id() == modelId).findFirst();
    }

    private RetrainingDecision decision(
            Outcome outcome, Long datasetId, Long candidate, Optional<Long> active, String reason) {
        return new RetrainingDecision(
                0,
                clock.instant(),
                outcome,
                Optional.ofNullable(datasetId),
                Optional.ofNullable(candidate),
                active,
                reason);
    }

    private static Optional<Long> optional(OptionalLong id) {
        return id.isPresent() ? Optional.of(id.getAsLong()) : Optional.empty();
    }
}
