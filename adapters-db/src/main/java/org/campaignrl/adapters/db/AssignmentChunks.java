package org.campaignrl.adapters.db;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.campaignrl.domain.campaign.Assignment;
import org.campaignrl.domain.campaign.Assignments;
import org.campaignrl.domain.campaign.Group;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A plan's customers in the {@code campaign_assignments} table (V8): one row per chunk of up to
 * {@link CustomerChunks#SIZE} customers, ascending id, as four parallel little-endian arrays (ids, group codes, send
 * days, probabilities), 17 bytes a customer. Written a chunk per statement; streamed back a chunk per query
 * ({@link ChunkStream}).
 */
final class AssignmentChunks {
    private AssignmentChunks() {}

    /** Inserts a plan's assignments, chunk after chunk, on the saving transaction's handle. */
    static void insert(Handle handle, long planId, Assignments assignments) {
        int size = assignments.size();
        for (int from = 0, chunk = 0; from < size; from += CustomerChunks.SIZE, chunk++) {
            int count = Math.min(CustomerChunks.SIZE, size - from);
            int[] ids = new int[count];
            byte[] groups = new byte[count];
            int[] days = new int[count];
            double[] probabilities = new double[count];
            for (int i = 0; i < count; i++) {
                ids[i] = assignments.customerId(from + i);
                groups[i] = assignments.group(from + i).code();
                days[i] = assignments.sendEpochDay(from + i);
                probabilities[i] = assignments.probability(from + i);
            }
            handle.createUpdate("INSERT INTO campaign_assignments (plan_id, chunk, customer_count, customer_ids, "
                            + "group_codes, send_days, probabilities) VALUES (:planId, :chunk, :count, :ids, :groups, "
                            + ":days, :probabilities)")
                    .bind("planId", planId)
                    .bind("chunk", chunk)
                    .bind("count", count)
                    .bind("ids", LittleEndianInts.toBytes(ids, 0, count))
                    .bind("groups", groups)
                    .bind("days", LittleEndianInts.toBytes(days, 0, count))
                    .bind("probabilities", LittleEndianDoubles.toBytes(probabilities))
                    .execute();
        }
    }

    /** Every assignment of a plan in primitive columns; {@link Assignments#empty()} for an unknown plan. */
    static Assignments load(Handle handle, long planId) {
        int total = handle.createQuery(
                        "SELECT COALESCE(SUM(customer_count), 0) FROM campaign_assignments " + "WHERE plan_id = :id")
                .bind("id", planId)
                .mapTo(Integer.class)
                .one();
        Assignments.Builder builder = Assignments.builder(total);
        for (int chunk = 0; ; chunk++) {
            Optional<Chunk> next = chunk(handle, planId, chunk);
            if (next.isEmpty()) {
                return builder.build();
            }
            next.get().addTo(builder);
        }
    }

    /** A plan's assignments, ascending id, a chunk read at a time when the stream reaches it. */
    static Stream<Assignment> stream(Jdbi jdbi, long planId) {
        return ChunkStream.of(
                jdbi,
                (handle, number) -> chunk(handle, planId, number),
                Comparator.comparingInt(Assignment::customerId));
    }

    private static Optional<Chunk> chunk(Handle handle, long planId, int number) {
        return handle.createQuery("SELECT customer_count, customer_ids, group_codes, send_days, probabilities "
                        + "FROM campaign_assignments WHERE plan_id = :id AND chunk = :chunk")
                .bind("id", planId)
                .bind("chunk", number)
                .map((row, context) -> {
                    int count = row.getInt("customer_count");
                    Chunk chunk = new Chunk(
                            LittleEndianInts.fromBytes(row.getBytes("customer_ids")),
                            row.getBytes("group_codes"),
                            LittleEndianInts.fromBytes(row.getBytes("send_days")),
                            LittleEndianDoubles.fromBytes(row.getBytes("probabilities")));
                    if (chunk.ids().length != count
                            || chunk.groups().length != count
                            || chunk.days().length != count
                            || chunk.probabilities().length != count) {
                        throw ChunkStream.damaged("the assignments of plan " + planId, number, count);
                    }
                    return chunk;
                })
                .findOne();
    }

    /** One chunk's columns. */
    private record Chunk(int[] ids, byte[] groups, int[] days, double[] probabilities)
            implements ChunkStream.Chunk<Assignment> {
        @Override
        public int size() {
            return ids.length;
        }

        @Override
        public Assignment get(int position) {
            return new Assignment(
                    ids[position],
                    Group.ofCode(groups[position]),
                    LocalDate.ofEpochDay(days[position]),
                    probabilities[position]);
        }

        void addTo(Assignments.Builder builder) {
            for (int i = 0; i < ids.length; i++) {
                builder.add(ids[i], Group.ofCode(groups[i]), days[i], probabilities[i]);
            }
        }
    }
}
