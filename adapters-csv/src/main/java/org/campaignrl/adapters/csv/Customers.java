package org.campaignrl.adapters.csv;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The accepted customers of the userbase, each kept as one int packing its codes, so that millions of
 * customers fit in a primitive map. Domains are numbered in the order they are first seen; the state
 * space sorts them later.
 */
final class Customers {
    /** What {@link #codes} answers for an id that is not an accepted customer. */
    static final int NOT_FOUND = -1;
    /** Marks an id met on a row that was not accepted, so that later rows with it are still repeats. */
    private static final int SEEN_NOT_ACCEPTED = -2;

    // Packed layout, low bits first: type (1), gender (1), age (3), tenure (3), then the domain id.
    private static final int GENDER_SHIFT = 1;
    private static final int AGE_SHIFT = 2;
    private static final int TENURE_SHIFT = 5;
    private static final int DOMAIN_SHIFT = 8;
    /** Keeps packed codes non-negative, clear of the two markers above; far more than a state space holds. */
    private static final int DOMAIN_ID_LIMIT = 1 << (31 - DOMAIN_SHIFT);

    private final Int2IntOpenHashMap codesById = new Int2IntOpenHashMap();
    private final Object2IntOpenHashMap<String> domainIds = new Object2IntOpenHashMap<>();
    private final List<String> domainsByFirstSeen = new ArrayList<>();
    private long count;

    Customers() {
        codesById.defaultReturnValue(NOT_FOUND);
        domainIds.defaultReturnValue(-1);
    }

    /** Records that a row carried this id; false when an earlier row already did. */
    boolean firstSighting(int id) {
        return codesById.putIfAbsent(id, SEEN_NOT_ACCEPTED) == NOT_FOUND;
    }

    /** Whether adding a customer with this domain would number one domain more. */
    boolean isNewDomain(String domain) {
        return !domainIds.containsKey(domain);
    }

    /** Accepts a customer whose id was just seen for the first time. */
    void add(int id, String domain, int tenureCode, int ageCode, int genderCode, int typeCode) {
        int domainId = domainIds.getInt(domain);
        if (domainId < 0) {
            domainId = domainsByFirstSeen.size();
            if (domainId == DOMAIN_ID_LIMIT) {
                throw new IllegalStateException("more than " + DOMAIN_ID_LIMIT + " email domains");
            }
            domainIds.put(domain, domainId);
            domainsByFirstSeen.add(domain);
        }
        codesById.put(id, domainId << DOMAIN_SHIFT | tenureCode << TENURE_SHIFT | ageCode << AGE_SHIFT
                | genderCode << GENDER_SHIFT | typeCode);
        count++;
    }

    /** The packed codes of an accepted customer, or {@link #NOT_FOUND}. */
    int codes(int id) {
        int codes = codesById.get(id);
        return codes >= 0 ? codes : NOT_FOUND;
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
