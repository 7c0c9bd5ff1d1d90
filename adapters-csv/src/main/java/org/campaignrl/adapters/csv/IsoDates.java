package org.campaignrl.adapters.csv;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Parses the log dates: {@code yyyy-MM-dd}, optionally followed by {@code " HH:mm:ss"} or
 * {@code "THH:mm:ss"}. Checked by hand rather than with a formatter because it runs once per send
 * and a bad date must not cost an exception.
 */
final class IsoDates {
    private static final int DATE_LENGTH = 10;
    private static final int DATE_TIME_LENGTH = 19;

    private IsoDates() {
    }

    /** The date, or null for anything else, including impossible dates such as 2016-02-30. */
    static LocalDate parse(String text) {
        int length = text.length();
        if (length != DATE_LENGTH && length != DATE_TIME_LENGTH) {
            return null;
        }
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        if (length == DATE_TIME_LENGTH && !isTime(text)) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** {@code [ T]HH:mm:ss} from position 10. */
    private static boolean isTime(String text) {
        char separator = text.charAt(10);
        if ((separator != ' ' && separator != 'T') || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return false;
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
    }

    /** The value of {@code count} decimal digits from {@code start}, or -1 if one of them is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
