package org.campaignrl.application.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.campaignrl.domain.campaign.CustomerProfiles;

/**
 * The customers an ingest accepted, to be stored with its dataset: their {@link CustomerProfiles} (ids and
 * attribute codes of the dataset's state space) and, by the same position, their email addresses, kept as one
 * UTF-8 byte array with offsets (about 30 bytes a customer, no String per customer until one is asked for).
 * Addresses are personal data: {@link #toString} shows only the count. Immutable.
 */
public final class DatasetCustomers implements Iterable<CustomerAddress> {
    private static final DatasetCustomers NONE =
            new DatasetCustomers(CustomerProfiles.empty(), new byte[0], new int[1]);

    private final CustomerProfiles profiles;
    private final byte[] addresses;
    private final int[] offsets;

    private DatasetCustomers(CustomerProfiles profiles, byte[] addresses, int[] offsets) {
        this.profiles = profiles;
        this.addresses = addresses;
        this.offsets = offsets;
    }

    /** No customers: what an ingest engine that does not keep them hands over. */
    public static DatasetCustomers none() {
        return NONE;
    }

    /** Gathers customers in any order; {@link Builder#build} sorts them by id and refuses an id given twice. */
    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    public CustomerProfiles profiles() {
        return profiles;
    }

    public int size() {
        return profiles.size();
    }

    public boolean isEmpty() {
        return profiles.size() == 0;
    }

    /** The address of the customer at a position of {@link #profiles()}. */
    public String emailAddress(int position) {
        return new String(
                addresses, offsets[position], offsets[position + 1] - offsets[position], StandardCharsets.UTF_8);
    }

    /**
     * The UTF-8 bytes of the addresses at positions {@code from .. from + count - 1}, one after another, and in
     * {@code ends} where each ends in them: what storage writes, with no String per customer on the way out.
     */
    public byte[] emailAddressesUtf8(int from, int count, int[] ends) {
        int base = offsets[from];
        for (int i = 0; i < count; i++) {
            ends[i] = offsets[from + i + 1] - base;
        }
        return Arrays.copyOfRange(addresses, base, offsets[from + count]);
    }

    /** Every customer's address, ascending customer id. */
    @Override
    public Iterator<CustomerAddress> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public CustomerAddress next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int position = next++;
                return new CustomerAddress(profiles.id(position), emailAddress(position));
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatasetCustomers that
                && profiles.equals(that.profiles)
                && Arrays.equals(addresses, that.addresses)
                && Arrays.equals(offsets, that.offsets);
    }

    @Override
    public int hashCode() {
        return profiles.hashCode();
    }

    @Override
    public String toString() {
        return "DatasetCustomers[" + size() + " customers]";
    }

    /** Collects customers into growing primitive arrays. Not thread-safe. */
    public static final class Builder {
        private final CustomerProfiles.Builder profiles;
        private byte[] addresses;
        private int[] ends;
        private int size;
        private int used;

        private Builder(int expected) {
            profiles = CustomerProfiles.builder(expected);
            addresses = new byte[Math.max(64, expected * 24)];
            ends = new int[Math.max(16, expected)];
        }

        /**
         * Adds a customer: id, the five codes of the dataset's state space (tenure, domain, age, gender, type) and
         * the email address.
         */
        public Builder add(int id, int tenure, int domain, int age, int gender, int type, String emailAddress) {
            byte[] bytes = emailAddress.getBytes(StandardCharsets.UTF_8);
            return add(id, tenure, domain, age, gender, type, bytes, 0, bytes.length);
        }

        /**
         * The same with the address as UTF-8 bytes, {@code length} of them from {@code from} (an ingest engine's own
         * buffer: no String per customer on the way in).
         */
        public Builder add(
                int id, int tenure, int domain, int age, int gender, int type, byte[] utf8, int from, int length) {
            profiles.add(id, tenure, domain, age, gender, type);
            if ((long) used + length > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2 GB of email addresses");
            }
            if (used + length > addresses.length) {
                addresses = Arrays.copyOf(addresses, (int)
                        Math.min(Integer.MAX_VALUE - 8L, Math.max(used + length, addresses.length * 2L)));
            }
            System.arraycopy(utf8, from, addresses, used, length);
            used += length;
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, (int) Math.min(Integer.MAX_VALUE - 8L, ends.length * 2L));
            }
            ends[size++] = used;
            return this;
        }

        public int size() {
            return size;
        }

        /** Sorted by customer id; an id added twice is refused. */
        public DatasetCustomers build() {
            int[] order = profiles.sortedOrder();
            CustomerProfiles sorted = profiles.build(order);
            byte[] sortedAddresses = new byte[used];
            int[] offsets = new int[size + 1];
            int at = 0;
            for (int i = 0; i < size; i++) {
                int from = order[i];
                int start = from == 0 ? 0 : ends[from - 1];
                int length = ends[from] - start;
                System.arraycopy(addresses, start, sortedAddresses, at, length);
                at += length;
                offsets[i + 1] = at;
            }
            return new DatasetCustomers(sorted, sortedAddresses, offsets);
        }
    }
}
