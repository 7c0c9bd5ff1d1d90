package org.campaignrl.domain.campaign;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.campaignrl.domain.estimators.ConversionInterval;

/**
 * A plan's readout from what the logs showed of its customers.
 *
 * <ul>
 *   <li>Each group's conversion: of its customers whose send appeared, those who responded, with a Wilson
 *       interval. A control that got nothing has no sends to appear: all its customers count, and a response
 *       of theirs to the subject line (sent by someone else) counts as theirs.</li>
 *   <li>The lift of target over control: the difference of conversions with Newcombe's hybrid score interval
 *       (method 10 of Newcombe 1998, from the two Wilson intervals; it keeps near its nominal coverage where the
 *       normal approximation of the difference does not, at rates of a few percent and groups of hundreds), the
 *       ratio with the Katz log interval, and the incremental responses: the difference times the target's sends.
 *       Explore is left out: it is spent on purpose where the model is unsure.</li>
 *   <li>Calibration: the sent target and explore customers by predicted probability in up to
 *       {@link #CALIBRATION_BINS} bins of equal count, each bin's mean prediction against its conversion.</li>
 * </ul>
 */
public final class ReadoutStatistics {
    /** The confidence level of every interval of a readout. */
    public static final double CONFIDENCE = 0.95;
    /** At most this many calibration rows. */
    public static final int CALIBRATION_BINS = 10;

    private ReadoutStatistics() {}

    /**
     * @param assignments the plan's customers
     * @param sent        by position in {@code assignments}: the customers whose send appeared
     * @param responded   by position: the customers who responded to the plan's subject line
     * @param control     what the plan's control group got
     */
    public static Readout of(Assignments assignments, BitSet sent, BitSet responded, ControlTreatment control) {
        int size = assignments.size();
        long[] planned = new long[Group.values().length];
        long[] sentCount = new long[planned.length];
        long[] respondedCount = new long[planned.length];
        double[] predictedSum = new double[planned.length];
        for (int i = 0; i < size; i++) {
            Group group = assignments.group(i);
            int g = group.ordinal();
            planned[g]++;
            boolean counts = sent.get(i) || group == Group.CONTROL && control == ControlTreatment.NOTHING;
            if (counts) {
                sentCount[g]++;
                predictedSum[g] += assignments.probability(i);
                if (responded.get(i)) {
                    respondedCount[g]++;
                }
            }
        }
        List<GroupConversion> groups = new ArrayList<>();
        for (Group group : Group.values()) {
            int g = group.ordinal();
            if (planned[g] > 0) {
                groups.add(new GroupConversion(
                        group,
                        planned[g],
                        sentCount[g],
                        respondedCount[g],
                        ConversionInterval.wilson(respondedCount[g], sentCount[g], CONFIDENCE),
                        sentCount[g] == 0 ? Double.NaN : predictedSum[g] / sentCount[g]));
            }
        }
        int t = Group.TARGET.ordinal();
        int c = Group.CONTROL.ordinal();
        Optional<Lift> lift = sentCount[t] > 0 && sentCount[c] > 0
                ? Optional.of(lift(respondedCount[t], sentCount[t], respondedCount[c], sentCount[c]))
                : Optional.empty();
        return new Readout(groups, lift, calibration(assignments, sent, responded));
    }

    /**
     * Target (x₁ of n₁) against control (x₂ of n₂): difference with Newcombe's interval
     * [d − √((p₁ − l₁)² + (u₂ − p₂)²), d + √((u₁ − p₁)² + (p₂ − l₂)²)], ratio with the Katz interval
     * exp(ln(p₁/p₂) ± z·√(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)) (NaN where a group has no response), incremental responses
     * n₁ times the difference and its interval.
     */
    public static Lift lift(long x1, long n1, long x2, long n2) {
        ConversionInterval a = ConversionInterval.wilson(x1, n1, CONFIDENCE);
        ConversionInterval b = ConversionInterval.wilson(x2, n2, CONFIDENCE);
        double d = a.rate() - b.rate();
        double lower = d - Math.hypot(a.rate() - a.lower(), b.upper() - b.rate());
        double upper = d + Math.hypot(a.upper() - a.rate(), b.rate() - b.lower());
        double relative = Double.NaN;
        double relativeLower = Double.NaN;
        double relativeUpper = Double.NaN;
        if (x2 > 0) {
            relative = a.rate() / b.rate() - 1;
            if (x1 > 0) {
                double z = ConversionInterval.zFor(CONFIDENCE);
                double se = Math.sqrt(1.0 / x1 - 1.0 / n1 + 1.0 / x2 - 1.0 / n2);
                double log = Math.log(a.rate() / b.rate());
                relativeLower = Math.exp(log - z * se) - 1;
                relativeUpper = Math.exp(log + z * se) - 1;
            }
        }
        return new Lift(d, lower, upper, relative, relativeLower, relativeUpper, d * n1, lower * n1, upper * n1);
    }

    /** The sent target and explore customers in up to {@link #CALIBRATION_BINS} bins of equal count by prediction. */
    static List<CalibrationRow> calibration(Assignments assignments, BitSet sent, BitSet responded) {
        int count = 0;
        for (int i = 0; i < assignments.size(); i++) {
            if (sent.get(i) && assignments.group(i) != Group.CONTROL) {
                count++;
            }
        }
        if (count == 0) {
            return List.of();
        }
        double[] p = new double[count];
        boolean[] hit = new boolean[count];
        int k = 0;
        for (int i = 0; i < assignments.size(); i++) {
            if (sent.get(i) && assignments.group(i) != Group.CONTROL) {
                p[k] = assignments.probability(i);
                hit[k] = responded.get(i);
                k++;
            }
        }
        int[] order = orderByValue(p);
        int bins = Math.min(CALIBRATION_BINS, count);
        List<CalibrationRow> rows = new ArrayList<>(bins);
        for (int bin = 0; bin < bins; bin++) {
            int from = (int) ((long) count * bin / bins);
            int to = (int) ((long) count * (bin + 1) / bins);
            double sum = 0;
            long hits = 0;
            for (int j = from; j < to; j++) {
                sum += p[order[j]];
                if (hit[order[j]]) {
                    hits++;
                }
            }
            long n = to - from;
            rows.add(new CalibrationRow(
                    p[order[from]],
                    p[order[to - 1]],
                    n,
                    Math.min(1, sum / n),
                    hits,
                    ConversionInterval.wilson(hits, n, CONFIDENCE)));
        }
        return rows;
    }

    /** Positions of the values in ascending order, ties by position (a stable merge sort on primitives). */
    static int[] orderByValue(double[] values) {
        int[] order = new int[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        mergeSort(order, new int[order.length], 0, order.length, values);
        return order;
    }

    private static void mergeSort(int[] a, int[] buffer, int from, int to, double[] key) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(a, buffer, from, middle, key);
        mergeSort(a, buffer, middle, to, key);
        int i = from;
        int j = middle;
        int k = from;
        while (i < middle && j < to) {
            buffer[k++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
        }
        while (i < middle) {
            buffer[k++] = a[i++];
        }
        while (j < to) {
            buffer[k++] = a[j++];
        }
        System.arraycopy(buffer, from, a, from, to - from);
    }
}
