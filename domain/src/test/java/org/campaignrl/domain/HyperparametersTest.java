package org.campaignrl.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HyperparametersTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertEquals(new Hyperparameters(20_000, 0.1, 0.1, 0.6, 100, 42), Hyperparameters.DEFAULT);
    }

    @Test
    void boundaryValuesAreAccepted() {
        assertDoesNotThrow(() -> new Hyperparameters(1, 0, 1, 0, 1, 0));
        assertDoesNotThrow(() -> new Hyperparameters(1, 1, 1e-9, 0.999, 1, -7));
    }

    @Test
    void valuesOutsideTheirRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(0, 0.1, 0.1, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(10, -0.1, 0.1, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(10, 1.5, 0.1, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(10, Double.NaN, 0.1, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(10, 0.1, 0, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(10, 0.1, 1.01, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(10, 0.1, Double.NaN, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(10, 0.1, 0.1, 1, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(10, 0.1, 0.1, -0.1, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(10, 0.1, 0.1, Double.NaN, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> new Hyperparameters(10, 0.1, 0.1, 0.6, 0, 42));
    }
}
