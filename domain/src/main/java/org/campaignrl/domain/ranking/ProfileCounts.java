package org.campaignrl.domain.ranking;

import java.util.List;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.StateSpace;

/**
 * How many distinct customers have each <em>profile</em>: a combination of tenure group, email
 * domain, age group, gender and customer type (the attributes of a customer rather than of a
 * send). Cells cannot tell this — one customer's sends fall under several days and subject
 * lines — so an ingest counts it from the userbase. A segment's size is then the customers of
 * every profile it matches; its subject line and day do not narrow who is in it.
 *
 * <p>The profile attributes are the last five slots of the state vector, so a state's profile
 * index is its state index modulo {@link #size(StateSpace)}.
 */
public final class ProfileCounts {
    /** The attributes of a profile, in index order. */
    public static final List<Attribute> PROFILE_ATTRIBUTES =
            List.of(Attribute.TENURE, Attribute.DOMAIN, Attribute.AGE, Attribute.GENDER, Attribute.TYPE);

    private static final int FIRST_PROFILE_POSITION = Attribute.TENURE.position();

    private final StateSpace space;
    private final long[] customers;

    /**
     * @param customers customers per profile index (see {@link #profileIndex}), none negative;
     *                  copied
     */
    public ProfileCounts(StateSpace space, long[] customers) {
        if (customers.length != size(space)) {
            throw new IllegalArgumentException(
                    "need one count per profile (" + size(space) + "), not " + customers.length);
        }
        for (int i = 0; i < customers.length; i++) {
            if (customers[i] < 0) {
                throw new IllegalArgumentException("profile " + i + " has " + customers[i] + " customers");
            }
        }
        this.space = space;
        this.customers = customers.clone();
    }

    /** The number of profiles: tenure groups × domains × age groups × genders × types. */
    public static int size(StateSpace space) {
        int size = 1;
        for (Attribute attribute : PROFILE_ATTRIBUTES) {
            size *= space.size(attribute);
        }
        return size;
    }

    /** The index of a profile from its codes. */
    public static int profileIndex(StateSpace space, int tenure, int domain, int age, int gender, int type) {
        return space.indexOfCodes(0, 0, tenure, domain, age, gender, type);
    }

    /** The profile of the customers of a state. */
    public static int profileOfState(StateSpace space, int state) {
        return state % size(space);
    }

    public StateSpace space() {
        return space;
    }

    public long customers(int profile) {
        return customers[profile];
    }

    /** All customers counted. */
    public long total() {
        long total = 0;
        for (long count : customers) {
            total += count;
        }
        return total;
    }

    /** The customers of every profile the segment matches (its subject line and day are ignored). */
    public long customers(Segment segment) {
        segment.checkFits(space);
        long total = 0;
        for (int profile = 0; profile < customers.length; profile++) {
            if (customers[profile] != 0 && matchesProfile(segment, profile)) {
                total += customers[profile];
            }
        }
        return total;
    }

    private boolean matchesProfile(Segment segment, int profile) {
        // The profile index is the state index of (subject 0, day 0, profile codes).
        for (int p = FIRST_PROFILE_POSITION; p < Attribute.COUNT; p++) {
            Attribute attribute = Attribute.atPosition(p);
            int code = segment.code(attribute);
            if (code != Segment.ANY && space.code(profile, attribute) != code) {
                return false;
            }
        }
        return true;
    }
}
