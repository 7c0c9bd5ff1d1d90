package org.campaignrl.adapters.csv;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.campaign.CustomerProfiles;

/**
 * The id, packed codes (as {@link Customers} packs them) and email address of every accepted userbase row, in file
 * order, as growing primitive arrays: the ids, the codes, the addresses' UTF-8 bytes one after another (the row's own
 * bytes, which the reader checked are UTF-8) and where each ends. About 12 bytes a customer beside the address, no
 * object per customer. Once the userbase is read, {@link #inBackground} turns them into {@link DatasetCustomers} on a
 * thread of its own while the responses and the sends are read: the codes need only the domains' order, known by
 * then, and are kept here so that nothing is read from {@link Customers} while the responses mark it.
 *
 * <p>Addresses are personal data: nothing here prints them.
 */
final class AcceptedAddresses {
    /** The largest code a {@link CustomerProfiles} holds: a space with more domains keeps no customers. */
    static final int MAX_DOMAIN_CODES = 256;
    /** Room for an address at first: generated and real addresses average some 23 bytes. */
    private static final int BYTES_PER_ADDRESS_GUESS = 28;

    private int[] ids;
    private int[] codes;
    private int[] ends;
    private byte[] bytes;
    private int size;
    private int used;

    AcceptedAddresses(int expected) {
        int capacity = Math.max(16, expected);
        ids = new int[capacity];
        codes = new int[capacity];
        ends = new int[capacity];
        bytes = new byte[capacity * BYTES_PER_ADDRESS_GUESS];
    }

    /** Keeps an accepted customer: its packed codes, and its address, the bytes {@code from..to} of {@code row}. */
    void add(int id, int packedCodes, byte[] row, int from, int to) {
        int length = to - from;
        if (size == ids.length) {
            int capacity = grown(ids.length, size + 1);
            ids = Arrays.copyOf(ids, capacity);
            codes = Arrays.copyOf(codes, capacity);
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
        codes[size] = packedCodes;
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
     * Starts putting the customers together, with their codes in the state space of these domains, on a thread of
     * its own; {@link Pending#get} waits for them. {@link DatasetCustomers#none()} when there are more domains than a
     * customer's code can name. The caller adds no customer after this.
     *
     * @param domainsByFirstSeen the domain of each domain id the packed codes use
     */
    Pending inBackground(List<String> domainsByFirstSeen) {
        if (size == 0 || domainsByFirstSeen.size() > MAX_DOMAIN_CODES) {
            return new Pending(domainsByFirstSeen, CompletableFuture.completedFuture(DatasetCustomers.none()));
        }
        // The order StateSpace gives them, which the cells' space will have: one subject stands in for the rest.
        StateSpace domains = new StateSpace(new int[] {0}, domainsByFirstSeen);
        int[] domainCode = new int[domainsByFirstSeen.size()];
        for (int id = 0; id < domainCode.length; id++) {
            domainCode[id] = domains.domainCode(domainsByFirstSeen.get(id));
        }
        FutureTask<DatasetCustomers> task = new FutureTask<>(() -> toDatasetCustomers(domainCode));
        Thread thread = new Thread(task, "customers");
        thread.setDaemon(true);
        thread.start();
        return new Pending(domains.domains(), task);
    }

    /** Hands the arrays over, then lets them go: the ingest goes on with its largest part, the sends, meanwhile. */
    private DatasetCustomers toDatasetCustomers(int[] domainCode) {
        DatasetCustomers.Builder builder = DatasetCustomers.builder(size);
        for (int i = 0; i < size; i++) {
            int packed = codes[i];
            int start = i == 0 ? 0 : ends[i - 1];
            builder.add(
                    ids[i],
                    Customers.tenureCode(packed),
                    domainCode[Customers.domainId(packed)],
                    Customers.ageCode(packed),
                    Customers.genderCode(packed),
                    Customers.typeCode(packed),
                    bytes,
                    start,
                    ends[i] - start);
        }
        ids = codes = ends = null;
        bytes = null;
        return builder.build();
    }

    /** The customers being put together, with the sorted domains their codes are of. */
    static final class Pending {
        private final List<String> domains;
        private final Future<DatasetCustomers> customers;

        private Pending(List<String> domains, Future<DatasetCustomers> customers) {
            this.domains = domains;
            this.customers = customers;
        }

        /** The customers, their codes those of {@code space}, which must have the domains they were coded with. */
        DatasetCustomers get(StateSpace space) {
            try {
                DatasetCustomers done = customers.get();
                if (!done.isEmpty() && !space.domains().equals(domains)) {
                    throw new IllegalStateException("the customers were coded for other domains than the cells': "
                            + domains.size() + " against " + space.domains().size());
                }
                return done;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                customers.cancel(true);
                throw new IllegalStateException("interrupted while the customers were put together", e);
            } catch (ExecutionException e) {
                // As if it had happened on the ingest's thread: an OutOfMemoryError stays one.
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("putting the customers together failed: " + e.getCause(), e.getCause());
            }
        }

        /** Gives up on them (the ingest failed): the thread ends on its own. */
        void abandon() {
            customers.cancel(true);
        }
    }
}
