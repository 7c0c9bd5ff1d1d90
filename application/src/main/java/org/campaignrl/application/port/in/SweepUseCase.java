package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.atLeast;
import static org.campaignrl.application.Validate.notNull;

import java.util.List;
import java.util.Optional;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.domain.RewardRule;

/**
 * Trains over a grid of hyperparameters on one dataset, without storing the models, and measures each
 * against the exact optimum: how many episodes does the learner need?
 */
public interface SweepUseCase {

    List<SweepPoint> sweep(SweepCommand command, ProgressListener progress);

    record SweepCommand(
            List<Integer> episodes,
            List<Double> epsilons,
            List<Double> alphas,
            List<Double> gammas,
            List<Long> seeds,
            int maxSteps,
            RewardRule rewardRule,
            Optional<Long> datasetId) {
        public SweepCommand {
            for (var grid : List.of(
                    notNull(episodes, "episodes"),
                    notNull(epsilons, "epsilon"),
                    notNull(alphas, "alpha"),
                    notNull(gammas, "gamma"),
                    notNull(seeds, "seed"))) {
                if (grid.isEmpty()) {
                    throw new InvalidCommandException("grid", "every grid needs at least one value");
                }
            }
            episodes.forEach(e -> atLeast(e, 1, "episodes"));
            atLeast(maxSteps, 1, "maxSteps");
            notNull(rewardRule, "rewardRule");
            episodes = List.copyOf(episodes);
            epsilons = List.copyOf(epsilons);
            alphas = List.copyOf(alphas);
            gammas = List.copyOf(gammas);
            seeds = List.copyOf(seeds);
            datasetId = datasetId == null ? Optional.empty() : datasetId;
        }

        public int runs() {
            return episodes.size() * epsilons.size() * alphas.size() * gammas.size() * seeds.size();
        }
    }

    record SweepPoint(
            int episodes,
            double epsilon,
            double alpha,
            double gamma,
            long seed,
            double successRate,
            double meanSteps,
            double meanOptimalSteps,
            double meanAbsQError,
            int goalCells,
            double trainMillis) {}
}
