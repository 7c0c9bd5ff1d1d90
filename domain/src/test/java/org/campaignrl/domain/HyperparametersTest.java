package org.campaignrl.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HyperparametersTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertEquals(new Hyperparameters(true, 20_000_000, 0, 1, 0.6, 100, 42), Hyperparameters.DEFAULT);
        assertEquals(Hyperparameters.fixed(20_000, 0.1, 0.1, 0.6, 100, 42), Hyperparameters.ORIGINAL);
    }

    @Test
    void anExplicitCountFromTheDefaultsTakesTheOriginalRatesAndKeepsTheRest() {
        Hyperparameters fromDefaults = new Hyperparameters(true, 1_000, 0, 1, 0.8, 30, 7).withEpisodes(500);
        assertEquals(Hyperparameters.fixed(500, 0.1, 0.1, 0.8, 30, 7), fromDefaults);
        assertEquals(
                Hyperparameters.fixed(9, 0.3, 0.2, 0.8, 30, 7),
                Hyperparameters.fixed(5, 0.3, 0.2, 0.8, 30, 7).withEpisodes(9));
    }

    @Test
    void untilConvergedTakesTheDefaultRatesAndCapAndKeepsTheRest() {
        assertEquals(
                new Hyperparameters(true, Hyperparameters.DEFAULT_MAX_EPISODES, 0, 1, 0.8, 30, 7),
                Hyperparameters.fixed(5, 0.3, 0.2, 0.8, 30, 7).withUntilConverged());
    }

    @Test
    void theLengthIsSaidInWords() {
        assertEquals("until converged", Hyperparameters.DEFAULT.length());
        assertEquals("20,000 episodes", Hyperparameters.ORIGINAL.length());
    }

    @Test
    void boundaryValuesAreAccepted() {
        assertDoesNotThrow(() -> Hyperparameters.fixed(1, 0, 1, 0, 1, 0));
        assertDoesNotThrow(() -> Hyperparameters.fixed(1, 1, 1e-9, 0.999, 1, -7));
    }

    @Test
    void valuesOutsideTheirRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.fixed(0, 0.1, 0.1, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.fixed(10, -0.1, 0.1, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.fixed(10, 1.5, 0.1, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.fixed(10, Double.NaN, 0.1, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.fixed(10, 0.1, 0, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.fixed(10, 0.1, 1.01, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.fixed(10, 0.1, Double.NaN, 0.6, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.fixed(10, 0.1, 0.1, 1, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.fixed(10, 0.1, 0.1, -0.1, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.fixed(10, 0.1, 0.1, Double.NaN, 100, 42));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.fixed(10, 0.1, 0.1, 0.6, 0, 42));
    }
}
