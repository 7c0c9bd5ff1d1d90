package org.campaignrl.application;

/** Checks for command records: each failure names the field. */
public final class Validate {
    private Validate() {}

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new InvalidCommandException(field, "is required");
        }
        return value;
    }

    public static int atLeast(int value, int min, String field) {
        if (value < min) {
            throw new InvalidCommandException(field, "must be at least " + min + ", was " + value);
        }
        return value;
    }

    public static long atLeast(long value, long min, String field) {
        if (value < min) {
            throw new InvalidCommandException(field, "must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** Inclusive on both ends; NaN fails. */
    public static double within(double value, double min, double max, String field) {
        if (!(value >= min && value <= max)) {
            throw new InvalidCommandException(field, "must be within " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    public static int within(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new InvalidCommandException(field, "must be within " + min + ".." + max + ", was " + value);
        }
        return value;
    }
}
