package org.campaignrl.application.model;

import java.util.Map;
import java.util.TreeMap;

/** What became of every row of one input file: accepted, or rejected for a reason. */
public record FileSummary(String file, long rowsRead, long accepted, Map<String, Long> rejectedByReason) {
    public FileSummary {
        rejectedByReason = java.util.Collections.unmodifiableMap(new TreeMap<>(rejectedByReason));
        if (accepted + rejectedByReason.values().stream().mapToLong(Long::longValue).sum() != rowsRead) {
            throw new IllegalArgumentException(file + ": accepted and rejected rows do not add up to " + rowsRead);
        }
    }

    public long rejected() {
        return rowsRead - accepted;
    }
}
