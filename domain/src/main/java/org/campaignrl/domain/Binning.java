package org.campaignrl.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The fixed code books: how raw values (dates, years, ages, letters) become attribute codes,
 * and the labels existing users know them by. Subject lines and email domains are not here:
 * their codes come from the data (see {@link StateSpace}).
 */
public final class Binning {
    public static final List<String> DAY_LABELS =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    public static final List<String> TENURE_LABELS =
            List.of("< 5", "5 - 10", "10 - 15", "15 - 20", "20 - 25", "25 - 30", "> 30");
    public static final List<String> AGE_LABELS = List.of("< 20", "20 - 25", "25 - 35", "35 - 45", "> 45");
    public static final List<String> GENDER_LABELS = List.of("Female", "Male");
    public static final List<String> TYPE_LABELS = List.of("Business", "Consumer");

    private static final int[] AGE_LOWER_BOUNDS = {20, 25, 35, 45};

    private Binning() {}

    /** Monday = 0 … Sunday = 6, the same codes as pandas {@code weekday}. */
    public static int dayCode(LocalDate date) {
        return date.getDayOfWeek().getValue() - 1;
    }

    /** Five-year groups: {@code <5, 5–9, …, 25–29, ≥30}. */
    public static int tenureCode(int years) {
        requireNonNegative(years, "tenure");
        return Math.min(years / 5, 6);
    }

    /** {@code <20, 20–24, 25–34, 35–44, ≥45}. */
    public static int ageCode(int age) {
        requireNonNegative(age, "age");
        int code = 0;
        while (code < AGE_LOWER_BOUNDS.length && age >= AGE_LOWER_BOUNDS[code]) {
            code++;
        }
        return code;
    }

    /** F = 0, M = 1; -1 for anything else. */
    public static int genderCode(String letter) {
        return switch (letter) {
            case "F" -> 0;
            case "M" -> 1;
            default -> -1;
        };
    }

    /** B (business) = 0, C (consumer) = 1; -1 for anything else. */
    public static int typeCode(String letter) {
        return switch (letter) {
            case "B" -> 0;
            case "C" -> 1;
            default -> -1;
        };
    }

    /** The text after the last '@', lower-cased; null when there is no '@' or nothing after it. */
    public static String emailDomain(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return null;
        }
        String domain = address.substring(at + 1).trim();
        return domain.isEmpty() ? null : domain.toLowerCase(java.util.Locale.ROOT);
    }

    private static void requireNonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
    }
}
