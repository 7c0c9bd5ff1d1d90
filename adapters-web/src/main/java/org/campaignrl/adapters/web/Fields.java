package org.campaignrl.adapters.web;

import java.util.function.Function;
import org.campaignrl.application.InvalidCommandException;

/** Reads text fields (form or query parameters) into numbers, naming the field when one will not do. */
final class Fields {
    private final Function<String, String> source;

    Fields(Function<String, String> source) {
        this.source = source;
    }

    String text(String field) {
        String value = source.apply(field);
        return value == null || value.isBlank() ? null : value.trim();
    }

    String requiredText(String field) {
        String value = text(field);
        if (value == null) {
            throw new InvalidCommandException(field, "is required");
        }
        return value;
    }

    int requiredInt(String field) {
        String value = requiredText(field);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidCommandException(field, "must be an integer, was '" + value + "'");
        }
    }

    long requiredLong(String field) {
        String value = requiredText(field);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidCommandException(field, "must be an integer, was '" + value + "'");
        }
    }

    double requiredDouble(String field) {
        String value = requiredText(field);
        try {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidCommandException(field, "must be a number, was '" + value + "'");
        }
    }

    Double optionalDouble(String field) {
        return text(field) == null ? null : requiredDouble(field);
    }

    /** One of an enum's constants by name, any case; blank or left out: {@code fallback}. */
    <E extends Enum<E>> E oneOf(String field, Class<E> type, E fallback) {
        String value = text(field);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(
                    field,
                    "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
        }
    }
}
