package org.campaignrl.adapters.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.campaign.CustomerProfiles;

/**
 * The id and email address of every accepted userbase row, in file order, as growing primitive arrays: the ids,
 * the addresses' UTF-8 bytes one after another (the row's own bytes, which the reader checked are UTF-8) and where
 * each ends. About 8 bytes a customer beside the address, no object per customer. The codes stay in
 * {@link Customers}; {@link #toDatasetCustomers} puts the two together once the state space is known.
 *
 * <p>Addresses are personal data: nothing here prints them.
 */
final class AcceptedAddresses {
    /** The largest code a {@link CustomerProfiles} holds: a space with more domains keeps no customers. */
    static final int MAX_DOMAIN_CODES = 256;
    /** Room for an address at first: generated and real addresses average some 23 bytes. */
    private static final int BYTES_PER_ADDRESS_GUESS = 28;

    private int[] ids;
    private int[] ends;
    private byte[] bytes;
    private int size;
    private int used;

    AcceptedAddresses(int expected) {
        int capacity = Math.max(16, expected);
        ids = new int[capacity];
        ends = new int[capacity];
        bytes = new byte[capacity * BYTES_PER_ADDRESS_GUESS];
    }

    /** Keeps an accepted customer's address, the bytes {@code from..to} of {@code row}. */
    void add(int id, byte[] row, int from, int to) {
        int length = to - from;
        if (size == ids.length) {
            int capacity = grown(ids.length, size + 1);
            ids = Arrays.copyOf(ids, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        if ((long) used + length > bytes.length) {
            if ((long) used + length > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2 GB of email addresses in the userbase");
            }
            bytes = Arrays.copyOf(bytes, grown(bytes.length, used + length));
        }
        System.arraycopy(row, from, bytes, used, length);
        used += length;
        ids[size] = id;
        ends[size] = used;
        size++;
    }

    /** By half: a userbase a little larger than guessed costs a quarter of the arrays more, not all of them. */
    private static int grown(int capacity, int needed) {
        return (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(needed, capacity + (capacity >> 1)));
    }

    int size() {
        return size;
    }

    /**
     * The customers with their codes in {@code space} (which holds every domain of {@code customers}), ascending
     * id; {@link DatasetCustomers#none()} when the space has more domains than a customer's code can name.
     */
    DatasetCustomers toDatasetCustomers(Customers customers, StateSpace space) {
        if (space.domains().size() > MAX_DOMAIN_CODES) {
            return DatasetCustomers.none();
        }
        List<String> domainsByFirstSeen = customers.domainsByFirstSeen();
        int[] domainCode = new int[domainsByFirstSeen.size()];
        for (int id = 0; id < domainCode.length; id++) {
            domainCode[id] = space.domainCode(domainsByFirstSeen.get(id));
        }
        DatasetCustomers.Builder builder = DatasetCustomers.builder(size);
        for (int i = 0; i < size; i++) {
            int codes = customers.codes(ids[i]);
            int start = i == 0 ? 0 : ends[i - 1];
            builder.add(ids[i], Customers.tenureCode(codes), domainCode[Customers.domainId(codes)],
                    Customers.ageCode(codes), Customers.genderCode(codes), Customers.typeCode(codes),
                    new String(bytes, start, ends[i] - start, StandardCharsets.UTF_8));
        }
        return builder.build();
    }
}
