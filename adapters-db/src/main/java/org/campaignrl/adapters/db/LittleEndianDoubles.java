package org.campaignrl.adapters.db;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Doubles as bytes, 8 each, little-endian: the layout of the {@code q_table} column. The raw bits
 * are copied, so every value (negative zero included) comes back bit for bit.
 */
final class LittleEndianDoubles {
    private LittleEndianDoubles() {}

    static byte[] toBytes(double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(values);
        return bytes.array();
    }

    static double[] fromBytes(byte[] bytes) {
        if (bytes.length % Double.BYTES != 0) {
            throw new IllegalArgumentException(bytes.length + " bytes are not a whole number of doubles");
        }
        double[] values = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        return values;
    }
}
