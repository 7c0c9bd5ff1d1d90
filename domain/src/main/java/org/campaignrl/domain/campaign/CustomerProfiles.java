package org.campaignrl.domain.campaign;

import java.util.Arrays;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.ranking.ProfileCounts;

/**
 * A dataset's customers without their addresses: each one's id and the codes of the five customer attributes
 * (tenure group, email domain, age group, gender, type: {@link ProfileCounts#PROFILE_ATTRIBUTES}, state-vector
 * slots 2..6, codes of the dataset's {@link StateSpace}). Kept as one int array of ids, ascending and distinct, and
 * one byte array of codes, five per customer: about 9 bytes a customer, no object per customer. Immutable.
 */
public final class CustomerProfiles {
    /** Codes per customer. */
    public static final int CODES = ProfileCounts.PROFILE_ATTRIBUTES.size();

    private static final int FIRST_SLOT = Attribute.TENURE.position();
    /** Codes are stored as unsigned bytes. */
    private static final int MAX_CODE = 255;

    private final int[] ids;
    private final byte[] codes;

    private CustomerProfiles(int[] ids, byte[] codes) {
        this.ids = ids;
        this.codes = codes;
    }

    /** No customers: a dataset stored before customers were kept. */
    public static CustomerProfiles empty() {
        return new CustomerProfiles(new int[0], new byte[0]);
    }

    /**
     * @param ids   customer ids, ascending and distinct; copied
     * @param codes {@link #CODES} codes per customer, in {@link ProfileCounts#PROFILE_ATTRIBUTES} order, each
     *              0..255; copied
     */
    public static CustomerProfiles of(int[] ids, byte[] codes) {
        if (codes.length != (long) ids.length * CODES) {
            throw new IllegalArgumentException("need " + CODES + " codes per customer: " + codes.length + " codes for "
                    + ids.length + " customers");
        }
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) {
                throw new IllegalArgumentException("customer ids must ascend: " + ids[i - 1] + " then " + ids[i]);
            }
        }
        return new CustomerProfiles(ids.clone(), codes.clone());
    }

    /** Gathers customers in any order; {@link #build} sorts them by id and refuses an id given twice. */
    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    public int size() {
        return ids.length;
    }

    /** The id of the customer at a position (0..size−1, ascending ids). */
    public int id(int position) {
        return ids[position];
    }

    /** The position of a customer id, or −1 when the dataset has no such customer. */
    public int positionOf(int customerId) {
        int position = Arrays.binarySearch(ids, customerId);
        return position >= 0 ? position : -1;
    }

    /** The customer's code of a profile attribute (TENURE, DOMAIN, AGE, GENDER or TYPE). */
    public int code(int position, Attribute attribute) {
        int slot = attribute.position() - FIRST_SLOT;
        if (slot < 0) {
            throw new IllegalArgumentException(attribute + " is not a customer attribute");
        }
        return codes[position * CODES + slot] & 0xFF;
    }

    /** The customer's profile index in a space ({@link ProfileCounts#profileIndex}); the codes must fit the space. */
    public int profileIndex(int position, StateSpace space) {
        int base = position * CODES;
        return ProfileCounts.profileIndex(
                space,
                codes[base] & 0xFF,
                codes[base + 1] & 0xFF,
                codes[base + 2] & 0xFF,
                codes[base + 3] & 0xFF,
                codes[base + 4] & 0xFF);
    }

    /**
     * Every customer's profile index in a space, by position: the codes times the space's strides, checked against
     * its sizes once per customer, with no array per customer (a million of them are planned at every preview).
     */
    public int[] profileIndices(StateSpace space) {
        int[] stride = new int[CODES];
        int[] size = new int[CODES];
        for (int c = 0; c < CODES; c++) {
            Attribute attribute = ProfileCounts.PROFILE_ATTRIBUTES.get(c);
            stride[c] = space.advance(0, attribute);
            size[c] = space.size(attribute);
        }
        int[] profiles = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            int index = 0;
            for (int c = 0; c < CODES; c++) {
                int code = codes[i * CODES + c] & 0xFF;
                if (code >= size[c]) {
                    throw new IllegalArgumentException("customer " + ids[i] + ": "
                            + ProfileCounts.PROFILE_ATTRIBUTES.get(c) + " code " + code + " is out of range 0.."
                            + (size[c] - 1));
                }
                index += code * stride[c];
            }
            profiles[i] = index;
        }
        return profiles;
    }

    /** Customers per profile of a space. */
    public ProfileCounts counts(StateSpace space) {
        long[] counts = new long[ProfileCounts.size(space)];
        for (int profile : profileIndices(space)) {
            counts[profile]++;
        }
        return new ProfileCounts(space, counts);
    }

    /** The ids, ascending: a copy. */
    public int[] ids() {
        return ids.clone();
    }

    /** The codes, five per customer by position: a copy. */
    public byte[] codes() {
        return codes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerProfiles that
                && Arrays.equals(ids, that.ids)
                && Arrays.equals(codes, that.codes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        return "CustomerProfiles[" + ids.length + " customers]";
    }

    /** Collects customers in any order into growing primitive arrays. Not thread-safe. */
    public static final class Builder {
        private int[] ids;
        private byte[] codes;
        private int size;

        private Builder(int expected) {
            int capacity = Math.max(16, expected);
            ids = new int[capacity];
            codes = new byte[capacity * CODES];
        }

        /** Adds a customer with its five codes (tenure, domain, age, gender, type), each 0..255. */
        public Builder add(int id, int tenure, int domain, int age, int gender, int type) {
            if (size == ids.length) {
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, ids.length * 2L);
                ids = Arrays.copyOf(ids, capacity);
                codes = Arrays.copyOf(codes, capacity * CODES);
            }
            ids[size] = id;
            int base = size * CODES;
            codes[base] = checked(tenure, Attribute.TENURE);
            codes[base + 1] = checked(domain, Attribute.DOMAIN);
            codes[base + 2] = checked(age, Attribute.AGE);
            codes[base + 3] = checked(gender, Attribute.GENDER);
            codes[base + 4] = checked(type, Attribute.TYPE);
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        /**
         * The positions of the customers added (0 = the first added) in ascending id order: the order {@link #build}
         * puts them in, for a caller that keeps more per customer beside them.
         */
        public int[] sortedOrder() {
            return SortedOrder.of(ids, size);
        }

        /** The customers sorted by id; an id added twice is refused. */
        public CustomerProfiles build() {
            return build(sortedOrder());
        }

        /** The same, in an order {@link #sortedOrder} gave (for a caller that sorted its own columns with it). */
        public CustomerProfiles build(int[] order) {
            if (order.length != size) {
                throw new IllegalArgumentException("an order of " + order.length + " positions for " + size);
            }
            int[] sortedIds = new int[size];
            byte[] sortedCodes = new byte[size * CODES];
            for (int i = 0; i < size; i++) {
                sortedIds[i] = ids[order[i]];
                System.arraycopy(codes, order[i] * CODES, sortedCodes, i * CODES, CODES);
                if (i > 0 && sortedIds[i] == sortedIds[i - 1]) {
                    throw new IllegalArgumentException("customer id " + sortedIds[i] + " given twice");
                }
            }
            return new CustomerProfiles(sortedIds, sortedCodes);
        }

        private static byte checked(int code, Attribute attribute) {
            if (code < 0 || code > MAX_CODE) {
                throw new IllegalArgumentException(attribute + " code " + code + " is out of range 0.." + MAX_CODE);
            }
            return (byte) code;
        }
    }
}
