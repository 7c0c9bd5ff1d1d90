package org.campaignrl.domain.numerics;

import java.util.SplittableRandom;

/**
 * Draws from Beta(α, β) as X/(X + Y) of two Gamma draws, X ~ Gamma(α), Y ~ Gamma(β), each by Marsaglia and
 * Tsang's squeeze method (2000); a shape below 1 is drawn as Gamma(shape + 1)·U^(1/shape). All randomness comes
 * from the generator given, so a seeded generator gives the same draws.
 */
public final class BetaSampler {
    private BetaSampler() {}

    /** One draw from Beta(alpha, beta); both positive and finite. */
    public static double beta(double alpha, double beta, SplittableRandom random) {
        double x = gamma(alpha, random);
        double y = gamma(beta, random);
        double sum = x + y;
        // Both underflowed (tiny shapes): the draw is 0 or 1, in proportion to the shapes.
        return sum > 0 ? x / sum : (random.nextDouble() < alpha / (alpha + beta) ? 1 : 0);
    }

    /** One draw from Gamma(shape, 1); shape positive and finite. */
    public static double gamma(double shape, SplittableRandom random) {
        if (!(shape > 0 && Double.isFinite(shape))) {
            throw new IllegalArgumentException("the shape must be positive and finite: " + shape);
        }
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(shape + 1, random) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = gaussian(random);
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** A standard normal draw (polar Box–Muller, one of the pair). */
    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
