package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.atLeast;
import static org.campaignrl.application.Validate.within;

import java.util.Optional;
import java.util.function.Consumer;
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
            boolean untilConverged,
            int episodes,
            double epsilon,
            double alpha,
            double gamma,
            int maxSteps,
            long seed,
            double targetRate,
            long minSends,
            double rewardFactor,
            Optional<int[]> startState,
            Optional<Long> datasetId,
            boolean activate,
            String startedBy) {

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
                throw new InvalidCommandException("startedBy", "must have 1.." + MAX_STARTED_BY_LENGTH + " characters");
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
            return new TrainModelCommand(
                    h.untilConverged(),
                    h.episodes(),
                    h.epsilon(),
                    h.alpha(),
                    h.gamma(),
                    h.maxSteps(),
                    h.seed(),
                    r.targetRate(),
                    r.minSends(),
                    r.rewardFactor(),
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    TrainedModel.UNKNOWN_STARTER);
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
            return with(draft -> draft.epsilon = value);
        }

        public TrainModelCommand withAlpha(double value) {
            return with(draft -> draft.alpha = value);
        }

        public TrainModelCommand withGamma(double value) {
            return with(draft -> draft.gamma = value);
        }

        public TrainModelCommand withMaxSteps(int value) {
            return with(draft -> draft.maxSteps = value);
        }

        public TrainModelCommand withSeed(long value) {
            return with(draft -> draft.seed = value);
        }

        public TrainModelCommand withTargetRate(double value) {
            return with(draft -> draft.targetRate = value);
        }

        public TrainModelCommand withMinSends(long value) {
            return with(draft -> draft.minSends = value);
        }

        public TrainModelCommand withRewardFactor(double value) {
            return with(draft -> draft.rewardFactor = value);
        }

        public TrainModelCommand withStartState(int[] vector) {
            return with(draft -> draft.startState = Optional.of(vector));
        }

        public TrainModelCommand withDataset(long id) {
            return with(draft -> draft.datasetId = Optional.of(id));
        }

        public TrainModelCommand withActivate(boolean value) {
            return with(draft -> draft.activate = value);
        }

        public TrainModelCommand withStartedBy(String who) {
            return with(draft -> draft.startedBy = who);
        }

        private TrainModelCommand with(Hyperparameters h) {
            return with(draft -> {
                draft.untilConverged = h.untilConverged();
                draft.episodes = h.episodes();
                draft.epsilon = h.epsilon();
                draft.alpha = h.alpha();
                draft.gamma = h.gamma();
                draft.maxSteps = h.maxSteps();
                draft.seed = h.seed();
            });
        }

        /** This command with one change; the new one validates itself as every command does. */
        private TrainModelCommand with(Consumer<Draft> change) {
            Draft draft = new Draft(this);
            change.accept(draft);
            return draft.command();
        }

        /** The one place that copies every field, so that each {@code with…} names only what it changes. */
        private static final class Draft {
            boolean untilConverged;
            int episodes;
            double epsilon;
            double alpha;
            double gamma;
            int maxSteps;
            long seed;
            double targetRate;
            long minSends;
            double rewardFactor;
            Optional<int[]> startState;
            Optional<Long> datasetId;
            boolean activate;
            String startedBy;

            Draft(TrainModelCommand c) {
                untilConverged = c.untilConverged;
                episodes = c.episodes;
                epsilon = c.epsilon;
                alpha = c.alpha;
                gamma = c.gamma;
                maxSteps = c.maxSteps;
                seed = c.seed;
                targetRate = c.targetRate;
                minSends = c.minSends;
                rewardFactor = c.rewardFactor;
                startState = c.startState;
                datasetId = c.datasetId;
                activate = c.activate;
                startedBy = c.startedBy;
            }

            TrainModelCommand command() {
                return new TrainModelCommand(
                        untilConverged,
                        episodes,
                        epsilon,
                        alpha,
                        gamma,
                        maxSteps,
                        seed,
                        targetRate,
                        minSends,
                        rewardFactor,
                        startState,
                        datasetId,
                        activate,
                        startedBy);
            }
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
    record TrainOutcome(
            long modelId,
            long datasetId,
            boolean activated,
            int goalCells,
            TrainingStats stats,
            long trainingNanos,
            boolean converged,
            PolicyQuality quality) {}
}
