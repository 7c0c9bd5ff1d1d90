package org.campaignrl.domain.ranking.evaluation;

/**
 * A figure and its bootstrap percentile interval. {@code lower} and {@code upper} are NaN when
 * there was no bootstrap, and {@code value} is NaN when the figure is undefined (a rate over
 * no sends, a lift over a base of 0).
 */
public record Estimate(double value, double lower, double upper) {

    /** Whether the interval contains {@code x}. */
    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }

    /** {@code upper − lower}. */
    public double width() {
        return upper - lower;
    }

    /** The 2.5 % and 97.5 % percentiles of the replicates (NaN ones dropped), around {@code value}. */
    static Estimate fromReplicates(double value, double[] replicates) {
        double[] finite = new double[replicates.length];
        int count = 0;
        for (double replicate : replicates) {
            if (!Double.isNaN(replicate)) {
                finite[count++] = replicate;
            }
        }
        if (count == 0) {
            return new Estimate(value, Double.NaN, Double.NaN);
        }
        java.util.Arrays.sort(finite, 0, count);
        return new Estimate(value, percentile(finite, count, 0.025), percentile(finite, count, 0.975));
    }

    /** Linear interpolation between order statistics (the usual "type 7" definition). */
    static double percentile(double[] sorted, int count, double probability) {
        double position = probability * (count - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, count - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
