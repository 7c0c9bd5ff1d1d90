package org.campaignrl.adapters.db;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.campaignrl.application.model.CustomerAddress;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.domain.campaign.CustomerProfiles;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A dataset's customers in the {@code dataset_customers} table (V8): one row per chunk of up to {@link #SIZE}
 * customers, ascending id, as parallel little-endian arrays, the addresses as one UTF-8 blob with the offsets where
 * each ends. Written a chunk per statement and read back a chunk per query, so that neither side holds more than a
 * chunk's rows beyond the customers themselves, and an export holds one chunk of addresses at a time
 * ({@link ChunkStream}).
 *
 * <p>Addresses are personal data: no message here holds one.
 */
final class CustomerChunks {
    /**
     * Customers per row: some 600 KB a row with addresses of some 25 bytes, each column below the size at which
     * the JVM's collector puts an array straight into the old generation (half a 1 MB region).
     */
    static final int SIZE = 16_384;

    private CustomerChunks() {}

    /** Inserts the customers of a dataset, chunk after chunk, on the saving transaction's handle. */
    static void insert(Handle handle, long datasetId, DatasetCustomers customers) {
        CustomerProfiles profiles = customers.profiles();
        // One copy of each column (6.5 MB for 500 000) rather than a call per value: this runs once a process.
        int[] allIds = profiles.ids();
        byte[] allCodes = profiles.codes();
        for (int from = 0, chunk = 0; from < allIds.length; from += SIZE, chunk++) {
            int count = Math.min(SIZE, allIds.length - from);
            int[] ends = new int[count];
            byte[] codes = Arrays.copyOfRange(
                    allCodes, from * CustomerProfiles.CODES, (from + count) * CustomerProfiles.CODES);
            byte[] addresses = customers.emailAddressesUtf8(from, count, ends);
            handle.createUpdate("INSERT INTO dataset_customers (dataset_id, chunk, customer_count, customer_ids, "
                            + "codes, address_ends, addresses) VALUES (:datasetId, :chunk, :count, :ids, :codes, "
                            + ":ends, :addresses)")
                    .bind("datasetId", datasetId)
                    .bind("chunk", chunk)
                    .bind("count", count)
                    .bind("ids", LittleEndianInts.toBytes(allIds, from, count))
                    .bind("codes", codes)
                    .bind("ends", LittleEndianInts.toBytes(ends, 0, count))
                    .bind("addresses", addresses)
                    .execute();
        }
    }

    /** The profiles of a dataset's customers, empty when the dataset has none; read in one query. */
    static CustomerProfiles profiles(Handle handle, long datasetId) {
        List<byte[]> idChunks = new ArrayList<>();
        List<byte[]> codeChunks = new ArrayList<>();
        handle.createQuery("SELECT chunk, customer_count, customer_ids, codes FROM dataset_customers "
                        + "WHERE dataset_id = :id ORDER BY chunk")
                .bind("id", datasetId)
                .map((row, context) -> {
                    int count = row.getInt("customer_count");
                    byte[] ids = row.getBytes("customer_ids");
                    byte[] codes = row.getBytes("codes");
                    if (ids.length != count * Integer.BYTES || codes.length != count * CustomerProfiles.CODES) {
                        throw ChunkStream.damaged("the customers of dataset " + datasetId, row.getInt("chunk"), count);
                    }
                    idChunks.add(ids);
                    codeChunks.add(codes);
                    return count;
                })
                .list();
        int total =
                idChunks.stream().mapToInt(ids -> ids.length / Integer.BYTES).sum();
        int[] ids = new int[total];
        byte[] codes = new byte[total * CustomerProfiles.CODES];
        int at = 0;
        for (int i = 0; i < idChunks.size(); i++) {
            System.arraycopy(codeChunks.get(i), 0, codes, at * CustomerProfiles.CODES, codeChunks.get(i).length);
            at += LittleEndianInts.fromBytes(idChunks.get(i), ids, at);
        }
        return CustomerProfiles.of(ids, codes);
    }

    /** The addresses of a dataset's customers, ascending id, a chunk read at a time when the stream reaches it. */
    static Stream<CustomerAddress> addresses(Jdbi jdbi, long datasetId) {
        return ChunkStream.of(
                jdbi,
                (handle, number) -> addressChunk(handle, datasetId, number),
                Comparator.comparingInt(CustomerAddress::customerId));
    }

    private static Optional<AddressChunk> addressChunk(Handle handle, long datasetId, int number) {
        return handle.createQuery("SELECT customer_count, customer_ids, address_ends, addresses "
                        + "FROM dataset_customers WHERE dataset_id = :id AND chunk = :chunk")
                .bind("id", datasetId)
                .bind("chunk", number)
                .map((row, context) -> {
                    int count = row.getInt("customer_count");
                    int[] ids = LittleEndianInts.fromBytes(row.getBytes("customer_ids"));
                    int[] ends = LittleEndianInts.fromBytes(row.getBytes("address_ends"));
                    byte[] addresses = row.getBytes("addresses");
                    if (ids.length != count
                            || ends.length != count
                            || (count > 0 && ends[count - 1] != addresses.length)) {
                        throw ChunkStream.damaged("the customers of dataset " + datasetId, number, count);
                    }
                    return new AddressChunk(ids, ends, addresses);
                })
                .findOne();
    }

    /** One chunk's ids, address ends and addresses. */
    private record AddressChunk(int[] ids, int[] ends, byte[] addresses) implements ChunkStream.Chunk<CustomerAddress> {
        @Override
        public int size() {
            return ids.length;
        }

        @Override
        public CustomerAddress get(int position) {
            int start = position == 0 ? 0 : ends[position - 1];
            return new CustomerAddress(
                    ids[position], new String(addresses, start, ends[position] - start, StandardCharsets.UTF_8));
        }
    }
}
