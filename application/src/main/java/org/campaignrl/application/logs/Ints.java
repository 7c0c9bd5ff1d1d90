package org.campaignrl.application.logs;

/** Parses int fields without throwing, so that a bad row costs no exception. */
public final class Ints {
    /** Returned for text that is not an int; no int widens to it. */
    public static final long NOT_AN_INT = Long.MIN_VALUE;

    private Ints() {}

    /** An optional sign and decimal digits only, within the int range; anything else is {@link #NOT_AN_INT}. */
    public static long parse(String text) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        if (i == length) {
            return NOT_AN_INT;
        }
        long value = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_AN_INT;
            }
            value = value * 10 + (c - '0');
            if (value > Integer.MAX_VALUE + 1L) {
                return NOT_AN_INT;
            }
        }
        value = negative ? -value : value;
        return value > Integer.MAX_VALUE ? NOT_AN_INT : value;
    }

    /** The same rules as {@link #parse(String)}, over the bytes {@code [from, to)} of a row. */
    public static long parse(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        if (i == to) {
            return NOT_AN_INT;
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return NOT_AN_INT;
            }
            value = value * 10 + digit;
            if (value > Integer.MAX_VALUE + 1L) {
                return NOT_AN_INT;
            }
        }
        value = negative ? -value : value;
        return value > Integer.MAX_VALUE ? NOT_AN_INT : value;
    }
}
