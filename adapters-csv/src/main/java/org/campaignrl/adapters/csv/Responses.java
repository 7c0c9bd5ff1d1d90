package org.campaignrl.adapters.csv;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.List;

/**
 * The distinct (subject, customer) pairs that responded, each packed into a long. A send counts as
 * responded when its pair is here, whatever the dates. Built per part of responded.csv and merged;
 * then only read, by as many threads as read the sends.
 */
final class Responses {
    private final LongOpenHashSet respondedPairs = new LongOpenHashSet();

    void record(int subjectId, int customerId) {
        respondedPairs.add(pair(subjectId, customerId));
    }

    boolean responded(long pair) {
        return respondedPairs.contains(pair);
    }

    long distinctPairs() {
        return respondedPairs.size();
    }

    /** The pairs of every part, in one; notes each pair with its customer (see {@link Customers#markResponded}). */
    static Responses merge(List<Responses> parts, Customers customers) {
        Responses all = parts.get(0);
        for (int p = 1; p < parts.size(); p++) {
            all.respondedPairs.addAll(parts.get(p).respondedPairs);
        }
        all.respondedPairs.forEach((long pair) -> customers.markResponded(customerId(pair), subjectId(pair)));
        return all;
    }

    static int subjectId(long pair) {
        return (int) (pair >>> 32);
    }

    static int customerId(long pair) {
        return (int) pair;
    }

    static long pair(int subjectId, int customerId) {
        return (long) subjectId << 32 | (customerId & 0xFFFF_FFFFL);
    }
}
