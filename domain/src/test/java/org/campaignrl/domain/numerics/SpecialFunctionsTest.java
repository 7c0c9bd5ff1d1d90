package org.campaignrl.domain.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reference values from SciPy 1.17 ({@code scipy.stats.norm}, {@code scipy.stats.beta}). */
class SpecialFunctionsTest {

    @Test
    void normalQuantileMatchesReferenceValues() {
        assertEquals(1.959963984540054, SpecialFunctions.normalQuantile(0.975), 1e-14);
        assertEquals(2.575829303548900, SpecialFunctions.normalQuantile(0.995), 1e-13);
        assertEquals(-2.326347874040841, SpecialFunctions.normalQuantile(0.01), 1e-13);
        assertEquals(-6.361340902404056, SpecialFunctions.normalQuantile(1e-10), 1e-11);
        assertEquals(0.0, SpecialFunctions.normalQuantile(0.5), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.normalQuantile(0));
        assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.normalQuantile(1));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.normalQuantile(1.5));
    }

    @Test
    void normalCdfMatchesReferenceValuesIncludingTheFarTail() {
        assertEquals(0.841344746068543, SpecialFunctions.normalCdf(1.0), 1e-14);
        assertEquals(0.5, SpecialFunctions.normalCdf(0.0), 1e-15);
        assertEquals(6.220960574271740e-16, SpecialFunctions.normalCdf(-8.0), 1e-27);
        for (double p = 0.001; p < 1; p += 0.0137) {
            assertEquals(p, SpecialFunctions.normalCdf(SpecialFunctions.normalQuantile(p)), 1e-14);
        }
    }

    @Test
    void logGammaMatchesKnownValues() {
        assertEquals(0.5723649429247001, SpecialFunctions.logGamma(0.5), 1e-14);
        assertEquals(Math.log(362880), SpecialFunctions.logGamma(10), 1e-12);
        assertEquals(0.0, SpecialFunctions.logGamma(1), 1e-14);
        assertEquals(Math.log(Math.sqrt(Math.PI) / 2), SpecialFunctions.logGamma(1.5), 1e-14);
    }

    @Test
    void incompleteBetaAndItsInverseMatchReferenceValues() {
        assertEquals(0.660482273582, SpecialFunctions.regularizedBeta(0.3, 2.5, 7.25), 1e-11);
        assertEquals(0.171730705634, SpecialFunctions.betaQuantile(0.3, 2.5, 7.25), 1e-11);
        assertEquals(1.962268607599e-15, SpecialFunctions.betaQuantile(1e-6, 0.5, 400.5), 1e-24);
        assertEquals(0.0, SpecialFunctions.betaQuantile(0, 2, 3));
        assertEquals(1.0, SpecialFunctions.betaQuantile(1, 2, 3));
        for (double p = 0.01; p < 1; p += 0.07) {
            double x = SpecialFunctions.betaQuantile(p, 0.5, 3.5);
            assertEquals(p, SpecialFunctions.regularizedBeta(x, 0.5, 3.5), 1e-12);
        }
    }

    @Test
    void linearSolverSolvesSymmetricAndGeneralSystems() {
        double[][] a = {{4, 1, 2}, {1, 3, 0}, {2, 0, 5}};
        double[] x = {1, -2, 3};
        double[] b = {4 * 1 + 1 * -2 + 2 * 3, 1 - 6, 2 + 15};
        double[] solved = LinearSolver.solveSymmetric(a, b);
        double[] general = LinearSolver.solve(a, b);
        for (int i = 0; i < 3; i++) {
            assertEquals(x[i], solved[i], 1e-12);
            assertEquals(x[i], general[i], 1e-12);
        }
        // Not positive definite: falls back to pivoting.
        double[] indefinite = LinearSolver.solveSymmetric(new double[][] {{0, 1}, {1, 0}}, new double[] {2, 3});
        assertEquals(3, indefinite[0], 1e-12);
        assertEquals(2, indefinite[1], 1e-12);
        assertThrows(
                ArithmeticException.class,
                () -> LinearSolver.solve(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 1}));
    }
}
