package org.campaignrl.application.logs;

/**
 * Checks bytes for well-formed UTF-8 (The Unicode Standard, table 3-7: no overlong forms, no surrogates,
 * nothing above U+10FFFF) without decoding them. The fast path and Commons CSV both hand their rows' own
 * bytes to {@link #firstMalformed}, so both reject the same rows.
 */
public final class Utf8 {
    /** {@link #sequenceEnd}: the bytes are no UTF-8. */
    private static final int MALFORMED = -1;
    /** {@link #sequenceEnd}: the bytes so far begin a sequence that runs past the end. */
    private static final int CUT_SHORT = -2;

    private Utf8() {}

    /** Where the first malformed (or unfinished) sequence in {@code bytes[from, to)} starts, or -1 when there is none. */
    public static int firstMalformed(byte[] bytes, int from, int to) {
        for (int i = from; i < to; ) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int end = sequenceEnd(bytes, i, to);
            if (end < 0) {
                return i;
            }
            i = end;
        }
        return -1;
    }

    /**
     * Whether {@code bytes[from, to)} is well-formed UTF-8 but for its last sequence, which may be cut short:
     * the first bytes of a file, whose next ones were not read.
     */
    public static boolean isWellFormedStart(byte[] bytes, int from, int to) {
        for (int i = from; i < to; ) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int end = sequenceEnd(bytes, i, to);
            if (end == CUT_SHORT) {
                return true;
            }
            if (end == MALFORMED) {
                return false;
            }
            i = end;
        }
        return true;
    }

    /** Where the multi-byte sequence starting at {@code start} ends, or {@link #MALFORMED} or {@link #CUT_SHORT}. */
    private static int sequenceEnd(byte[] bytes, int start, int to) {
        int lead = bytes[start] & 0xFF;
        int length;
        int secondMin = 0x80;
        int secondMax = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                secondMin = 0xA0; // below: an overlong form
            } else if (lead == 0xED) {
                secondMax = 0x9F; // above: a surrogate
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                secondMin = 0x90; // below: an overlong form
            } else if (lead == 0xF4) {
                secondMax = 0x8F; // above: beyond U+10FFFF
            }
        } else {
            return MALFORMED; // a continuation byte without a lead, C0, C1 or F5..FF
        }
        for (int k = 1; k < length; k++) {
            if (start + k >= to) {
                return CUT_SHORT;
            }
            int b = bytes[start + k] & 0xFF;
            if (k == 1 ? b < secondMin || b > secondMax : b < 0x80 || b > 0xBF) {
                return MALFORMED;
            }
        }
        return start + length;
    }
}
