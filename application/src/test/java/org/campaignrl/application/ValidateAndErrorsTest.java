package org.campaignrl.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ValidateAndErrorsTest {

    @Test
    void notNullPassesValuesThroughAndNamesTheMissingField() {
        Object value = new Object();
        assertSame(value, Validate.notNull(value, "x"));
        assertEquals(
                "x",
                assertThrows(InvalidCommandException.class, () -> Validate.notNull(null, "x"))
                        .field());
    }

    @Test
    void atLeastIsInclusive() {
        assertEquals(3, Validate.atLeast(3, 3, "n"));
        assertEquals(3L, Validate.atLeast(3L, 3L, "n"));
        assertEquals(
                "n",
                assertThrows(InvalidCommandException.class, () -> Validate.atLeast(2, 3, "n"))
                        .field());
        assertEquals(
                "n",
                assertThrows(InvalidCommandException.class, () -> Validate.atLeast(2L, 3L, "n"))
                        .field());
    }

    @Test
    void withinIsInclusiveOnBothEndsAndRejectsNaN() {
        assertEquals(0.0, Validate.within(0.0, 0, 1, "r"));
        assertEquals(1.0, Validate.within(1.0, 0, 1, "r"));
        assertEquals(6, Validate.within(6, 0, 6, "a"));
        assertThrows(InvalidCommandException.class, () -> Validate.within(Double.NaN, 0, 1, "r"));
        assertThrows(InvalidCommandException.class, () -> Validate.within(1.0000001, 0, 1, "r"));
        assertThrows(InvalidCommandException.class, () -> Validate.within(-1, 0, 6, "a"));
        assertThrows(InvalidCommandException.class, () -> Validate.within(7, 0, 6, "a"));
    }

    @Test
    void anInvalidCommandNamesItsFieldAndProblem() {
        InvalidCommandException e = new InvalidCommandException("gamma", "must be below 1");
        assertEquals("gamma", e.field());
        assertEquals("must be below 1", e.problem());
        assertEquals("gamma: must be below 1", e.getMessage());
    }

    @Test
    void aRefusedIngestNamesTheFileAndLineWhenThereIsOne() {
        IngestRefusedException onLine = new IngestRefusedException("userbase.csv", 12, "bad quote");
        assertEquals("userbase.csv:12: bad quote", onLine.getMessage());
        assertEquals(12, onLine.line());
        IngestRefusedException whole = new IngestRefusedException("userbase.csv", 0, "missing", new RuntimeException());
        assertEquals("userbase.csv: missing", whole.getMessage());
        assertEquals(RuntimeException.class, whole.getCause().getClass());
    }
}
