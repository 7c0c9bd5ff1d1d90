package org.campaignrl.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.TrainingStats;

/** Hand-made spaces, cells, models and commands for the application tests. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    private Fixtures() {}

    /** Subjects 12 and 40, domains a.com and b.org: 2·7·7·2·5·2·2 = 3920 states. */
    public static StateSpace space() {
        return new StateSpace(new int[] {40, 12}, List.of("b.org", "a.com"));
    }

    /** Subject 7 only, domain x.com only: 980 states. */
    public static StateSpace otherSpace() {
        return new StateSpace(new int[] {7}, List.of("x.com"));
    }

    /** Sends and responses per cell, all empty until set. */
    public static final class CellsBuilder {
        private final StateSpace space;
        private final long[] sends;
        private final long[] responses;

        private CellsBuilder(StateSpace space) {
            this.space = space;
            this.sends = new long[space.size()];
            this.responses = new long[space.size()];
        }

        public static CellsBuilder on(StateSpace space) {
            return new CellsBuilder(space);
        }

        /** A cell by its user-facing vector (subject id first). */
        public CellsBuilder at(int[] vector, long sendCount, long responseCount) {
            return at(space.indexOfVector(vector), sendCount, responseCount);
        }

        public CellsBuilder at(int index, long sendCount, long responseCount) {
            sends[index] = sendCount;
            responses[index] = responseCount;
            return this;
        }

        public Cells build() {
            return new Cells(space, sends, responses);
        }
    }

    /** A Q table whose best action in state {@code s} is {@code best.applyAsInt(s)}. */
    public static QTable qTableWithBest(StateSpace space, IntUnaryOperator best) {
        double[] values = new double[space.size() * Action.COUNT];
        for (int s = 0; s < space.size(); s++) {
            values[s * Action.COUNT + best.applyAsInt(s)] = 1;
        }
        return new QTable(space.size(), values);
    }

    /** A stored-model stand-in for a Q table built by hand; rollouts are capped at {@code maxSteps}. */
    public static TrainedModel handMadeModel(long datasetId, QTable qTable, int maxSteps) {
        return new TrainedModel(
                datasetId,
                Hyperparameters.fixed(1, 0, 0.5, 0.5, maxSteps, 1),
                RewardRule.DEFAULT,
                0,
                qTable,
                new TrainingStats(1, 1, 0, List.of()),
                NOW);
    }

    /** A short training run: 300 episodes of at most 30 steps, default reward rule. */
    public static TrainModelCommand quickTraining(
            Optional<int[]> startState, Optional<Long> datasetId, boolean activate) {
        TrainModelCommand command = TrainModelCommand.defaults()
                .withEpisodes(300)
                .withEpsilon(0.1)
                .withAlpha(0.1)
                .withGamma(0.6)
                .withMaxSteps(30)
                .withSeed(42)
                .withTargetRate(0.30)
                .withMinSends(10)
                .withRewardFactor(3)
                .withActivate(activate);
        command = startState.map(command::withStartState).orElse(command);
        return datasetId.map(command::withDataset).orElse(command);
    }

    public static TrainModelCommand quickTraining() {
        return quickTraining(Optional.empty(), Optional.empty(), true);
    }
}
