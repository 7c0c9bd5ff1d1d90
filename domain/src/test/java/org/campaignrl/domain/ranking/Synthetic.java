package org.campaignrl.domain.ranking;

import java.util.List;
import java.util.SplittableRandom;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;

/**
 * Synthetic cells for the tests, drawn from a known truth shaped like the generator's
 * (data/README.md): the default space (subjects 1, 2, 3; six domains), its main effects and
 * planted segments, its population shares, and its clustering — a (customer, subject) pair has
 * one or more sends, all in one cell, and responds with all of them or none.
 */
public final class Synthetic {
    public static final StateSpace SPACE = new StateSpace(
            new int[] {1, 2, 3}, List.of("aol.com", "comcast.net", "gmail.com", "hotmail.com", "msn.com", "yahoo.com"));

    public static final double[] BASE = {-2.46, -2.16, -2.76};
    public static final double[][] EFFECTS = {
        null,
        {0.10, 0.30, 0.20, 0.00, -0.15, -0.35, -0.50},
        {-0.25, -0.15, -0.05, 0.05, 0.10, 0.20, 0.25},
        {-0.30, 0.10, 0.30, -0.10, -0.45, 0.15},
        {-0.30, -0.10, 0.15, 0.20, 0.00},
        {0.12, -0.12},
        {-0.15, 0.15}
    };
    private static final double[][] SHARES = {
        {1 / 3.0, 1 / 3.0, 1 / 3.0},
        {1 / 7.0, 1 / 7.0, 1 / 7.0, 1 / 7.0, 1 / 7.0, 1 / 7.0, 1 / 7.0},
        {5 / 41.0, 5 / 41.0, 5 / 41.0, 5 / 41.0, 5 / 41.0, 5 / 41.0, 11 / 41.0},
        {0.12, 0.11, 0.30, 0.16, 0.09, 0.22},
        {0.08, 0.14, 0.26, 0.24, 0.28},
        {0.52, 0.48},
        {0.30, 0.70}
    };
    /** Planted segments: codes (−1 any) and bonus. */
    public static final int[][] PLANTED = {
        {1, 5, -1, 2, -1, -1, 1},
        {0, 1, 6, 5, -1, -1, 0},
        {2, 3, -1, 3, 4, -1, -1},
        {2, 6, -1, 1, -1, 1, -1}
    };

    public static final double[] BONUS = {2.10, 1.95, 2.85, 3.35};

    private Synthetic() {}

    /** The true probability of every state. */
    public static double[] truth() {
        double[] p = new double[SPACE.size()];
        for (int s = 0; s < p.length; s++) {
            int[] codes = SPACE.codesOf(s);
            double eta = BASE[codes[0]];
            for (int a = 1; a < Attribute.COUNT; a++) {
                eta += EFFECTS[a][codes[a]];
            }
            for (int k = 0; k < PLANTED.length; k++) {
                if (Segment.of(PLANTED[k]).matches(SPACE, s)) {
                    eta += BONUS[k];
                }
            }
            p[s] = 1 / (1 + Math.exp(-eta));
        }
        return p;
    }

    /** The share of all (customer, subject) pairs that fall in each state. */
    public static double[] shares() {
        double[] share = new double[SPACE.size()];
        for (int s = 0; s < share.length; s++) {
            int[] codes = SPACE.codesOf(s);
            double product = 1;
            for (int a = 0; a < Attribute.COUNT; a++) {
                product *= SHARES[a][codes[a]];
            }
            share[s] = product;
        }
        return share;
    }

    /**
     * Cells drawn from the truth: each state gets Poisson(pairs × share) pairs, each pair
     * 1 + Poisson(1.04) sends (mean ≈ 2, like the generator's), responding all together with the
     * state's probability. {@code pairs = 97 000} is about the bundled sample (≈ 11 sends per cell).
     */
    public static Cells draw(double[] truth, double pairs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] share = shares();
        long[] sends = new long[truth.length];
        long[] responses = new long[truth.length];
        for (int s = 0; s < truth.length; s++) {
            long pairCount = poisson(random, pairs * share[s]);
            for (long pair = 0; pair < pairCount; pair++) {
                long pairSends = 1 + poisson(random, 1.04);
                sends[s] += pairSends;
                if (random.nextDouble() < truth[s]) {
                    responses[s] += pairSends;
                }
            }
        }
        return new Cells(SPACE, sends, responses);
    }

    /** Independent sends (no clustering): n per cell, each responding with the cell's probability. */
    public static Cells drawIndependent(StateSpace space, double[] truth, long sendsPerCell, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] sends = new long[truth.length];
        long[] responses = new long[truth.length];
        for (int s = 0; s < truth.length; s++) {
            sends[s] = sendsPerCell;
            for (long i = 0; i < sendsPerCell; i++) {
                if (random.nextDouble() < truth[s]) {
                    responses[s]++;
                }
            }
        }
        return new Cells(space, sends, responses);
    }

    /** Knuth's multiplication method, split into chunks so e^−λ never underflows. */
    public static long poisson(SplittableRandom random, double mean) {
        long count = 0;
        double remaining = mean;
        while (remaining > 0) {
            double chunk = Math.min(remaining, 30);
            remaining -= chunk;
            double limit = Math.exp(-chunk);
            double product = random.nextDouble();
            while (product > limit) {
                count++;
                product *= random.nextDouble();
            }
        }
        return count;
    }
}
