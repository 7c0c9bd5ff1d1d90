package org.campaignrl.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CellsTest {
    private final StateSpace space = Spaces.tiny();

    @Test
    void conversionIsResponsesOverSendsAndZeroForACellNeverSentTo() {
        Cells cells = Spaces.CellsBuilder.on(space).at(3, 8, 2).at(4, 5, 5).build();
        assertEquals(0.25, cells.conversion(3));
        assertEquals(1.0, cells.conversion(4));
        assertEquals(0.0, cells.conversion(0));
        assertEquals(8, cells.sends(3));
        assertEquals(2, cells.responses(3));
    }

    @Test
    void totalsCountEveryCell() {
        Cells cells = Spaces.CellsBuilder.on(space)
                .at(0, 8, 2)
                .at(979, 5, 1)
                .at(500, 3, 0)
                .build();
        assertEquals(16, cells.totalSends());
        assertEquals(3, cells.totalResponses());
        assertEquals(3, cells.nonEmptyCount());
    }

    @Test
    void arraysOfTheWrongLengthAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Cells(space, new long[979], new long[980]));
        assertThrows(IllegalArgumentException.class, () -> new Cells(space, new long[980], new long[981]));
    }

    @Test
    void impossibleHistoriesAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Spaces.CellsBuilder.on(space).at(7, 2, 3).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> Spaces.CellsBuilder.on(space).at(7, -1, 0).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> Spaces.CellsBuilder.on(space).at(7, 1, -1).build());
    }

    @Test
    void cellsCopyTheArraysTheyAreGiven() {
        long[] sends = new long[space.size()];
        long[] responses = new long[space.size()];
        sends[1] = 4;
        Cells cells = new Cells(space, sends, responses);
        sends[1] = 9;
        assertEquals(4, cells.sends(1));
    }

    @Test
    void cellsAreEqualByValue() {
        Cells a = Spaces.CellsBuilder.on(space).at(1, 4, 1).build();
        Cells b = Spaces.CellsBuilder.on(Spaces.tiny()).at(1, 4, 1).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Spaces.CellsBuilder.on(space).at(1, 4, 2).build());
    }
}
