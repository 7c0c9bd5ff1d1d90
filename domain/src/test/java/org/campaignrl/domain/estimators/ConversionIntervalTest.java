package org.campaignrl.domain.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConversionIntervalTest {

    @Test
    void wilsonMatchesPublishedValues() {
        ConversionInterval none = ConversionInterval.wilson(0, 10, 0.95);
        assertEquals(0.0, none.rate());
        assertEquals(0.0, none.lower());
        assertEquals(0.2775, none.upper(), 5e-5);

        ConversionInterval half = ConversionInterval.wilson(5, 10, 0.95);
        assertEquals(0.5, half.rate());
        assertEquals(0.2366, half.lower(), 5e-5);
        assertEquals(0.7634, half.upper(), 5e-5);

        ConversionInterval ninety = ConversionInterval.wilson(90, 100, 0.95);
        assertEquals(0.825634, ninety.lower(), 1e-6);
        assertEquals(0.944771, ninety.upper(), 1e-6);
    }

    @Test
    void wilsonEdgeCases() {
        assertEquals(new ConversionInterval(0, 0, 1), ConversionInterval.wilson(0, 0, 0.95));
        ConversionInterval all = ConversionInterval.wilson(10, 10, 0.95);
        assertEquals(1.0, all.upper());
        assertEquals(0.722467, all.lower(), 1e-6);
        ConversionInterval one = ConversionInterval.wilson(1, 1, 0.95);
        assertEquals(0.206549, one.lower(), 1e-6);
        assertEquals(1.0, one.upper());
    }

    @Test
    void higherConfidenceGivesAWiderInterval() {
        ConversionInterval ninety = ConversionInterval.wilson(30, 100, 0.90);
        ConversionInterval ninetyNine = ConversionInterval.wilson(30, 100, 0.99);
        assertTrue(ninetyNine.lower() < ninety.lower());
        assertTrue(ninetyNine.upper() > ninety.upper());
    }

    @Test
    void jeffreysMatchesBetaQuantilesFromScipy() {
        // scipy.stats.beta.ppf(0.025 / 0.975, x + .5, n - x + .5)
        ConversionInterval half = ConversionInterval.jeffreys(5, 10, 0.95);
        assertEquals(0.2235286703, half.lower(), 1e-9);
        assertEquals(0.7764713297, half.upper(), 1e-9);
        ConversionInterval rare = ConversionInterval.jeffreys(3, 250, 0.95);
        assertEquals(0.0033909901, rare.lower(), 1e-9);
        assertEquals(0.0316746459, rare.upper(), 1e-9);
        ConversionInterval ninety = ConversionInterval.jeffreys(90, 100, 0.95);
        assertEquals(0.8298760703, ninety.lower(), 1e-9);
        assertEquals(0.9474153247, ninety.upper(), 1e-9);
        ConversionInterval oneOfTen = ConversionInterval.jeffreys(1, 10, 0.95);
        assertEquals(0.0110116738, oneOfTen.lower(), 1e-9);
        assertEquals(0.3813147711, oneOfTen.upper(), 1e-9);
    }

    @Test
    void jeffreysEndCorrections() {
        ConversionInterval none = ConversionInterval.jeffreys(0, 10, 0.95);
        assertEquals(0.0, none.lower());
        assertEquals(0.2171962675, none.upper(), 1e-9);
        ConversionInterval all = ConversionInterval.jeffreys(10, 10, 0.95);
        assertEquals(0.7828037325, all.lower(), 1e-9);
        assertEquals(1.0, all.upper());
        assertEquals(new ConversionInterval(0, 0, 1), ConversionInterval.jeffreys(0, 0, 0.95));
        assertEquals(ConversionInterval.jeffreys(4, 9, 0.9), IntervalMethod.JEFFREYS.interval(4, 9, 0.9));
    }

    @Test
    void invalidInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ConversionInterval.wilson(3, 2, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ConversionInterval.wilson(-1, 2, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ConversionInterval.wilson(1, 2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ConversionInterval.jeffreys(1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new ConversionInterval(0.5, 0.6, 0.4));
    }

    @Test
    void expectedResponsesScaleTheRateAndItsBounds() {
        ConversionInterval interval = new ConversionInterval(0.2, 0.15, 0.25);
        ExpectedResponses expected = interval.expectedResponses(1000);
        assertEquals(1000, expected.emails());
        assertEquals(200, expected.expected(), 1e-9);
        assertEquals(150, expected.lower(), 1e-9);
        assertEquals(250, expected.upper(), 1e-9);
        assertTrue(interval.overlaps(new ConversionInterval(0.3, 0.25, 0.35)));
        assertFalse(interval.overlaps(new ConversionInterval(0.3, 0.26, 0.35)));
        assertTrue(interval.contains(0.2));
    }
}
