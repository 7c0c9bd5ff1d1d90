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
import org.campaignrl.domain.quality.PolicyQuality;

/** Trains a new model version on the current dataset (or a chosen one) and, unless told not to, activates it. */
public interface TrainModelUseCase {

    TrainOutcome train(TrainModelCommand command, ProgressListener progress);

    /**
     * What to train. Build it from {@link #defaults()} with the {@code with…} methods; the record's fields are what
     * is stored. With {@code untilConverged}, {@code episodes} is the most the training may run.
     *
     * @param startState the state vector of the first episode of a fixed count (subject id, then codes); empty for
     *                   the first state of the space. Training until converged starts from every state.
     * @param datasetId  the dataset to train on; empty for the current (latest) one
     * @param startedBy  who asked for it, recorded with the model (a user name, "api", "scheduler")
     */
    record TrainModelCommand(
            boolean untilConverged, int episodes, double epsilon, double alpha, double gamma, int maxSteps,
            long seed, double targetRate, long minSends, double rewardFactor,
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

        /**
         * The defaults, from {@link Hyperparameters#DEFAULT} and {@link RewardRule#DEFAULT}: until converged, γ 0.6,
         * target 0.30 on more than 10 sends, goal factor 3, seed 42, activated, on the latest dataset.
         */
        public static TrainModelCommand defaults() {
            return of(Hyperparameters.DEFAULT, RewardRule.DEFAULT);
        }

        /** A model's settings again (as retraining does), on the latest dataset, activated. */
        public static TrainModelCommand of(Hyperparameters h, RewardRule r) {
            return new TrainModelCommand(h.untilConverged(), h.episodes(), h.epsilon(), h.alpha(), h.gamma(),
                    h.maxSteps(), h.seed(), r.targetRate(), r.minSends(), r.rewardFactor(), Optional.empty(),
                    Optional.empty(), true, TrainedModel.UNKNOWN_STARTER);
        }

        /**
         * Exactly {@code count} episodes, as the original service trained. From a training until converged, ε and α
         * become the original service's ({@link Hyperparameters#ORIGINAL}): set them after the count.
         */
        public TrainModelCommand withEpisodes(int count) {
            atLeast(count, 1, "episodes");
            return with(hyperparameters().withEpisodes(count));
        }

        /** Until converged (the default), with the default rates and cap. */
        public TrainModelCommand withUntilConverged() {
            return with(hyperparameters().withUntilConverged());
        }

        public TrainModelCommand withEpsilon(double value) {
            return new TrainModelCommand(untilConverged, episodes, value, alpha, gamma, maxSteps, seed, targetRate,
                    minSends, rewardFactor, startState, datasetId, activate, startedBy);
        }

        public TrainModelCommand withAlpha(double value) {
            return new TrainModelCommand(untilConverged, episodes, epsilon, value, gamma, maxSteps, seed, targetRate,
                    minSends, rewardFactor, startState, datasetId, activate, startedBy);
        }

        public TrainModelCommand withGamma(double value) {
            return new TrainModelCommand(untilConverged, episodes, epsilon, alpha, value, maxSteps, seed, targetRate,
                    minSends, rewardFactor, startState, datasetId, activate, startedBy);
        }

        public TrainModelCommand withMaxSteps(int value) {
            return new TrainModelCommand(untilConverged, episodes, epsilon, alpha, gamma, value, seed, targetRate,
                    minSends, rewardFactor, startState, datasetId, activate, startedBy);
        }

        public TrainModelCommand withSeed(long value) {
            return new TrainModelCommand(untilConverged, episodes, epsilon, alpha, gamma, maxSteps, value, targetRate,
                    minSends, rewardFactor, startState, datasetId, activate, startedBy);
        }

        public TrainModelCommand withTargetRate(double value) {
            return new TrainModelCommand(untilConverged, episodes, epsilon, alpha, gamma, maxSteps, seed, value,
                    minSends, rewardFactor, startState, datasetId, activate, startedBy);
        }

        public TrainModelCommand withMinSends(long value) {
            return new TrainModelCommand(untilConverged, episodes, epsilon, alpha, gamma, maxSteps, seed, targetRate,
                    value, rewardFactor, startState, datasetId, activate, startedBy);
        }

        public TrainModelCommand withRewardFactor(double value) {
            return new TrainModelCommand(untilConverged, episodes, epsilon, alpha, gamma, maxSteps, seed, targetRate,
                    minSends, value, startState, datasetId, activate, startedBy);
        }

        public TrainModelCommand withStartState(int[] vector) {
            return new TrainModelCommand(untilConverged, episodes, epsilon, alpha, gamma, maxSteps, seed, targetRate,
                    minSends, rewardFactor, Optional.of(vector), datasetId, activate, startedBy);
        }

        public TrainModelCommand withDataset(long id) {
            return new TrainModelCommand(untilConverged, episodes, epsilon, alpha, gamma, maxSteps, seed, targetRate,
                    minSends, rewardFactor, startState, Optional.of(id), activate, startedBy);
        }

        public TrainModelCommand withActivate(boolean value) {
            return new TrainModelCommand(untilConverged, episodes, epsilon, alpha, gamma, maxSteps, seed, targetRate,
                    minSends, rewardFactor, startState, datasetId, value, startedBy);
        }

        public TrainModelCommand withStartedBy(String who) {
            return new TrainModelCommand(untilConverged, episodes, epsilon, alpha, gamma, maxSteps, seed, targetRate,
                    minSends, rewardFactor, startState, datasetId, activate, who);
        }

        private TrainModelCommand with(Hyperparameters h) {
            return new TrainModelCommand(h.untilConverged(), h.episodes(), h.epsilon(), h.alpha(), h.gamma(),
                    h.maxSteps(), h.seed(), targetRate, minSends, rewardFactor, startState, datasetId, activate,
                    startedBy);
        }

        public Hyperparameters hyperparameters() {
            return new Hyperparameters(untilConverged, episodes, epsilon, alpha, gamma, maxSteps, seed);
        }

        public RewardRule rewardRule() {
            return new RewardRule(targetRate, minSends, rewardFactor);
        }
    }

    /**
     * @param converged whether the model's greedy policy is Q*'s ({@code Convergence}); a training until converged
     *                  that stopped at its cap, and most fixed counts, are not
     * @param quality   the model's figures against the exact optimum, as stored with it
     */
    record TrainOutcome(long modelId, long datasetId, boolean activated, int goalCells, TrainingStats stats,
                        long trainingNanos, boolean converged, PolicyQuality quality) {
    }
}
