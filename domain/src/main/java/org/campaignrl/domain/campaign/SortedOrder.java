package org.campaignrl.domain.campaign;

/** The positions of the first {@code n} values of an int array in ascending value order, on primitives. */
final class SortedOrder {
    private SortedOrder() {}

    /**
     * Sorts (value, position) pairs packed into longs, so that a million ids cost one long array and no boxing;
     * equal values keep their positions' order.
     */
    static int[] of(int[] values, int n) {
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
}
