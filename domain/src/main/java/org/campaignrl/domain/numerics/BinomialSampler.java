package org.campaignrl.domain.numerics;

import java.util.SplittableRandom;

/**
 * Draws Binomial(nᵢ, pᵢ) for a fixed set of cells, many times over, with each cell's work done
 * once up front so that a draw costs O(1).
 *
 * <ul>
 *   <li>n = 0, p = 0 or p = 1: constant, never drawn;</li>
 *   <li>variance npq &lt; {@link #NORMAL_FROM}: exact, by Walker's alias method (Vose's
 *       construction) over the probabilities P(k), computed from the mode outwards and cut where
 *       they fall below {@link #CUT} (the mass cut off, at most a few 1e-14, is spread back by
 *       normalising). One uniform picks a column and, with its fractional part, the column's
 *       value or its alias;</li>
 *   <li>npq ≥ {@link #NORMAL_FROM}: the normal approximation round(np + √(npq)·Z), kept within
 *       0..n: one Gaussian draw however large n is. There the binomial's skewness is at most
 *       1/√50 ≈ 0.14, and every figure the bootstrap recomputes sums many cells, which washes it
 *       out further.</li>
 * </ul>
 * The tables take about 12 bytes per value within ±8 standard deviations of each cell's mean:
 * some 5 MB for 17 640 cells of the full-size synthetic data.
 */
public final class BinomialSampler {
    /** From this variance npq on, a cell is drawn by the normal approximation. */
    static final double NORMAL_FROM = 50;
    /** Probabilities below this are left out of a cell's table. */
    static final double CUT = 1e-15;

    private static final byte CONSTANT = 0;
    private static final byte TABLE = 1;
    private static final byte NORMAL = 2;

    private final long[] n;
    private final byte[] kind;
    private final long[] lowest; // table: the smallest value in the table
    private final int[] offset; // table: where the cell's columns start
    private final int[] columns; // table: how many
    private final double[] mean; // normal
    private final double[] sd; // normal
    private final double[] keep; // alias: probability of keeping the column's own value
    private final int[] alias; // alias: the other value of the column (relative to lowest)

    public BinomialSampler(long[] sends, double[] probability) {
        int cells = sends.length;
        n = sends.clone();
        kind = new byte[cells];
        lowest = new long[cells];
        offset = new int[cells];
        columns = new int[cells];
        mean = new double[cells];
        sd = new double[cells];
        double[][] pmfs = new double[cells][];
        int total = 0;
        for (int c = 0; c < cells; c++) {
            double p = probability[c];
            if (sends[c] == 0 || p <= 0 || p >= 1) {
                kind[c] = CONSTANT;
                continue;
            }
            double variance = sends[c] * p * (1 - p);
            if (variance >= NORMAL_FROM) {
                kind[c] = NORMAL;
                mean[c] = sends[c] * p;
                sd[c] = Math.sqrt(variance);
                continue;
            }
            kind[c] = TABLE;
            pmfs[c] = truncatedPmf(sends[c], p, c);
            offset[c] = total;
            columns[c] = pmfs[c].length;
            total += pmfs[c].length;
        }
        keep = new double[total];
        alias = new int[total];
        int[] small = new int[64];
        int[] large = new int[64];
        for (int c = 0; c < cells; c++) {
            if (kind[c] == TABLE) {
                if (small.length < columns[c]) {
                    small = new int[columns[c]];
                    large = new int[columns[c]];
                }
                buildAlias(pmfs[c], offset[c], small, large);
            }
        }
    }

    /** P(k) for k from lowest[c] while P(k) ≥ CUT, walking out from the mode; normalised. */
    private double[] truncatedPmf(long trials, double p, int c) {
        double q = 1 - p;
        long mode = Math.min(trials, (long) Math.floor((trials + 1) * p));
        double logAtMode = SpecialFunctions.logGamma(trials + 1.0)
                - SpecialFunctions.logGamma(mode + 1.0)
                - SpecialFunctions.logGamma(trials - mode + 1.0)
                + mode * Math.log(p)
                + (trials - mode) * Math.log(q);
        double atMode = Math.exp(logAtMode);
        long low = mode;
        double value = atMode;
        while (low > 0) {
            double next = value * low / (trials - low + 1) * q / p;
            if (next < CUT) {
                break;
            }
            value = next;
            low--;
        }
        long high = mode;
        value = atMode;
        while (high < trials) {
            double next = value * (trials - high) / (high + 1) * p / q;
            if (next < CUT) {
                break;
            }
            value = next;
            high++;
        }
        double[] pmf = new double[(int) (high - low + 1)];
        int modeIndex = (int) (mode - low);
        pmf[modeIndex] = atMode;
        for (int i = modeIndex; i > 0; i--) {
            long k = low + i;
            pmf[i - 1] = pmf[i] * k / (trials - k + 1) * q / p;
        }
        for (int i = modeIndex; i < pmf.length - 1; i++) {
            long k = low + i;
            pmf[i + 1] = pmf[i] * (trials - k) / (k + 1) * p / q;
        }
        double sum = 0;
        for (double v : pmf) {
            sum += v;
        }
        for (int i = 0; i < pmf.length; i++) {
            pmf[i] /= sum;
        }
        lowest[c] = low;
        return pmf;
    }

    /** Vose's alias construction into keep/alias at [start, start + pmf.length). */
    private void buildAlias(double[] pmf, int start, int[] small, int[] large) {
        int size = pmf.length;
        double[] scaled = new double[size];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < size; i++) {
            scaled[i] = pmf[i] * size;
            if (scaled[i] < 1) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int less = small[--smallCount];
            int more = large[--largeCount];
            keep[start + less] = scaled[less];
            alias[start + less] = more;
            scaled[more] = scaled[more] + scaled[less] - 1;
            if (scaled[more] < 1) {
                small[smallCount++] = more;
            } else {
                large[largeCount++] = more;
            }
        }
        while (largeCount > 0) {
            int i = large[--largeCount];
            keep[start + i] = 1;
            alias[start + i] = i;
        }
        while (smallCount > 0) { // only rounding leaves any here
            int i = small[--smallCount];
            keep[start + i] = 1;
            alias[start + i] = i;
        }
    }

    /** Whether the cell's draw is always the same (n = 0, p = 0 or p = 1). */
    public boolean isConstant(int cell) {
        return kind[cell] == CONSTANT;
    }

    /** {@code count} draws for a cell into {@code out[0..count)}; the constant value for a constant cell. */
    public void drawMany(int cell, SplittableRandom random, long[] out, int count, long constantValue) {
        switch (kind[cell]) {
            case TABLE -> {
                int size = columns[cell];
                int start = offset[cell];
                long low = lowest[cell];
                for (int i = 0; i < count; i++) {
                    double u = random.nextDouble() * size;
                    int column = (int) u;
                    int at = start + column;
                    out[i] = low + (u - column < keep[at] ? column : alias[at]);
                }
            }
            case NORMAL -> {
                double m = mean[cell];
                double s = sd[cell];
                long trials = n[cell];
                for (int i = 0; i < count; i++) {
                    long k = Math.round(m + s * random.nextGaussian());
                    out[i] = Math.max(0, Math.min(trials, k));
                }
            }
            default -> java.util.Arrays.fill(out, 0, count, constantValue);
        }
    }

    /** One draw for a non-constant cell. */
    public long draw(int cell, SplittableRandom random) {
        if (kind[cell] == TABLE) {
            double u = random.nextDouble() * columns[cell];
            int column = (int) u;
            int at = offset[cell] + column;
            return lowest[cell] + (u - column < keep[at] ? column : alias[at]);
        }
        long k = Math.round(mean[cell] + sd[cell] * random.nextGaussian());
        return Math.max(0, Math.min(n[cell], k));
    }
}
