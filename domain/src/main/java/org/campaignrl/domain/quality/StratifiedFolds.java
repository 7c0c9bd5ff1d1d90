package org.campaignrl.domain.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.campaignrl.domain.Cells;

/**
 * Splits the non-empty cells (sends &gt; 0) into folds stratified on their response count.
 *
 * <p>The exact rule, so that a split can be reproduced:
 * <ol>
 *   <li>the non-empty cells are grouped by response count, groups in ascending count;</li>
 *   <li>within a group the cells start in ascending state index and are shuffled (Fisher–Yates, from the
 *       last position down) by one {@code new SplittableRandom(seed)}, group after group;</li>
 *   <li>the groups are laid end to end and dealt round-robin: the i-th cell of that order goes to fold
 *       {@code i mod folds}. Dealing carries on across groups instead of restarting at fold 0.</li>
 * </ol>
 * Each response count is a run of consecutive positions, so its cells spread over the folds with counts
 * that differ by at most one; so do the fold sizes.
 */
public final class StratifiedFolds {
    private StratifiedFolds() {}

    /** The folds, each a sorted array of state indices; together they are exactly the non-empty cells. */
    public static List<int[]> split(Cells cells, int folds, long seed) {
        if (folds < 1) {
            throw new IllegalArgumentException("folds must be at least 1: " + folds);
        }
        int[] order = nonEmptyByResponseCount(cells);
        shuffleWithinEqualCounts(order, cells, new SplittableRandom(seed));

        int[][] dealt = new int[folds][];
        for (int f = 0; f < folds; f++) {
            dealt[f] = new int[order.length / folds + (f < order.length % folds ? 1 : 0)];
        }
        for (int i = 0; i < order.length; i++) {
            dealt[i % folds][i / folds] = order[i];
        }
        List<int[]> result = new ArrayList<>(folds);
        for (int[] fold : dealt) {
            Arrays.sort(fold);
            result.add(fold);
        }
        return result;
    }

    /** Non-empty cells by ascending response count, ties by ascending state index (a stable sort). */
    private static int[] nonEmptyByResponseCount(Cells cells) {
        int states = cells.space().size();
        return IntStream.range(0, states)
                .filter(s -> cells.sends(s) > 0)
                .boxed()
                .sorted(Comparator.comparingLong(cells::responses))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static void shuffleWithinEqualCounts(int[] order, Cells cells, SplittableRandom random) {
        int groupStart = 0;
        while (groupStart < order.length) {
            long count = cells.responses(order[groupStart]);
            int groupEnd = groupStart;
            while (groupEnd < order.length && cells.responses(order[groupEnd]) == count) {
                groupEnd++;
            }
            for (int i = groupEnd - 1; i > groupStart; i--) {
                int j = groupStart + random.nextInt(i - groupStart + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            groupStart = groupEnd;
        }
    }
}
