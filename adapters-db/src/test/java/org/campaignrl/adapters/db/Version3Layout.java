package org.campaignrl.adapters.db;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes a dataset as this program did before V5__cells_as_columns.sql: one {@code dataset_cell} (or
 * {@code dataset_held_out_cell}) row per cell sent to, keyed by the subject id, the domain and the codes.
 * Only what the upgrade reads: the dataset row's state space and split, and the cells.
 */
final class Version3Layout {
    private Version3Layout() {}

    /** The new dataset's id. */
    static long insert(Handle handle, AggregatedLogs logs) {
        StateSpace space = logs.cells().space();
        long id = handle.createUpdate("INSERT INTO dataset (created_at, subject_ids, domains, customers, sends, "
                        + "responded_sends, distinct_response_pairs, response_pairs_without_send, split_kind, "
                        + "split_held_out_share, split_seed) VALUES (:createdAt, :subjectIds, :domains, 0, 0, 0, 0, 0, "
                        + ":splitKind, :splitShare, :splitSeed)")
                .bind("createdAt", SqlTime.utc(Instant.parse("2026-11-01T10:00:00Z")))
                .bind(
                        "subjectIds",
                        Arrays.stream(space.subjectIds())
                                .mapToObj(Integer::toString)
                                .collect(Collectors.joining(",")))
                .bind("domains", String.join("\n", space.domains()))
                .bind("splitKind", logs.split().kind().name())
                .bind("splitShare", logs.split().heldOutShare())
                .bind("splitSeed", logs.split().seed())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        if (logs.split().heldOutFrom() != null) {
            handle.createUpdate("UPDATE dataset SET split_held_out_from = :from WHERE id = :id")
                    .bind("from", logs.split().heldOutFrom())
                    .bind("id", id)
                    .execute();
        }
        insertCells(handle, "dataset_cell", id, logs.cells());
        logs.heldOutCells().ifPresent(cells -> insertCells(handle, "dataset_held_out_cell", id, cells));
        return id;
    }

    private static void insertCells(Handle handle, String table, long datasetId, Cells cells) {
        StateSpace space = cells.space();
        try (PreparedBatch batch = handle.prepareBatch("INSERT INTO " + table + " (dataset_id, subject_id, "
                + "day_of_week, tenure_group, email_domain, age_group, gender, customer_type, sends, responses) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int state = 0; state < space.size(); state++) {
                if (cells.sends(state) > 0) {
                    int[] codes = space.codesOf(state);
                    batch.add(
                            datasetId,
                            space.subjectId(codes[Attribute.SUBJECT.position()]),
                            codes[Attribute.DAY.position()],
                            codes[Attribute.TENURE.position()],
                            space.domains().get(codes[Attribute.DOMAIN.position()]),
                            codes[Attribute.AGE.position()],
                            codes[Attribute.GENDER.position()],
                            codes[Attribute.TYPE.position()],
                            cells.sends(state),
                            cells.responses(state));
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }
}
