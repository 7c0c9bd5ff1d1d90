package org.campaignrl.application.model;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What became of every row of one input file: accepted, or rejected for a reason; and the encoding and
 * delimiter it was read with.
 *
 * @param format how the file was read; empty where that is not known (a summary stored without it)
 */
public record FileSummary(
        String file,
        long rowsRead,
        long accepted,
        Map<String, Long> rejectedByReason,
        Optional<CsvFormat.Used> format) {
    public FileSummary {
        rejectedByReason = java.util.Collections.unmodifiableMap(new TreeMap<>(rejectedByReason));
        if (accepted
                        + rejectedByReason.values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                != rowsRead) {
            throw new IllegalArgumentException(file + ": accepted and rejected rows do not add up to " + rowsRead);
        }
        if (format == null) {
            throw new IllegalArgumentException(file + ": the format is required (empty: not known)");
        }
    }

    /** Without the format it was read with. */
    public FileSummary(String file, long rowsRead, long accepted, Map<String, Long> rejectedByReason) {
        this(file, rowsRead, accepted, rejectedByReason, Optional.empty());
    }

    public FileSummary(
            String file, long rowsRead, long accepted, Map<String, Long> rejectedByReason, CsvFormat.Used format) {
        this(file, rowsRead, accepted, rejectedByReason, Optional.of(format));
    }

    public long rejected() {
        return rowsRead - accepted;
    }

    /** How the file was read, as a person would say it, or "not recorded". */
    public String describeFormat() {
        return format.map(CsvFormat.Used::describe).orElse("not recorded");
    }
}
