package org.campaignrl.adapters.db;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Ints as bytes, 4 each, little-endian: the layout of the id, offset and day columns of V5 and V8. */
final class LittleEndianInts {
    private LittleEndianInts() {}

    /** {@code length} values of {@code values} from {@code from}. */
    static byte[] toBytes(int[] values, int from, int length) {
        ByteBuffer bytes = ByteBuffer.allocate(length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values, from, length);
        return bytes.array();
    }

    /** Reads {@code bytes} into {@code values} from {@code at}; answers how many ints they held. */
    static int fromBytes(byte[] bytes, int[] values, int at) {
        if (bytes.length % Integer.BYTES != 0) {
            throw new IllegalArgumentException(bytes.length + " bytes are not a whole number of ints");
        }
        int count = bytes.length / Integer.BYTES;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values, at, count);
        return count;
    }

    static int[] fromBytes(byte[] bytes) {
        int[] values = new int[bytes.length / Integer.BYTES];
        fromBytes(bytes, values, 0);
        return values;
    }
}
