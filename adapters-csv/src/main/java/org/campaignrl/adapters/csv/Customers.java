package org.campaignrl.adapters.csv;

import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenCustomHashMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The accepted customers of the userbase, each kept as one long in a primitive map, so that millions of
 * customers fit: the low int packs the customer's codes, the high int the subject lines the customer
 * responded to (see {@link #markResponded}). Domains are numbered in the order they are first seen; the
 * state space sorts them later. Domains are looked up by their UTF-8 bytes, so that a row costs no String.
 *
 * <p>Built by one thread; then only read, by as many as read the sends.
 */
final class Customers {
    /** What {@link #codes} answers for an id that is not an accepted customer. */
    static final int NOT_FOUND = -1;
    /** Marks an id met on a row that was not accepted, so that later rows with it are still repeats. */
    private static final int SEEN_NOT_ACCEPTED = -2;

    // Packed codes, low bits first: type (1), gender (1), age (3), tenure (3), then the domain id. The int
    // stays non-negative, clear of the two markers above, whatever the responded subjects above it.
    private static final int GENDER_SHIFT = 1;
    private static final int AGE_SHIFT = 2;
    private static final int TENURE_SHIFT = 5;
    private static final int DOMAIN_SHIFT = 8;
    /** Keeps packed codes non-negative; far more than a state space holds. */
    private static final int DOMAIN_ID_LIMIT = 1 << (31 - DOMAIN_SHIFT);
    /** Subject ids 0..30 have a bit each in the responded subjects; the last bit stands for all the others. */
    static final int SUBJECT_BITS = 31;

    static final int OTHER_SUBJECTS = 1 << SUBJECT_BITS;

    /**
     * Kept as ids were ids densely enough: when the userbase is read, {@link #freeze} moves the entries into
     * {@link #dense}, indexed by id minus the smallest, and drops this map.
     */
    private Int2LongOpenHashMap byId;
    /** The entries by {@code id - denseBase}, NOT_FOUND where no row had that id; null while the map holds them. */
    private long[] dense;

    private long denseBase;
    /**
     * With {@link #dense}: the subjects 0..30 (bits as {@link #subjectBit}) of each customer's responded pairs that
     * an accepted send matched, by the same index, set by every thread reading the sends (see {@link #markSent}).
     */
    private AtomicIntegerArray sentSubjects;

    private final Object2IntOpenCustomHashMap<byte[]> domainIds =
            new Object2IntOpenCustomHashMap<>(ByteArrays.HASH_STRATEGY);
    private final List<String> domainsByFirstSeen = new ArrayList<>();
    private long count;

    /** @param expected about how many customers there will be, so that the map does not grow row by row */
    Customers(int expected) {
        byId = new Int2LongOpenHashMap(expected);
        byId.defaultReturnValue(NOT_FOUND);
        domainIds.defaultReturnValue(-1);
    }

    /**
     * At most this many slots per id seen for the array of {@link #freeze}: 3 longs (24 bytes) per customer at
     * worst, no more than the open hash map's 12 bytes per slot at its load factor and growth.
     */
    private static final int DENSE_SLOTS_PER_ID = 3;

    /**
     * Ends the userbase: from now on entries are only read, and {@link #markResponded}. When the ids fill their
     * range densely enough (real exports number their customers, with gaps), the entries move into an array
     * indexed by id: a send's customer is then one memory access instead of a hash and a probe into a map far
     * larger than the caches, which, with sends in random order, was a large share of an ingest's CPU profile
     * (docs/performance.md, issue 16).
     */
    void freeze() {
        if (dense != null || byId.isEmpty()) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int id : byId.keySet()) {
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        long range = max - min + 1;
        if (range > (long) DENSE_SLOTS_PER_ID * byId.size() || range > Integer.MAX_VALUE - 8) {
            return;
        }
        long[] entries = new long[(int) range];
        Arrays.fill(entries, NOT_FOUND);
        long base = min;
        byId.int2LongEntrySet().fastForEach(e -> entries[(int) (e.getIntKey() - base)] = e.getLongValue());
        dense = entries;
        denseBase = base;
        byId = null;
        clearSent();
    }

    /** Whether {@link #markSent} keeps the sent pairs (the ids are dense); otherwise the caller keeps them. */
    boolean keepsSentPairs() {
        return sentSubjects != null;
    }

    /** Forgets the sent pairs: a new reading of the sends begins. */
    void clearSent() {
        if (dense != null) {
            sentSubjects = new AtomicIntegerArray(dense.length);
        }
    }

    /**
     * Notes that an accepted send matched this accepted customer's responded pair of a subject 0..30; any thread.
     * A bit already set is only read, so the array is written once per pair.
     */
    void markSent(int id, int subjectBit) {
        int index = (int) (id - denseBase);
        if ((sentSubjects.get(index) & subjectBit) == 0) {
            sentSubjects.accumulateAndGet(index, subjectBit, (bits, bit) -> bits | bit);
        }
    }

    /** How many pairs {@link #markSent} noted. */
    long sentPairs() {
        long pairs = 0;
        for (int i = 0; i < sentSubjects.length(); i++) {
            pairs += Integer.bitCount(sentSubjects.get(i));
        }
        return pairs;
    }

    /** Records that a row carried this id; false when an earlier row already did. */
    boolean firstSighting(int id) {
        return byId.putIfAbsent(id, SEEN_NOT_ACCEPTED) == NOT_FOUND;
    }

    /** The id of a domain already numbered, given as the UTF-8 bytes of its lower-cased text; -1 when it is new. */
    int domainId(byte[] domain) {
        return domainIds.getInt(domain);
    }

    /** Numbers a new domain, given as in {@link #domainId}; answers its id. */
    int addDomain(byte[] domain) {
        int domainId = domainsByFirstSeen.size();
        if (domainId == DOMAIN_ID_LIMIT) {
            throw new IllegalStateException("more than " + DOMAIN_ID_LIMIT + " email domains");
        }
        byte[] key = Arrays.copyOf(domain, domain.length);
        domainIds.put(key, domainId);
        domainsByFirstSeen.add(new String(key, StandardCharsets.UTF_8));
        return domainId;
    }

    /** Accepts a customer whose id was just seen for the first time; answers its packed codes. */
    int add(int id, int domainId, int tenureCode, int ageCode, int genderCode, int typeCode) {
        int codes = domainId << DOMAIN_SHIFT
                | tenureCode << TENURE_SHIFT
                | ageCode << AGE_SHIFT
                | genderCode << GENDER_SHIFT
                | typeCode;
        byId.put(id, codes);
        count++;
        return codes;
    }

    /** The packed codes of an accepted customer, or {@link #NOT_FOUND}. */
    int codes(int id) {
        return codes(entry(id));
    }

    /** Everything kept of a customer: see {@link #codes(long)} and {@link #respondedSubjects(long)}. */
    long entry(int id) {
        if (dense != null) {
            long index = id - denseBase;
            return index >= 0 && index < dense.length ? dense[(int) index] : NOT_FOUND;
        }
        return byId.get(id);
    }

    /** The packed codes of an entry, or {@link #NOT_FOUND} when the id is not an accepted customer's. */
    static int codes(long entry) {
        int codes = (int) entry;
        return codes >= 0 ? codes : NOT_FOUND;
    }

    /**
     * Notes that an accepted customer responded to a subject line. The send loop looks each send's customer
     * up anyway; with the responded subjects beside the codes it needs no look into the set of responded
     * pairs, which is far larger and so rarely in cache: that look was a large share of the loop's profile
     * (docs/performance.md, issue 16).
     */
    void markResponded(int id, int subjectId) {
        long entry = entry(id);
        if ((int) entry >= 0) {
            long marked = entry | (long) subjectBit(subjectId) << 32;
            if (dense != null) {
                dense[(int) (id - denseBase)] = marked;
            } else {
                byId.put(id, marked);
            }
        }
    }

    /** The subjects an entry's customer responded to, one bit each (see {@link #subjectBit}); 0 for none. */
    static int respondedSubjects(long entry) {
        return (int) (entry >>> 32);
    }

    /** The bit of a subject id among responded subjects: its own for 0..30, {@link #OTHER_SUBJECTS} for any other. */
    static int subjectBit(int subjectId) {
        return subjectId >= 0 && subjectId < SUBJECT_BITS ? 1 << subjectId : OTHER_SUBJECTS;
    }

    static int domainId(int codes) {
        return codes >>> DOMAIN_SHIFT;
    }

    static int tenureCode(int codes) {
        return codes >>> TENURE_SHIFT & 0b111;
    }

    static int ageCode(int codes) {
        return codes >>> AGE_SHIFT & 0b111;
    }

    static int genderCode(int codes) {
        return codes >>> GENDER_SHIFT & 1;
    }

    static int typeCode(int codes) {
        return codes & 1;
    }

    /** Accepted customers. */
    long count() {
        return count;
    }

    /** The domains of accepted customers; a domain id is its position here. */
    List<String> domainsByFirstSeen() {
        return List.copyOf(domainsByFirstSeen);
    }

    int domainCount() {
        return domainsByFirstSeen.size();
    }
}
