package org.campaignrl.adapters.csv;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * The distinct (subject, customer) pairs that responded, each packed into a long. A send counts as
 * responded when its pair is here, whatever the dates; how many pairs no send ever matched is kept too.
 */
final class Responses {
    private final LongOpenHashSet respondedPairs = new LongOpenHashSet();
    private final LongOpenHashSet pairsSentTo = new LongOpenHashSet();

    void record(int subjectId, int customerId) {
        respondedPairs.add(pair(subjectId, customerId));
    }

    /** Whether the pair of this send responded; remembers that the pair had a send. */
    boolean matchSend(int subjectId, int customerId) {
        long pair = pair(subjectId, customerId);
        if (!respondedPairs.contains(pair)) {
            return false;
        }
        pairsSentTo.add(pair);
        return true;
    }

    long distinctPairs() {
        return respondedPairs.size();
    }

    long pairsWithoutSend() {
        return respondedPairs.size() - pairsSentTo.size();
    }

    private static long pair(int subjectId, int customerId) {
        return (long) subjectId << 32 | (customerId & 0xFFFF_FFFFL);
    }
}
