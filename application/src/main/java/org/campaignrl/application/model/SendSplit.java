package org.campaignrl.application.model;

import java.time.LocalDate;
import java.util.Locale;

/**
 * How an ingest sets sends aside for held-out evaluation: not at all, every send on or after a date,
 * or a seeded random share of (subject, customer) pairs — whole pairs, because every send of a pair
 * shares its response, so splitting a pair would leak the answer into training.
 *
 * <p>The pair hash is defined here so that every ingest engine draws the same split.
 */
public record SendSplit(Kind kind, LocalDate heldOutFrom, double heldOutShare, long seed) {
    public static final SendSplit NONE = new SendSplit(Kind.NONE, null, 0, 0);

    public enum Kind {
        NONE,
        BY_DATE,
        RANDOM_PAIRS
    }

    public SendSplit {
        if (kind == null) {
            throw new IllegalArgumentException("split kind is required");
        }
        if (kind == Kind.BY_DATE && heldOutFrom == null) {
            throw new IllegalArgumentException("a split by date needs the first held-out date");
        }
        if (kind == Kind.RANDOM_PAIRS && !(heldOutShare > 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException("the held-out share must be within (0, 1): " + heldOutShare);
        }
    }

    /** Sends on or after {@code firstHeldOutDay} are held out. */
    public static SendSplit byDate(LocalDate firstHeldOutDay) {
        return new SendSplit(Kind.BY_DATE, firstHeldOutDay, 0, 0);
    }

    /** About {@code share} of the (subject, customer) pairs, drawn by a hash seeded with {@code seed}, are held out. */
    public static SendSplit randomPairs(double share, long seed) {
        return new SendSplit(Kind.RANDOM_PAIRS, null, share, seed);
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }

    /** Whether a send of this pair on this day (days since 1970-01-01) is held out. */
    public boolean holdsOut(int subjectId, int customerId, long epochDay) {
        return switch (kind) {
            case NONE -> false;
            case BY_DATE -> epochDay >= heldOutFrom.toEpochDay();
            case RANDOM_PAIRS ->
                unitInterval(mix(((long) subjectId << 32 | (customerId & 0xFFFFFFFFL)) ^ mix(seed))) < heldOutShare;
        };
    }

    public String describe() {
        return switch (kind) {
            case NONE -> "no held-out part";
            case BY_DATE -> "sends from " + heldOutFrom + " on held out";
            case RANDOM_PAIRS ->
                String.format(
                        Locale.ROOT,
                        "%.0f %% of (subject, customer) pairs held out, seed %d",
                        heldOutShare * 100,
                        seed);
        };
    }

    /** SplitMix64's finaliser: a fixed, well-spread 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unitInterval(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
