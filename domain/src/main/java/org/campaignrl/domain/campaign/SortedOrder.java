package org.campaignrl.domain.campaign;

/** The positions of the first {@code n} values of an int array in ascending value order, on primitives. */
final class SortedOrder {
    private SortedOrder() {}

    /**
     * Sorts (value, position) pairs packed into longs, so that a million ids cost one long array and no boxing;
     * equal values keep their positions' order.
     */
    static int[] of(int[] values, int n) {
        if (ascending(values, n)) { // a userbase exported in id order, as most are: nothing to sort
            int[] identity = new int[n];
            java.util.Arrays.setAll(identity, i -> i);
            return identity;
        }
        int[] placed = placedByValue(values, n);
        if (placed != null) {
            return placed;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) values[i] << 32) | (i & 0xFFFFFFFFL);
        }
        java.util.Arrays.sort(packed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) packed[i];
        }
        return order;
    }

    /**
     * Customer ids are mostly dense (an export numbers its customers): then each position goes straight to its
     * value's slot, in time linear in {@code n}, instead of a sort of {@code n} longs. Null when the values are
     * spread too thin for that or one is there twice (the sort keeps equal values in order).
     */
    private static int[] placedByValue(int[] values, int n) {
        if (n == 0) {
            return new int[0];
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        long range = (long) max - min + 1;
        if (range > 4L * n + 1024) {
            return null;
        }
        int[] slots = new int[(int) range];
        java.util.Arrays.fill(slots, -1);
        for (int i = 0; i < n; i++) {
            int slot = values[i] - min;
            if (slots[slot] >= 0) {
                return null;
            }
            slots[slot] = i;
        }
        int[] order = new int[n];
        int at = 0;
        for (int position : slots) {
            if (position >= 0) {
                order[at++] = position;
            }
        }
        return order;
    }

    private static boolean ascending(int[] values, int n) {
        for (int i = 1; i < n; i++) {
            if (values[i] < values[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
