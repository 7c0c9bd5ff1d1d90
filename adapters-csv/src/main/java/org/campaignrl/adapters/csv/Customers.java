package org.campaignrl.adapters.csv;

import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenCustomHashMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The accepted customers of the userbase, each kept as one int packing its codes, so that millions of
 * customers fit in a primitive map. Domains are numbered in the order they are first seen; the state
 * space sorts them later. Domains are looked up by their UTF-8 bytes, so that a row costs no String.
 *
 * <p>Built by one thread; then only read, by as many as read the sends.
 */
final class Customers {
    /** What {@link #codes} answers for an id that is not an accepted customer. */
    static final int NOT_FOUND = -1;
    /** Marks an id met on a row that was not accepted, so that later rows with it are still repeats. */
    private static final int SEEN_NOT_ACCEPTED = -2;

    // Packed layout, low bits first: type (1), gender (1), age (3), tenure (3), the domain id (22), and
    // whether the customer responded to anything (1). The sign bit stays clear of the two markers above.
    private static final int GENDER_SHIFT = 1;
    private static final int AGE_SHIFT = 2;
    private static final int TENURE_SHIFT = 5;
    private static final int DOMAIN_SHIFT = 8;
    private static final int DOMAIN_BITS = 22;
    /** Far more domains than a state space holds (see {@code CellCounter.MAX_DOMAINS}). */
    private static final int DOMAIN_ID_LIMIT = 1 << DOMAIN_BITS;
    private static final int RESPONDED = 1 << (DOMAIN_SHIFT + DOMAIN_BITS);

    private final Int2IntOpenHashMap codesById;
    private final Object2IntOpenCustomHashMap<byte[]> domainIds = new Object2IntOpenCustomHashMap<>(ByteArrays.HASH_STRATEGY);
    private final List<String> domainsByFirstSeen = new ArrayList<>();
    private long count;

    /** @param expected about how many customers there will be, so that the map does not grow row by row */
    Customers(int expected) {
        codesById = new Int2IntOpenHashMap(expected);
        codesById.defaultReturnValue(NOT_FOUND);
        domainIds.defaultReturnValue(-1);
    }

    /** Records that a row carried this id; false when an earlier row already did. */
    boolean firstSighting(int id) {
        return codesById.putIfAbsent(id, SEEN_NOT_ACCEPTED) == NOT_FOUND;
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

    /** Accepts a customer whose id was just seen for the first time. */
    void add(int id, int domainId, int tenureCode, int ageCode, int genderCode, int typeCode) {
        codesById.put(id, domainId << DOMAIN_SHIFT | tenureCode << TENURE_SHIFT | ageCode << AGE_SHIFT
                | genderCode << GENDER_SHIFT | typeCode);
        count++;
    }

    /** The packed codes of an accepted customer, or {@link #NOT_FOUND}. */
    int codes(int id) {
        int codes = codesById.get(id);
        return codes >= 0 ? codes : NOT_FOUND;
    }

    /**
     * Marks an accepted customer as having responded to some subject line. Most sends are to customers
     * who never responded: their codes, looked up anyway, then spare a look into the far larger (and so
     * rarely cached) set of responded pairs. The profile of the send loop had that look at a quarter of it.
     */
    void markResponded(int id) {
        int codes = codesById.get(id);
        if (codes >= 0) {
            codesById.put(id, codes | RESPONDED);
        }
    }

    static boolean responded(int codes) {
        return (codes & RESPONDED) != 0;
    }

    static int domainId(int codes) {
        return codes >>> DOMAIN_SHIFT & (DOMAIN_ID_LIMIT - 1);
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
