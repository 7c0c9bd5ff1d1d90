package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.Test;

class CellColumnsTest {

    @Test
    void cellsComeBackFromTheirColumns() {
        Cells cells = TestData.cells(TestData.smallSpace(), 5);

        CellColumns columns = CellColumns.of(cells);

        assertEquals(cells.nonEmptyCount(), columns.count());
        assertEquals(cells, columns.toCells(TestData.smallSpace(), "test cells"));
    }

    @Test
    void noCellSentToIsEmptyColumns() {
        StateSpace space = TestData.smallSpace();

        CellColumns columns = CellColumns.of(CellColumns.none(space));

        assertTrue(columns.isEmpty());
        assertEquals(0, columns.states().length + columns.sends().length + columns.responses().length);
        assertEquals(CellColumns.none(space), columns.toCells(space, "test cells"));
    }

    @Test
    void aStateOutsideTheSpaceIsRefusedWithWhoseCellsTheyAre() {
        StateSpace small = new StateSpace(new int[] {1}, List.of("a.com"));
        CellColumns ofALargerSpace = CellColumns.of(TestData.cells(TestData.smallSpace(), 5));

        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> ofALargerSpace.toCells(small, "the training cells of dataset 7"));

        assertTrue(
                refused.getMessage().startsWith("the training cells of dataset 7 list state "), refused.getMessage());
    }

    @Test
    void columnsOfDifferentLengthsAreRefused() {
        CellColumns columns = CellColumns.of(TestData.cells(TestData.smallSpace(), 5));
        CellColumns cut = new CellColumns(
                columns.count(),
                columns.states(),
                Arrays.copyOf(columns.sends(), columns.sends().length - 8),
                columns.responses());

        assertThrows(IllegalStateException.class, () -> cut.toCells(TestData.smallSpace(), "test cells"));
    }
}
