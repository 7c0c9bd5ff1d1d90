package org.campaignrl.adapters.db;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;

/**
 * Cells as the {@code dataset_cells} columns hold them: the cells sent to, in ascending state order, as three
 * parallel little-endian arrays, state indexes as 4-byte ints, sends and responses as 8-byte longs. A cell never
 * sent to has no responses either and is left out. The arrays are the columns' bytes, not copies.
 */
record CellColumns(int count, byte[] states, byte[] sends, byte[] responses) {

    static CellColumns of(Cells cells) {
        int count = cells.nonEmptyCount();
        ByteBuffer states = littleEndian(count * Integer.BYTES);
        ByteBuffer sends = littleEndian(count * Long.BYTES);
        ByteBuffer responses = littleEndian(count * Long.BYTES);
        for (int state = 0; state < cells.space().size(); state++) {
            if (cells.sends(state) > 0) {
                states.putInt(state);
                sends.putLong(cells.sends(state));
                responses.putLong(cells.responses(state));
            }
        }
        return new CellColumns(count, states.array(), sends.array(), responses.array());
    }

    /** No cell sent to: what a part without a row holds. */
    static Cells none(StateSpace space) {
        return new Cells(space, new long[space.size()], new long[space.size()]);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /**
     * Every state of {@code space}, zero where no cell is listed.
     *
     * @throws IllegalStateException when the columns disagree on the count or list a state outside the space
     */
    Cells toCells(StateSpace space, String whose) {
        if (states.length != count * Integer.BYTES
                || sends.length != count * Long.BYTES
                || responses.length != count * Long.BYTES) {
            throw new IllegalStateException(whose + " are damaged: " + count + " cells in " + states.length + ", "
                    + sends.length + " and " + responses.length + " bytes");
        }
        IntBuffer stateColumn =
                ByteBuffer.wrap(states).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        LongBuffer sendColumn =
                ByteBuffer.wrap(sends).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        LongBuffer responseColumn =
                ByteBuffer.wrap(responses).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        long[] sendsByState = new long[space.size()];
        long[] responsesByState = new long[space.size()];
        for (int i = 0; i < count; i++) {
            int state = stateColumn.get(i);
            if (state < 0 || state >= space.size()) {
                throw new IllegalStateException(whose + " list state " + state + ", outside their state space of "
                        + space.size() + " states " + space);
            }
            sendsByState[state] = sendColumn.get(i);
            responsesByState[state] = responseColumn.get(i);
        }
        return new Cells(space, sendsByState, responsesByState);
    }

    private static ByteBuffer littleEndian(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
