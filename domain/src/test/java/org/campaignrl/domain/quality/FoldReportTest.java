package org.campaignrl.domain.quality;

import static org.campaignrl.domain.quality.Fixtures.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QLearner;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.TrainingProgress;
import org.junit.jupiter.api.Test;

class FoldReportTest {
    private static final String CAVEAT = "What this report does not measure: the folds are drawn from the same "
            + "cells the model was trained on, so it scores the model on its training data, not on held-out data. "
            + "And it averages cell conversion rates without weighting them by sends, so a cell with 1 send and "
            + "1 response counts as 100%, as much as a cell with 10,000 sends.\n";

    private final StateSpace tiny = Fixtures.tiny();

    private QTable zeros() {
        return new QTable(tiny.size(), new double[tiny.size() * Action.COUNT]);
    }

    private int day(int day) {
        return tiny.indexOfCodes(codes(0, day, 2, 0, 1, 0, 1));
    }

    @Test
    void theTextHasTheUsersLayoutExactly() {
        FoldReport report = new FoldReport(List.of(
                new FoldReport.Fold(0, 10, 5, 20, 0.377, 0.35, 0, 1),
                new FoldReport.Fold(1, 10, 5, 18, 0.123456, 0.1, 0.00005, 0.999949)));

        assertEquals("""
                Model Results for Training Fold 0:
                Average Conversion Rate = 37.70%
                Median Conversion Rate = 35.00%
                Minimum Conversion Rate = 0.00%
                Maximum Conversion Rate = 100.00%

                Model Results for Training Fold 1:
                Average Conversion Rate = 12.35%
                Median Conversion Rate = 10.00%
                Minimum Conversion Rate = 0.01%
                Maximum Conversion Rate = 99.99%

                """ + CAVEAT, report.toText());
    }

    @Test
    void everyFoldReportsTheRatesOfTheCellsItsRolloutsVisited() {
        // Five sent cells on Monday..Friday of one audience, with 0..4 responses out of 10: one per fold,
        // fold k holding day k. Nothing is a goal (10 sends is not more than 10), so a table of zeros walks
        // the whole week from any start: rates 0, 10, 20, 30, 40 % and 0 % twice for the weekend.
        Fixtures.CellsBuilder cells = Fixtures.CellsBuilder.on(tiny);
        for (int d = 0; d < 5; d++) {
            cells.at(day(d), 10, d);
        }
        Environment environment = new Environment(cells.build(), RewardRule.DEFAULT);

        FoldReport report = FoldReport.run(zeros(), environment, 3, 100, 42);

        assertEquals(5, report.folds().size());
        for (int f = 0; f < 5; f++) {
            assertEquals(
                    new FoldReport.Fold(f, 1, 1, 7, 1.0 / 7, 0.1, 0, 0.4),
                    report.folds().get(f));
        }
        String fold = """
                Average Conversion Rate = 14.29%
                Median Conversion Rate = 10.00%
                Minimum Conversion Rate = 0.00%
                Maximum Conversion Rate = 40.00%
                """;
        StringBuilder expected = new StringBuilder();
        for (int f = 0; f < 5; f++) {
            expected.append("Model Results for Training Fold ")
                    .append(f)
                    .append(":\n")
                    .append(fold)
                    .append('\n');
        }
        assertEquals(expected + CAVEAT, report.toText());
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleRates() {
        // One sent cell on Monday (50 %); the model only ever moves the gender: Monday, then the other gender.
        int monday = day(0);
        Environment environment =
                new Environment(Fixtures.CellsBuilder.on(tiny).at(monday, 4, 2).build(), RewardRule.DEFAULT);
        double[] values = new double[tiny.size() * Action.COUNT];
        for (int s = 0; s < tiny.size(); s++) {
            values[s * Action.COUNT + Action.NEXT_GENDER.code()] = 1;
        }

        FoldReport report = FoldReport.run(new QTable(tiny.size(), values), environment, 1, 5, 100, 1);

        assertEquals(
                new FoldReport.Fold(0, 1, 1, 2, 0.25, 0.25, 0, 0.5),
                report.folds().get(0));
    }

    @Test
    void foldsWithoutCellsShowNotAvailable() {
        Environment environment = new Environment(
                Fixtures.CellsBuilder.on(tiny).at(day(0), 4, 1).at(day(1), 4, 2).build(), RewardRule.DEFAULT);

        FoldReport report = FoldReport.run(zeros(), environment, 10, 100, 42);

        FoldReport.Fold empty = report.folds().get(4);
        assertEquals(0, empty.cells());
        assertEquals(0, empty.visits());
        assertTrue(report.toText().contains("""
                Model Results for Training Fold 4:
                Average Conversion Rate = n/a
                Median Conversion Rate = n/a
                Minimum Conversion Rate = n/a
                Maximum Conversion Rate = n/a
                """));
    }

    @Test
    void eachFoldSamplesAtMostTheGivenNumberOfStarts() {
        Environment environment = new Environment(Fixtures.randomCells(tiny, 9), RewardRule.DEFAULT);
        int nonEmpty = environment.cells().nonEmptyCount();

        FoldReport few = FoldReport.run(zeros(), environment, 10, 100, 42);
        FoldReport all = FoldReport.run(zeros(), environment, 10_000, 100, 42);

        int cellsInFolds = 0;
        for (int f = 0; f < 5; f++) {
            assertEquals(10, few.folds().get(f).starts());
            assertEquals(all.folds().get(f).cells(), all.folds().get(f).starts());
            assertTrue(few.folds().get(f).visits() >= 10);
            cellsInFolds += all.folds().get(f).cells();
        }
        assertEquals(nonEmpty, cellsInFolds);
    }

    @Test
    void theSameModelDataAndSeedGiveTheSameReportAndAnotherSeedAnother() {
        Environment environment = new Environment(Fixtures.randomCells(tiny, 9), RewardRule.DEFAULT);
        QTable model = new QLearner(Hyperparameters.fixed(3000, 0.2, 0.2, 0.6, 100, 5))
                .train(environment, 0, TrainingProgress.NONE)
                .qTable();

        FoldReport first = FoldReport.run(model, environment, 20, 100, 42);
        FoldReport again = FoldReport.run(model, environment, 20, 100, 42);
        FoldReport other = FoldReport.run(model, environment, 20, 100, 43);

        assertEquals(first, again);
        assertEquals(first.toText(), again.toText());
        assertNotEquals(first, other);
    }

    @Test
    void badArgumentsAreRejected() {
        Environment environment = new Environment(Fixtures.randomCells(tiny, 9), RewardRule.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> FoldReport.run(zeros(), environment, 0, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> FoldReport.run(zeros(), environment, 5, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> FoldReport.run(zeros(), environment, 0, 5, 100, 1));
    }
}
