package org.campaignrl.domain.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {
    private final StateSpace space = Fixtures.twoOfEach();
    private final Cells cells = Fixtures.randomCells(space, 3);

    @Test
    void theFoldsPartitionTheNonEmptyCells() {
        List<int[]> folds = StratifiedFolds.split(cells, 5, 42);

        assertEquals(5, folds.size());
        boolean[] seen = new boolean[space.size()];
        int total = 0;
        for (int[] fold : folds) {
            for (int state : fold) {
                assertFalse(seen[state], "state " + state + " is in two folds");
                assertTrue(cells.sends(state) > 0, "state " + state + " was never sent to");
                seen[state] = true;
                total++;
            }
        }
        assertEquals(cells.nonEmptyCount(), total);
    }

    @Test
    void eachResponseCountIsSpreadOverTheFoldsWithinOne() {
        List<int[]> folds = StratifiedFolds.split(cells, 5, 42);

        Map<Long, int[]> perCount = new TreeMap<>();
        for (int f = 0; f < folds.size(); f++) {
            for (int state : folds.get(f)) {
                perCount.computeIfAbsent(cells.responses(state), k -> new int[5])[f]++;
            }
        }
        assertTrue(perCount.size() > 5, "the fixture should have many response counts: " + perCount.keySet());
        perCount.forEach((responses, counts) ->
                assertTrue(spread(counts) <= 1, responses + " responses: " + Arrays.toString(counts)));
        assertTrue(spread(folds.stream().mapToInt(fold -> fold.length).toArray()) <= 1);
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        List<int[]> first = StratifiedFolds.split(cells, 5, 42);
        List<int[]> again = StratifiedFolds.split(Fixtures.randomCells(space, 3), 5, 42);
        List<int[]> other = StratifiedFolds.split(cells, 5, 43);

        for (int f = 0; f < 5; f++) {
            assertArrayEquals(first.get(f), again.get(f));
        }
        assertFalse(Arrays.equals(first.get(0), other.get(0)));
    }

    @Test
    void cellsAreDealtInAscendingResponseCountCarryingOnAcrossCounts() {
        // Seven cells with distinct response counts 0..6: nothing to shuffle, so the deal is fixed.
        Fixtures.CellsBuilder builder = Fixtures.CellsBuilder.on(space);
        int[] cellWithResponses = {500, 40, 7, 3000, 12, 900, 1};
        for (int r = 0; r < cellWithResponses.length; r++) {
            builder.at(cellWithResponses[r], 10, r);
        }

        List<int[]> folds = StratifiedFolds.split(builder.build(), 5, 42);

        assertArrayEquals(new int[] {500, 900}, folds.get(0), "responses 0 and 5");
        assertArrayEquals(new int[] {1, 40}, folds.get(1), "responses 1 and 6");
        assertArrayEquals(new int[] {7}, folds.get(2));
        assertArrayEquals(new int[] {3000}, folds.get(3));
        assertArrayEquals(new int[] {12}, folds.get(4));
    }

    @Test
    void fewerCellsThanFoldsLeaveTheLastFoldsEmpty() {
        Cells two = Fixtures.CellsBuilder.on(space).at(5, 3, 1).at(9, 3, 1).build();
        List<int[]> folds = StratifiedFolds.split(two, 5, 1);
        assertEquals(
                List.of(1, 1, 0, 0, 0), folds.stream().map(fold -> fold.length).toList());
    }

    @Test
    void atLeastOneFoldIsNeeded() {
        assertThrows(IllegalArgumentException.class, () -> StratifiedFolds.split(cells, 0, 1));
    }

    private static int spread(int[] counts) {
        return Arrays.stream(counts).max().orElse(0)
                - Arrays.stream(counts).min().orElse(0);
    }
}
