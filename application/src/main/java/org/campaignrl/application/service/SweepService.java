package org.campaignrl.application.service;

import java.util.ArrayList;
import java.util.List;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.SweepUseCase;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QLearner;
import org.campaignrl.domain.TrainingProgress;
import org.campaignrl.domain.quality.OptimalPlan;
import org.campaignrl.domain.quality.PolicyQuality;

public final class SweepService implements SweepUseCase {
    private final DatasetRepository datasets;

    public SweepService(DatasetRepository datasets) {
        this.datasets = datasets;
    }

    @Override
    public List<SweepPoint> sweep(SweepCommand command, ProgressListener progress) {
        DatasetVersion dataset = command.datasetId()
                .map(id -> datasets.load(id).orElseThrow(() -> new NotFoundException("no dataset with id " + id)))
                .orElseGet(() -> datasets.loadLatest()
                        .orElseThrow(() -> new NotFoundException("no dataset yet: ingest campaign logs first")));
        Environment environment = new Environment(dataset.cells(), command.rewardRule());
        List<SweepPoint> points = new ArrayList<>();
        int run = 0;
        for (double gamma : command.gammas()) {
            // The optimum depends on γ only: compute it once per γ.
            OptimalPlan plan = new OptimalPlan(environment, gamma);
            for (int episodes : command.episodes()) {
                for (double epsilon : command.epsilons()) {
                    for (double alpha : command.alphas()) {
                        for (long seed : command.seeds()) {
                            Hyperparameters h =
                                    Hyperparameters.fixed(episodes, epsilon, alpha, gamma, command.maxSteps(), seed);
                            long started = System.nanoTime();
                            QLearner.Result result = new QLearner(h).train(environment, 0, TrainingProgress.NONE);
                            double millis = (System.nanoTime() - started) / 1e6;
                            PolicyQuality quality =
                                    PolicyQuality.measure(result.qTable(), environment, plan, command.maxSteps());
                            points.add(new SweepPoint(
                                    episodes,
                                    epsilon,
                                    alpha,
                                    gamma,
                                    seed,
                                    quality.successRate(),
                                    quality.meanSteps(),
                                    quality.meanOptimalSteps(),
                                    quality.meanAbsQError(),
                                    environment.goalCount(),
                                    millis));
                            progress.progress("sweep", ++run, command.runs());
                        }
                    }
                }
            }
        }
        return points;
    }
}
