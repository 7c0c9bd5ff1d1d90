package org.campaignrl.application.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A model's quality figures by name ({@code success_rate}, {@code mean_q_error}, ...): whatever
 * the evaluation stored. Names are short identifiers and values finite, so that every store and
 * JSON can hold them.
 */
public final class ModelMetrics {
    public static final int MAX_NAME_LENGTH = 100;

    private ModelMetrics() {}

    /** A sorted, unmodifiable copy; refuses a blank or over-long name and a non-finite value. */
    public static SortedMap<String, Double> checked(Map<String, Double> metrics) {
        TreeMap<String, Double> copy = new TreeMap<>();
        if (metrics != null) {
            metrics.forEach((name, value) -> {
                if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
                    throw new IllegalArgumentException(
                            "a metric name must have 1.." + MAX_NAME_LENGTH + " characters: '" + name + "'");
                }
                if (value == null || !Double.isFinite(value)) {
                    throw new IllegalArgumentException("metric " + name + " must be a finite number, was " + value);
                }
                copy.put(name, value);
            });
        }
        return Collections.unmodifiableSortedMap(copy);
    }
}
