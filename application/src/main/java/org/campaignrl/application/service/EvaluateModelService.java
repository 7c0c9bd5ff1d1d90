package org.campaignrl.application.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.NothingServedException;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.in.EvaluateModelUseCase;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.out.TrueProbabilitiesSource;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.quality.FoldReport;
import org.campaignrl.domain.quality.OptimalPlan;
import org.campaignrl.domain.quality.PolicyQuality;
import org.campaignrl.domain.ranking.RankingMethod;
import org.campaignrl.domain.ranking.evaluation.HeldOutEvaluation;
import org.campaignrl.domain.ranking.evaluation.TruthRegret;

public final class EvaluateModelService implements EvaluateModelUseCase {
    private final ModelRepository models;
    private final DatasetRepository datasets;
    private final TrueProbabilitiesSource truth;

    public EvaluateModelService(ModelRepository models, DatasetRepository datasets, TrueProbabilitiesSource truth) {
        this.models = models;
        this.datasets = datasets;
        this.truth = truth;
    }

    @Override
    public Evaluation evaluate(EvaluateModelCommand command) {
        ModelVersion version = command.modelId()
                .map(id -> models.load(id).orElseThrow(() -> new NotFoundException("no model with id " + id)))
                .orElseGet(() -> models.loadActive().orElseThrow(NothingServedException::new));
        TrainedModel model = version.model();
        DatasetVersion dataset = datasets.load(model.datasetId())
                .orElseThrow(() -> new NotFoundException(
                        "model " + version.id() + " refers to missing dataset " + model.datasetId()));
        Environment environment = new Environment(dataset.cells(), model.rewardRule());

        PolicyQuality quality = quality(model, environment);
        FoldReport folds = FoldReport.run(
                model.qTable(),
                environment,
                command.samplesPerFold(),
                model.hyperparameters().maxSteps(),
                command.seed());
        Optional<HeldOut> heldOut = dataset.heldOutCells().map(cells -> heldOut(dataset, cells, command));
        Optional<TruthComparison> truthComparison = command.truthFile().map(file -> truth(dataset, file, command));
        return new Evaluation(version.id(), dataset.id(), quality.figures(), folds, heldOut, truthComparison);
    }

    /** The learned policy against the exact optimum of the same environment. */
    static PolicyQuality quality(TrainedModel model, Environment environment) {
        OptimalPlan plan = new OptimalPlan(environment, model.hyperparameters().gamma());
        return PolicyQuality.measure(
                model.qTable(), environment, plan, model.hyperparameters().maxSteps());
    }

    private static HeldOutEvaluation.Options options(EvaluateModelCommand command) {
        return new HeldOutEvaluation.Options(
                command.topN(),
                command.minSends(),
                command.confidence(),
                command.bootstrapSamples(),
                command.seed(),
                HeldOutEvaluation.Options.DEFAULT.oracle());
    }

    private static HeldOut heldOut(DatasetVersion dataset, Cells heldOutCells, EvaluateModelCommand command) {
        HeldOutEvaluation.Options options = options(command);
        List<RankingMethod> methods = new ArrayList<>(List.of(RankingMethod.values()));
        HeldOutEvaluation.Comparison comparison =
                HeldOutEvaluation.compare(dataset.cells(), heldOutCells, methods, options);
        HeldOutEvaluation.Result chosen = comparison.results().get(methods.indexOf(command.method()));
        int raw = methods.indexOf(RankingMethod.RAW_RATE);
        List<MethodResult> results = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            HeldOutEvaluation.Result r = comparison.results().get(i);
            results.add(new MethodResult(r.label(), r.top(), r.lift(), r.regret(), comparison.difference(i, raw)));
        }
        return new HeldOut(
                dataset.split().describe(),
                command.method().name(),
                command.topN(),
                command.minSends(),
                command.bootstrapSamples(),
                chosen.base(),
                chosen.top(),
                chosen.oracle(),
                chosen.lift(),
                chosen.regret(),
                results);
    }

    private TruthComparison truth(DatasetVersion dataset, Path file, EvaluateModelCommand command) {
        Cells training = dataset.cells();
        double[] probabilities;
        try {
            probabilities = truth.load(file, training.space());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException("truthFile", e.getMessage());
        }
        List<TruthResult> results = new ArrayList<>();
        for (RankingMethod method : RankingMethod.values()) {
            TruthRegret regret = TruthRegret.evaluate(
                    training, probabilities, method, command.topN(), command.minSends(), command.confidence());
            results.add(new TruthResult(method.name(), regret.chosenMean(), regret.bestMean(), regret.regret()));
        }
        // The truly best cells, picked by their true probability, measured on the same held-out sends.
        double[] truthScores = probabilities.clone();
        for (int s = 0; s < truthScores.length; s++) {
            if (Double.isNaN(truthScores[s])) {
                truthScores[s] = Double.NEGATIVE_INFINITY;
            }
        }
        var bestHeldOut = dataset.heldOutCells()
                .map(heldOut -> HeldOutEvaluation.evaluate(training, heldOut, "TRUTH", truthScores, options(command))
                        .top());
        return new TruthComparison(file.toString(), results, bestHeldOut);
    }
}
