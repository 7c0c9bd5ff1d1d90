package org.campaignrl.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every way {@link SortedOrder} takes (in order already, dense values placed, a sort) gives the stable order. */
class SortedOrderTest {
    @Test
    void denseSparseRepeatedNegativeAndOrderedValuesAllComeOutInStableAscendingOrder() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(0, 300);
            int spread = switch (round % 4) {
                case 0 -> n + 1; // dense: a permutation-like set of ids
                case 1 -> 1_000_000; // sparse
                case 2 -> Math.max(1, n / 3); // many repeats
                default -> 3 * n + 10; // dense with gaps
            };
            int offset = round % 5 == 0 ? -500_000 : 100_000;
            int[] values = IntStream.range(0, n)
                    .map(i -> offset + random.nextInt(spread))
                    .toArray();
            if (round % 7 == 0) {
                java.util.Arrays.sort(values);
            }
            assertArrayEquals(stableOrder(values), SortedOrder.of(values, n), "round " + round);
        }
    }

    @Test
    void onlyTheFirstNValuesCount() {
        int[] values = {5, 3, 4, 1, 0};
        assertArrayEquals(new int[] {1, 2, 0}, SortedOrder.of(values, 3));
    }

    private static int[] stableOrder(int[] values) {
        return IntStream.range(0, values.length)
                .boxed()
                .sorted(Comparator.comparingInt(i -> values[i]))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
