package org.campaignrl.application.logs;

import java.time.LocalDate;

/**
 * Parses the log dates: {@code yyyy-MM-dd}, optionally followed by {@code " HH:mm:ss"} or
 * {@code "THH:mm:ss"}. Checked by hand rather than with a formatter because it runs once per send
 * and a bad date must not cost an exception. The byte form is the one ingest uses; it answers days
 * since 1970-01-01, so that a send costs no {@link LocalDate}.
 */
public final class IsoDates {
    /** What {@link #epochDay} answers for anything that is not a date; no date of years 0000..9999 is this. */
    public static final long NOT_A_DATE = Long.MIN_VALUE;

    private static final int DATE_LENGTH = 10;
    private static final int DATE_TIME_LENGTH = 19;
    /** Days in each month of a common year, January first. */
    private static final int[] MONTH_LENGTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /** Days from 0000-01-01 to 1970-01-01 in the proleptic Gregorian calendar, as {@link LocalDate} counts them. */
    private static final long DAYS_0000_TO_1970 = 719_528;

    private IsoDates() {}

    /** The date, or null for anything else, including impossible dates such as 2016-02-30. */
    public static LocalDate parse(String text) {
        // Non-Latin-1 characters cannot be part of a date; map them to a byte that is no digit.
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            bytes[i] = c < 0x80 ? (byte) c : (byte) 0x80;
        }
        long epochDay = epochDay(bytes, 0, bytes.length);
        return epochDay == NOT_A_DATE ? null : LocalDate.ofEpochDay(epochDay);
    }

    /** Days since 1970-01-01 of the date in bytes {@code [from, to)}, or {@link #NOT_A_DATE}. */
    public static long epochDay(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length != DATE_LENGTH && length != DATE_TIME_LENGTH) {
            return NOT_A_DATE;
        }
        if (bytes[from + 4] != '-' || bytes[from + 7] != '-') {
            return NOT_A_DATE;
        }
        int year = digits(bytes, from, 4);
        int month = digits(bytes, from + 5, 2);
        int day = digits(bytes, from + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
            return NOT_A_DATE;
        }
        if (length == DATE_TIME_LENGTH && !isTime(bytes, from)) {
            return NOT_A_DATE;
        }
        return epochDay(year, month, day);
    }

    /** Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday), as {@code Binning.dayCode}. */
    public static int dayCode(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    private static int monthLength(int year, int month) {
        return month == 2 && isLeap(year) ? 29 : MONTH_LENGTH[month - 1];
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** As {@link LocalDate#toEpochDay()}, for years 0..9999 of a valid date. */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= isLeap(year) ? 1 : 2;
        }
        return total - DAYS_0000_TO_1970;
    }

    /** {@code [ T]HH:mm:ss} from position 10. */
    private static boolean isTime(byte[] bytes, int from) {
        byte separator = bytes[from + 10];
        if ((separator != ' ' && separator != 'T') || bytes[from + 13] != ':' || bytes[from + 16] != ':') {
            return false;
        }
        int hour = digits(bytes, from + 11, 2);
        int minute = digits(bytes, from + 14, 2);
        int second = digits(bytes, from + 17, 2);
        return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
    }

    /** The value of {@code count} decimal digits from {@code start}, or -1 if one of them is not a digit. */
    private static int digits(byte[] bytes, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
