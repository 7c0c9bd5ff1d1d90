package org.campaignrl.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QTableTest {

    private static QTable twoStates(double... values) {
        return new QTable(2, values);
    }

    @Test
    void valuesAreStoredPerStateAndAction() {
        QTable table = twoStates(0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16);
        assertEquals(2, table.states());
        assertEquals(3, table.value(0, 3));
        assertEquals(10, table.value(1, 0));
        assertEquals(16, table.value(1, 6));
    }

    @Test
    void theBestActionHasTheHighestValueAndTiesGoToTheLowestCode() {
        QTable table = twoStates(0, 0, 0, 0, 0, 0, 0, -3, 2, -1, 2, 0, 2, 1);
        assertEquals(0, table.bestAction(0), "all equal");
        assertEquals(0, table.maxValue(0));
        assertEquals(1, table.bestAction(1), "actions 1, 3 and 5 tie at 2");
        assertEquals(2, table.maxValue(1));
    }

    @Test
    void theBestActionAmongNegativeValuesIsTheLeastNegative() {
        QTable table = new QTable(1, new double[] {-5, -4, -3, -2, -6, -0.5, -1});
        assertEquals(5, table.bestAction(0));
        assertEquals(-0.5, table.maxValue(0));
    }

    @Test
    void theLastActionCanBeTheBest() {
        QTable table = new QTable(1, new double[] {0, 0, 0, 0, 0, 0, 1e-12});
        assertEquals(6, table.bestAction(0));
    }

    @Test
    void aTableOfTheWrongLengthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new QTable(2, new double[13]));
        assertThrows(IllegalArgumentException.class, () -> new QTable(2, new double[15]));
    }

    @Test
    void theTableCannotBeChangedFromOutside() {
        double[] values = new double[7];
        QTable table = new QTable(1, values);
        values[2] = 5;
        assertEquals(0, table.value(0, 2));
        table.toArray()[2] = 5;
        assertEquals(0, table.value(0, 2));
        assertArrayEquals(new double[7], table.toArray());
    }

    @Test
    void tablesAreEqualByValue() {
        QTable a = twoStates(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        QTable b = twoStates(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, twoStates(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14));
    }
}
