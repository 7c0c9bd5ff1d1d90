package org.campaignrl.adapters.csv.fastpath;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.Map;
import java.util.TreeMap;

/** What became of the rows of one file, or of one part of it: read, accepted, rejected per reason. */
final class Tally {
    private long rowsRead;
    private long accepted;
    private final Object2LongOpenHashMap<String> rejectedByReason = new Object2LongOpenHashMap<>();

    /** @param rejectedFor the reason the row was rejected for, or null when it was accepted */
    void count(String rejectedFor) {
        rowsRead++;
        if (rejectedFor == null) {
            accepted++;
        } else {
            rejectedByReason.addTo(rejectedFor, 1);
        }
    }

    void add(Tally part) {
        rowsRead += part.rowsRead;
        accepted += part.accepted;
        part.rejectedByReason.object2LongEntrySet().forEach(e -> rejectedByReason.addTo(e.getKey(), e.getLongValue()));
    }

    long rowsRead() {
        return rowsRead;
    }

    long accepted() {
        return accepted;
    }

    Map<String, Long> rejectedByReason() {
        return new TreeMap<>(rejectedByReason);
    }
}
