package org.campaignrl.domain.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.Environment;
import org.campaignrl.domain.GreedyPolicy;
import org.campaignrl.domain.QTable;

/**
 * The existing users' evaluation, reproduced so that their old report and ours can be compared.
 *
 * <p>The non-empty cells are split into folds by {@link StratifiedFolds}. From each fold up to
 * {@code samplesPerFold} distinct start states are drawn without replacement (a partial Fisher–Yates over
 * the fold's cells in ascending index, with the stream {@code new SplittableRandom(seed).split()}, fold
 * after fold). A greedy rollout is run from each start, and the historical conversion rate
 * ({@link Cells#conversion}) of every visited cell — the start included, a cell visited by several
 * rollouts counted each time — goes into the fold's list. Each fold reports the average, median (the mean
 * of the two middle values for an even count), minimum and maximum of its list.
 *
 * @param folds one entry per fold, in fold order
 */
public record FoldReport(List<Fold> folds) {
    /** The users' protocol uses five folds. */
    public static final int DEFAULT_FOLDS = 5;

    /** What the protocol does not measure; printed under the figures. */
    public static final String CAVEAT = """
            What this report does not measure: the folds are drawn from the same cells the model was \
            trained on, so it scores the model on its training data, not on held-out data. And it averages \
            cell conversion rates without weighting them by sends, so a cell with 1 send and 1 response \
            counts as 100%, as much as a cell with 10,000 sends.""";

    public FoldReport {
        folds = List.copyOf(folds);
    }

    /** The report with the users' five folds. */
    public static FoldReport run(QTable model, Environment environment, int samplesPerFold, int maxSteps, long seed) {
        return run(model, environment, DEFAULT_FOLDS, samplesPerFold, maxSteps, seed);
    }

    /** The report with {@code foldCount} folds; the same inputs and seed give the same report. */
    public static FoldReport run(
            QTable model, Environment environment, int foldCount, int samplesPerFold, int maxSteps, long seed) {
        if (samplesPerFold < 1) {
            throw new IllegalArgumentException("samples per fold must be at least 1: " + samplesPerFold);
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("max steps must not be negative: " + maxSteps);
        }
        Cells cells = environment.cells();
        GreedyPolicy policy = new GreedyPolicy(model, environment);
        List<int[]> split = StratifiedFolds.split(cells, foldCount, seed);
        SplittableRandom sampling = new SplittableRandom(seed).split();
        List<Fold> folds = new ArrayList<>(foldCount);
        for (int f = 0; f < split.size(); f++) {
            int[] starts = sample(split.get(f), samplesPerFold, sampling);
            DoubleStream.Builder rates = DoubleStream.builder();
            for (int start : starts) {
                for (int visited : policy.rollout(start, maxSteps).states()) {
                    rates.add(cells.conversion(visited));
                }
            }
            folds.add(
                    Fold.of(f, split.get(f).length, starts.length, rates.build().toArray()));
        }
        return new FoldReport(folds);
    }

    /**
     * The users' layout: per fold a block of five lines, blocks separated by a blank line, then
     * {@link #CAVEAT}. Rates are percentages with two decimals; a fold that visited nothing shows "n/a".
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        for (Fold fold : folds) {
            text.append("Model Results for Training Fold ")
                    .append(fold.index())
                    .append(":\n")
                    .append("Average Conversion Rate = ")
                    .append(percent(fold.average()))
                    .append('\n')
                    .append("Median Conversion Rate = ")
                    .append(percent(fold.median()))
                    .append('\n')
                    .append("Minimum Conversion Rate = ")
                    .append(percent(fold.minimum()))
                    .append('\n')
                    .append("Maximum Conversion Rate = ")
                    .append(percent(fold.maximum()))
                    .append("\n\n");
        }
        return text.append(CAVEAT).append('\n').toString();
    }

    private static String percent(double rate) {
        return Double.isNaN(rate) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    /** Up to {@code count} distinct cells of the fold, in the order drawn. */
    private static int[] sample(int[] foldCells, int count, SplittableRandom random) {
        int[] pool = foldCells.clone();
        int drawn = Math.min(count, pool.length);
        for (int i = 0; i < drawn; i++) {
            int j = i + random.nextInt(pool.length - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
        }
        return Arrays.copyOf(pool, drawn);
    }

    /**
     * One fold's figures; the rates are {@code NaN} when no cell was visited (an empty fold).
     *
     * @param index fold number, from 0
     * @param cells non-empty cells in the fold
     * @param starts rollouts run (start states sampled)
     * @param visits cell visits whose rates were collected
     */
    public record Fold(
            int index,
            int cells,
            int starts,
            int visits,
            double average,
            double median,
            double minimum,
            double maximum) {

        static Fold of(int index, int cells, int starts, double[] rates) {
            if (rates.length == 0) {
                return new Fold(index, cells, starts, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Fold(index, cells, starts, n, Arrays.stream(sorted).sum() / n, median, sorted[0], sorted[n - 1]);
        }
    }
}
