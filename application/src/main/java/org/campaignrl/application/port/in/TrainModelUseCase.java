package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.atLeast;
import static org.campaignrl.application.Validate.within;

import java.util.Optional;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.TrainingStats;

/** Trains a new model version on the current dataset (or a chosen one) and, unless told not to, activates it. */
public interface TrainModelUseCase {

    TrainOutcome train(TrainModelCommand command, ProgressListener progress);

    /**
     * @param startState the state vector of the first episode (subject id, then codes); empty for the
     *                   first state of the space
     * @param datasetId  the dataset to train on; empty for the current (latest) one
     * @param startedBy  who asked for it, recorded with the model (a user name, "api", "scheduler")
     */
    record TrainModelCommand(
            int episodes, double epsilon, double alpha, double gamma, int maxSteps, long seed,
            double targetRate, long minSends, double rewardFactor,
            Optional<int[]> startState, Optional<Long> datasetId, boolean activate, String startedBy) {

        public static final int MAX_STARTED_BY_LENGTH = 200;

        public TrainModelCommand {
            atLeast(episodes, 1, "episodes");
            within(epsilon, 0, 1, "epsilon");
            within(alpha, 0, 1, "alpha");
            if (alpha == 0) {
                throw new InvalidCommandException("alpha", "must be above 0");
            }
            within(gamma, 0, 1, "gamma");
            if (gamma == 1) {
                throw new InvalidCommandException("gamma", "must be below 1");
            }
            atLeast(maxSteps, 1, "maxSteps");
            within(targetRate, 0, 1, "targetRate");
            atLeast(minSends, 0, "minSends");
            if (!Double.isFinite(rewardFactor)) {
                throw new InvalidCommandException("rewardFactor", "must be a finite number");
            }
            startState = startState == null ? Optional.empty() : startState.map(int[]::clone);
            datasetId = datasetId == null ? Optional.empty() : datasetId;
            startedBy = startedBy == null ? TrainedModel.UNKNOWN_STARTER : startedBy.strip();
            if (startedBy.isEmpty() || startedBy.length() > MAX_STARTED_BY_LENGTH) {
                throw new InvalidCommandException("startedBy", "must have 1.." + MAX_STARTED_BY_LENGTH
                        + " characters");
            }
        }

        /** Started by someone not named. */
        public TrainModelCommand(int episodes, double epsilon, double alpha, double gamma, int maxSteps, long seed,
                                 double targetRate, long minSends, double rewardFactor, Optional<int[]> startState,
                                 Optional<Long> datasetId, boolean activate) {
            this(episodes, epsilon, alpha, gamma, maxSteps, seed, targetRate, minSends, rewardFactor, startState,
                    datasetId, activate, TrainedModel.UNKNOWN_STARTER);
        }

        public TrainModelCommand withStartedBy(String who) {
            return new TrainModelCommand(episodes, epsilon, alpha, gamma, maxSteps, seed, targetRate, minSends,
                    rewardFactor, startState, datasetId, activate, who);
        }

        /** The documented defaults: 20 000 episodes, ε 0.1, α 0.1, γ 0.6, target 0.30, 10 sends, factor 3, seed 42. */
        public static TrainModelCommand defaults() {
            Hyperparameters h = Hyperparameters.DEFAULT;
            RewardRule r = RewardRule.DEFAULT;
            return new TrainModelCommand(h.episodes(), h.epsilon(), h.alpha(), h.gamma(), h.maxSteps(), h.seed(),
                    r.targetRate(), r.minSends(), r.rewardFactor(), Optional.empty(), Optional.empty(), true);
        }

        public Hyperparameters hyperparameters() {
            return new Hyperparameters(episodes, epsilon, alpha, gamma, maxSteps, seed);
        }

        public RewardRule rewardRule() {
            return new RewardRule(targetRate, minSends, rewardFactor);
        }
    }

    record TrainOutcome(long modelId, long datasetId, boolean activated, int goalCells, TrainingStats stats,
                        long trainingNanos) {
    }
}
