package org.campaignrl.domain.ranking;

import java.util.Arrays;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.estimators.SubjectSpan;

/**
 * Picks and orders states by score, on primitive arrays. One order everywhere: higher score
 * first, then more sends, then the lower state index, so every ranking is deterministic.
 */
public final class TopSelection {
    private TopSelection() {}

    public static long[] sendsOf(Cells cells) {
        long[] sends = new long[cells.space().size()];
        for (int s = 0; s < sends.length; s++) {
            sends[s] = cells.sends(s);
        }
        return sends;
    }

    /** Whether state a ranks before state b. */
    public static boolean before(int a, int b, double[] score, long[] sends) {
        if (score[a] != score[b]) {
            return score[a] > score[b];
        }
        if (sends[a] != sends[b]) {
            return sends[a] > sends[b];
        }
        return a < b;
    }

    /** Every state of [start, end) with at least {@code minSends} sends, best first. */
    public static int[] ranked(int start, int end, double[] score, long[] sends, long minSends) {
        int[] eligible = new int[end - start];
        int count = 0;
        for (int s = start; s < end; s++) {
            if (sends[s] >= minSends) {
                eligible[count++] = s;
            }
        }
        int[] states = Arrays.copyOf(eligible, count);
        mergeSort(states, new int[count], 0, count, score, sends);
        return states;
    }

    /** The best {@code n} states of [start, end) with at least {@code minSends} sends, best first. */
    public static int[] top(int start, int end, double[] score, long[] sends, long minSends, int n) {
        int[] best = new int[n];
        int count = 0;
        for (int s = start; s < end; s++) {
            if (sends[s] < minSends) {
                continue;
            }
            if (count == n && !before(s, best[n - 1], score, sends)) {
                continue;
            }
            int position = count < n ? count++ : n - 1;
            while (position > 0 && before(s, best[position - 1], score, sends)) {
                best[position] = best[position - 1];
                position--;
            }
            best[position] = s;
        }
        return Arrays.copyOf(best, count);
    }

    /** The best {@code n} eligible states of each subject line, by subject code. */
    public static int[][] topPerSubject(StateSpace space, double[] score, long[] sends, long minSends, int n) {
        int subjects = space.size(Attribute.SUBJECT);
        int[][] chosen = new int[subjects][];
        for (int subject = 0; subject < subjects; subject++) {
            SubjectSpan span = SubjectSpan.of(space, subject);
            chosen[subject] = top(span.start(), span.end(), score, sends, minSends, n);
        }
        return chosen;
    }

    private static void mergeSort(int[] a, int[] buffer, int from, int to, double[] score, long[] sends) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(a, buffer, from, middle, score, sends);
        mergeSort(a, buffer, middle, to, score, sends);
        int i = from;
        int j = middle;
        int k = from;
        while (i < middle && j < to) {
            buffer[k++] = before(a[j], a[i], score, sends) ? a[j++] : a[i++];
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
