package org.campaignrl.adapters.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LittleEndianDoublesTest {

    @Test
    void eachDoubleIsEightBytesLowestFirst() {
        assertArrayEquals(
                new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0, (byte) 0xC0},
                LittleEndianDoubles.toBytes(new double[] {1.0, -2.0}));
    }

    @Test
    void everyValueComesBackBitForBit() {
        double[] values = {-0.0, 0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.NEGATIVE_INFINITY, 1.0 / 3, -1e-300};

        double[] back = LittleEndianDoubles.fromBytes(LittleEndianDoubles.toBytes(values));

        assertArrayEquals(
                Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray(),
                Arrays.stream(back).mapToLong(Double::doubleToRawLongBits).toArray());
    }

    @Test
    void aTruncatedValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LittleEndianDoubles.fromBytes(new byte[12]));
    }
}
