package org.campaignrl.application.port.in;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.application.port.in.ExportCellsUseCase.ExportCellsCommand;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.NextActionUseCase.NextActionCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.RewardRule;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CommandValidationTest {

    private static void assertRejectedField(String field, Executable construction) {
        InvalidCommandException e = assertThrows(InvalidCommandException.class, construction);
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
        assertTrue(!e.problem().isBlank());
    }

    @Nested
    class TrainModel {
        /** A valid command with one value replaced. */
        private TrainModelCommand command(
                int episodes,
                double epsilon,
                double alpha,
                double gamma,
                int maxSteps,
                double targetRate,
                long minSends,
                double rewardFactor) {
            return new TrainModelCommand(
                    false,
                    episodes,
                    epsilon,
                    alpha,
                    gamma,
                    maxSteps,
                    42,
                    targetRate,
                    minSends,
                    rewardFactor,
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    "test");
        }

        @Test
        void aValidCommandIsAccepted() {
            assertDoesNotThrow(() -> command(1, 0, 1, 0, 1, 0, 0, 0.5));
            assertDoesNotThrow(() -> command(20_000, 1, 0.1, 0.99, 100, 1, 1000, 3));
        }

        @Test
        void fewerThanOneEpisodeIsRejected() {
            assertRejectedField("episodes", () -> command(0, 0.1, 0.1, 0.6, 100, 0.3, 10, 3));
            assertRejectedField("episodes", () -> command(-5, 0.1, 0.1, 0.6, 100, 0.3, 10, 3));
        }

        @Test
        void epsilonOutsideZeroToOneIsRejected() {
            assertRejectedField("epsilon", () -> command(10, 1.5, 0.1, 0.6, 100, 0.3, 10, 3));
            assertRejectedField("epsilon", () -> command(10, -0.1, 0.1, 0.6, 100, 0.3, 10, 3));
            assertRejectedField("epsilon", () -> command(10, Double.NaN, 0.1, 0.6, 100, 0.3, 10, 3));
        }

        @Test
        void alphaMustBeAboveZeroAndAtMostOne() {
            assertRejectedField("alpha", () -> command(10, 0.1, 0, 0.6, 100, 0.3, 10, 3));
            assertRejectedField("alpha", () -> command(10, 0.1, 1.1, 0.6, 100, 0.3, 10, 3));
            assertRejectedField("alpha", () -> command(10, 0.1, Double.NaN, 0.6, 100, 0.3, 10, 3));
        }

        @Test
        void gammaMustBeBelowOne() {
            assertRejectedField("gamma", () -> command(10, 0.1, 0.1, 1, 100, 0.3, 10, 3));
            assertRejectedField("gamma", () -> command(10, 0.1, 0.1, -0.1, 100, 0.3, 10, 3));
        }

        @Test
        void fewerThanOneMaxStepIsRejected() {
            assertRejectedField("maxSteps", () -> command(10, 0.1, 0.1, 0.6, 0, 0.3, 10, 3));
        }

        @Test
        void theTargetRateMustBeARate() {
            assertRejectedField("targetRate", () -> command(10, 0.1, 0.1, 0.6, 100, -0.1, 10, 3));
            assertRejectedField("targetRate", () -> command(10, 0.1, 0.1, 0.6, 100, 1.01, 10, 3));
        }

        @Test
        void negativeMinimumSendsAreRejected() {
            assertRejectedField("minSends", () -> command(10, 0.1, 0.1, 0.6, 100, 0.3, -1, 3));
        }

        @Test
        void theRewardFactorMustBeFinite() {
            assertRejectedField("rewardFactor", () -> command(10, 0.1, 0.1, 0.6, 100, 0.3, 10, Double.NaN));
            assertRejectedField(
                    "rewardFactor", () -> command(10, 0.1, 0.1, 0.6, 100, 0.3, 10, Double.NEGATIVE_INFINITY));
        }

        @Test
        void missingOptionalsBecomeEmptyAndTheStartStateIsCopied() {
            int[] start = {12, 0, 0, 0, 0, 0, 0};
            TrainModelCommand command = new TrainModelCommand(
                    false, 10, 0.1, 0.1, 0.6, 100, 42, 0.3, 10, 3, Optional.of(start), null, false, null);
            start[0] = 99;
            assertEquals(12, command.startState().orElseThrow()[0]);
            assertEquals(Optional.empty(), command.datasetId());
            assertEquals(
                    Optional.empty(),
                    new TrainModelCommand(false, 10, 0.1, 0.1, 0.6, 100, 42, 0.3, 10, 3, null, null, false, null)
                            .startState());
            assertEquals(TrainedModel.UNKNOWN_STARTER, command.startedBy());
        }

        @Test
        void theDefaultsAreTheDocumentedOnesAndValid() {
            TrainModelCommand defaults = TrainModelCommand.defaults();
            assertEquals(Hyperparameters.DEFAULT, defaults.hyperparameters());
            assertEquals(RewardRule.DEFAULT, defaults.rewardRule());
            assertTrue(defaults.activate());
            assertEquals(Optional.empty(), defaults.startState());
            assertEquals(Optional.empty(), defaults.datasetId());
        }

        @Test
        void theCommandCarriesItsHyperparametersAndRewardRule() {
            TrainModelCommand command = TrainModelCommand.defaults()
                    .withEpisodes(77)
                    .withEpsilon(0.2)
                    .withAlpha(0.3)
                    .withGamma(0.4)
                    .withMaxSteps(55)
                    .withSeed(9)
                    .withTargetRate(0.25)
                    .withMinSends(6)
                    .withRewardFactor(2.5)
                    .withDataset(3);
            assertEquals(Hyperparameters.fixed(77, 0.2, 0.3, 0.4, 55, 9), command.hyperparameters());
            assertEquals(new RewardRule(0.25, 6, 2.5), command.rewardRule());
            assertEquals(Optional.of(3L), command.datasetId());
        }

        @Test
        void anExplicitCountStartsFromTheOriginalServicesRatesAndUntilConvergedFromTheDefaults() {
            TrainModelCommand fixed = TrainModelCommand.defaults().withEpisodes(20_000);
            assertEquals(Hyperparameters.ORIGINAL, fixed.hyperparameters());
            assertFalse(fixed.untilConverged());
            assertEquals(Hyperparameters.DEFAULT, fixed.withUntilConverged().hyperparameters());
            assertRejectedField("episodes", () -> TrainModelCommand.defaults().withEpisodes(0));
        }

        @Test
        void theWithersChangeOneFieldEach() {
            TrainModelCommand base = TrainModelCommand.defaults();
            assertEquals(0.7, base.withGamma(0.7).gamma());
            assertEquals(0.7, base.withGamma(0.7).withSeed(5).gamma());
            assertEquals(5, base.withSeed(5).seed());
            assertEquals(12, base.withMaxSteps(12).maxSteps());
            assertEquals(0.45, base.withTargetRate(0.45).targetRate());
            assertEquals(100, base.withMinSends(100).minSends());
            assertEquals(2.0, base.withRewardFactor(2).rewardFactor());
            assertFalse(base.withActivate(false).activate());
            assertEquals("bo", base.withStartedBy("bo").startedBy());
            assertArrayEquals(
                    new int[] {1, 2, 3, 4, 5, 6, 7},
                    base.withStartState(new int[] {1, 2, 3, 4, 5, 6, 7})
                            .startState()
                            .orElseThrow());
            assertEquals(TrainModelCommand.defaults(), base.withGamma(0.7).withGamma(base.gamma()));
            assertRejectedField("gamma", () -> base.withGamma(1));
            assertRejectedField("alpha", () -> base.withAlpha(0));
        }
    }

    @Nested
    class NextAction {
        @Test
        void aSevenValueStateAndAnActionFromZeroToSixAreAccepted() {
            for (int action = 0; action <= 6; action++) {
                int a = action;
                assertDoesNotThrow(() -> new NextActionCommand(new int[] {12, 0, 0, 0, 0, 0, 0}, a));
            }
        }

        @Test
        void aStateWithoutSevenValuesIsRejected() {
            assertRejectedField("state", () -> new NextActionCommand(new int[6], 0));
            assertRejectedField("state", () -> new NextActionCommand(new int[8], 0));
            assertRejectedField("state", () -> new NextActionCommand(null, 0));
        }

        @Test
        void anActionOutsideZeroToSixIsRejected() {
            assertRejectedField("action", () -> new NextActionCommand(new int[7], 7));
            assertRejectedField("action", () -> new NextActionCommand(new int[7], -1));
        }

        @Test
        void theStateIsCopied() {
            int[] state = {12, 1, 2, 0, 3, 1, 0};
            NextActionCommand command = new NextActionCommand(state, 2);
            state[1] = 6;
            assertArrayEquals(new int[] {12, 1, 2, 0, 3, 1, 0}, command.state());
        }
    }

    @Nested
    class IngestLogs {
        private final Path p = Path.of("x.csv");

        @Test
        void everyPathIsRequired() {
            assertRejectedField("sentEmails", () -> new IngestLogsCommand(null, p, p, p));
            assertRejectedField("responded", () -> new IngestLogsCommand(p, null, p, p));
            assertRejectedField("userbase", () -> new IngestLogsCommand(p, p, null, p));
            assertRejectedField("rejectsReport", () -> new IngestLogsCommand(p, p, p, null));
        }

        @Test
        void aFolderGivesTheDefaultFileNames() {
            Path folder = Path.of("data", "logs");
            IngestLogsCommand command = IngestLogsCommand.inFolder(folder);
            assertEquals(folder.resolve("sent_emails.csv"), command.sentEmails());
            assertEquals(folder.resolve("responded.csv"), command.responded());
            assertEquals(folder.resolve("userbase.csv"), command.userbase());
            assertEquals(folder.resolve("rejected_rows.csv"), command.rejectsReport());
            assertRejectedField("dataDir", () -> IngestLogsCommand.inFolder(null));
        }

        @Test
        void theMaxRejectedShareIsWithinZeroAndOne() {
            IngestLogsCommand command = IngestLogsCommand.inFolder(Path.of("logs"));
            assertEquals(0.01, command.maxRejectedShare());
            assertEquals(0.0, command.withMaxRejectedShare(0).maxRejectedShare());
            assertEquals(1.0, command.withMaxRejectedShare(1).maxRejectedShare());
            assertRejectedField("maxRejectedShare", () -> command.withMaxRejectedShare(-0.01));
            assertRejectedField("maxRejectedShare", () -> command.withMaxRejectedShare(1.5));
            assertRejectedField("maxRejectedShare", () -> command.withMaxRejectedShare(Double.NaN));
        }
    }

    @Nested
    class ExportCells {
        @Test
        void theOutputPathIsRequired() {
            assertRejectedField("out", () -> new ExportCellsCommand(null, Optional.empty()));
        }

        @Test
        void aMissingDatasetIdMeansTheLatest() {
            assertEquals(Optional.empty(), new ExportCellsCommand(Path.of("out.csv"), null).datasetId());
        }
    }
}
