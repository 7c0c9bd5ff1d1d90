package org.campaignrl.adapters.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.CustomerAddress;
import org.campaignrl.application.model.DatasetListing;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.InputFile;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.campaign.CustomerProfiles;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Datasets in the {@code dataset*} tables: one row for the dataset, its files (as read: path, size,
 * checksum; and as counted: rows accepted and rejected by reason), and its cells sent to as one row of
 * binary columns for the training part and one for the held-out part ({@link CellColumns}), and its customers in
 * chunks of binary columns ({@link CustomerChunks}).
 */
final class JdbiDatasetRepository implements DatasetRepository {
    private static final String SUBJECT_SEPARATOR = ",";
    private static final String DOMAIN_SEPARATOR = "\n";

    private static final String DATASET_COLUMNS = "id, created_at, subject_ids, domains, customers, sends, "
            + "responded_sends, distinct_response_pairs, response_pairs_without_send, first_send_date, "
            + "last_send_date, rejects_report, split_kind, split_held_out_from, split_held_out_share, split_seed";
    private static final String SELECT_DATASET = "SELECT " + DATASET_COLUMNS + " FROM dataset";
    /** The {@code part} of the training cells; the held-out ones of a split dataset are laid out alike. */
    private static final String TRAINING_CELLS = "training";

    private static final String HELD_OUT_CELLS = "held_out";
    /** The dataset rows with the number of training cells each has sent to (no row: none). */
    private static final String SELECT_LISTING = "SELECT " + DATASET_COLUMNS + ", COALESCE((SELECT cell_count "
            + "FROM dataset_cells WHERE dataset_cells.dataset_id = dataset.id AND part = '" + TRAINING_CELLS
            + "'), 0) AS cells_with_sends FROM dataset";

    private final Jdbi jdbi;

    JdbiDatasetRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long save(AggregatedLogs logs, List<InputFile> inputs, Instant createdAt) {
        return jdbi.inTransaction(handle -> {
            long id = insertDataset(handle, logs, createdAt);
            insertFiles(handle, id, logs.summary().files());
            insertInputs(handle, id, inputs);
            insertCells(handle, TRAINING_CELLS, id, logs.cells());
            if (logs.heldOutCells().isPresent()) {
                insertCells(handle, HELD_OUT_CELLS, id, logs.heldOutCells().get());
            }
            CustomerChunks.insert(handle, id, logs.customers());
            return id;
        });
    }

    @Override
    public Optional<DatasetVersion> load(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_DATASET + " WHERE id = :id")
                .bind("id", id)
                .map(JdbiDatasetRepository::datasetRow)
                .findOne()
                .map(row -> rebuild(handle, row)));
    }

    @Override
    public Optional<DatasetVersion> loadLatest() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_DATASET + " ORDER BY id DESC FETCH FIRST 1 ROW ONLY")
                .map(JdbiDatasetRepository::datasetRow)
                .findOne()
                .map(row -> rebuild(handle, row)));
    }

    @Override
    public List<DatasetListing> list() {
        return jdbi.withHandle(handle -> listings(handle, SELECT_LISTING + " ORDER BY id DESC", null));
    }

    @Override
    public Optional<DatasetListing> describe(long id) {
        return jdbi.withHandle(handle -> listings(handle, SELECT_LISTING + " WHERE id = :id", id).stream()
                .findFirst());
    }

    @Override
    public Optional<CustomerProfiles> profiles(long datasetId) {
        return jdbi.withHandle(handle ->
                exists(handle, datasetId) ? Optional.of(CustomerChunks.profiles(handle, datasetId)) : Optional.empty());
    }

    /** A chunk at a time, each read when the stream reaches it, on one connection until the stream ends. */
    @Override
    public Stream<CustomerAddress> addresses(long datasetId) {
        return CustomerChunks.addresses(jdbi, datasetId);
    }

    private static boolean exists(Handle handle, long datasetId) {
        return handle.createQuery("SELECT COUNT(*) FROM dataset WHERE id = :id")
                        .bind("id", datasetId)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    // --- writing

    private static long insertDataset(Handle handle, AggregatedLogs logs, Instant createdAt) {
        IngestSummary summary = logs.summary();
        StateSpace space = logs.cells().space();
        return handle.createUpdate("INSERT INTO dataset (created_at, subject_ids, domains, customers, sends, "
                        + "responded_sends, distinct_response_pairs, response_pairs_without_send, first_send_date, "
                        + "last_send_date, rejects_report, split_kind, split_held_out_from, split_held_out_share, "
                        + "split_seed) VALUES (:createdAt, :subjectIds, :domains, :customers, "
                        + ":sends, :respondedSends, :distinctResponsePairs, :responsePairsWithoutSend, "
                        + ":firstSendDate, :lastSendDate, :rejectsReport, :splitKind, :splitFrom, :splitShare, "
                        + ":splitSeed)")
                .bind("createdAt", SqlTime.utc(createdAt))
                .bind(
                        "subjectIds",
                        Arrays.stream(space.subjectIds())
                                .mapToObj(Integer::toString)
                                .collect(Collectors.joining(SUBJECT_SEPARATOR)))
                .bind("domains", joinDomains(space.domains()))
                .bind("customers", summary.customers())
                .bind("sends", summary.sends())
                .bind("respondedSends", summary.respondedSends())
                .bind("distinctResponsePairs", summary.distinctResponsePairs())
                .bind("responsePairsWithoutSend", summary.responsePairsWithoutSend())
                .bindByType("firstSendDate", summary.firstSendDate(), LocalDate.class)
                .bindByType("lastSendDate", summary.lastSendDate(), LocalDate.class)
                .bindByType("rejectsReport", summary.rejectsReport(), String.class)
                .bind("splitKind", logs.split().kind().name())
                .bindByType("splitFrom", logs.split().heldOutFrom(), LocalDate.class)
                .bind("splitShare", logs.split().heldOutShare())
                .bind("splitSeed", logs.split().seed())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** Newline-separated: a domain may hold a comma, but a line break would split it when loading. */
    private static String joinDomains(List<String> domains) {
        domains.stream()
                .filter(domain -> domain.contains(DOMAIN_SEPARATOR))
                .findFirst()
                .ifPresent(domain -> {
                    throw new IllegalArgumentException("cannot store email domain with a line break: '" + domain + "'");
                });
        return String.join(DOMAIN_SEPARATOR, domains);
    }

    private static void insertFiles(Handle handle, long datasetId, List<FileSummary> files) {
        PreparedBatch fileRows = handle.prepareBatch("INSERT INTO dataset_file (dataset_id, position, file, "
                + "rows_read, accepted, encoding, encoding_choice, delimiter, delimiter_given) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedBatch rejectionRows = handle.prepareBatch(
                "INSERT INTO dataset_rejection (dataset_id, position, reason, row_count) VALUES (?, ?, ?, ?)");
        for (int position = 0; position < files.size(); position++) {
            FileSummary file = files.get(position);
            Optional<CsvFormat.Used> format = file.format();
            fileRows.add(
                    datasetId,
                    position,
                    file.file(),
                    file.rowsRead(),
                    file.accepted(),
                    format.map(CsvFormat.Used::encoding).orElse(null),
                    format.map(f -> f.encodingChoice().name()).orElse(null),
                    format.map(f -> String.valueOf(f.delimiter())).orElse(null),
                    format.map(CsvFormat.Used::delimiterGiven).orElse(null));
            for (Map.Entry<String, Long> rejection : file.rejectedByReason().entrySet()) {
                rejectionRows.add(datasetId, position, rejection.getKey(), rejection.getValue());
            }
        }
        executeUnlessEmpty(fileRows);
        executeUnlessEmpty(rejectionRows);
    }

    private static void insertInputs(Handle handle, long datasetId, List<InputFile> inputs) {
        PreparedBatch rows = handle.prepareBatch("INSERT INTO dataset_input "
                + "(dataset_id, position, role, path, size_bytes, sha256) VALUES (?, ?, ?, ?, ?, ?)");
        for (int position = 0; position < inputs.size(); position++) {
            InputFile input = inputs.get(position);
            rows.add(datasetId, position, input.role(), input.path(), input.sizeBytes(), input.sha256());
        }
        executeUnlessEmpty(rows);
    }

    /** One row of columns for the cells sent to, none when there are none: one statement whatever their number. */
    private static void insertCells(Handle handle, String part, long datasetId, Cells cells) {
        CellColumns columns = CellColumns.of(cells);
        if (columns.isEmpty()) {
            return;
        }
        handle.createUpdate("INSERT INTO dataset_cells (dataset_id, part, cell_count, states, sends, responses) "
                        + "VALUES (:datasetId, :part, :count, :states, :sends, :responses)")
                .bind("datasetId", datasetId)
                .bind("part", part)
                .bind("count", columns.count())
                .bind("states", columns.states())
                .bind("sends", columns.sends())
                .bind("responses", columns.responses())
                .execute();
    }

    private static void executeUnlessEmpty(PreparedBatch batch) {
        try (batch) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    // --- reading

    /** The {@code dataset} row: the state space and the summary's totals. */
    private record DatasetRow(
            long id,
            Instant createdAt,
            StateSpace space,
            long customers,
            long sends,
            long respondedSends,
            long distinctResponsePairs,
            long responsePairsWithoutSend,
            LocalDate firstSendDate,
            LocalDate lastSendDate,
            String rejectsReport,
            SendSplit split) {

        IngestSummary summary(List<FileSummary> files) {
            return new IngestSummary(
                    files,
                    customers,
                    sends,
                    respondedSends,
                    distinctResponsePairs,
                    responsePairsWithoutSend,
                    firstSendDate,
                    lastSendDate,
                    rejectsReport);
        }
    }

    private static DatasetRow datasetRow(ResultSet row, StatementContext context) throws SQLException {
        int[] subjectIds = Arrays.stream(row.getString("subject_ids").split(SUBJECT_SEPARATOR))
                .mapToInt(Integer::parseInt)
                .toArray();
        List<String> domains = List.of(row.getString("domains").split(DOMAIN_SEPARATOR, -1));
        return new DatasetRow(
                row.getLong("id"),
                SqlTime.instant(row, "created_at"),
                new StateSpace(subjectIds, domains),
                row.getLong("customers"),
                row.getLong("sends"),
                row.getLong("responded_sends"),
                row.getLong("distinct_response_pairs"),
                row.getLong("response_pairs_without_send"),
                row.getObject("first_send_date", LocalDate.class),
                row.getObject("last_send_date", LocalDate.class),
                row.getString("rejects_report"),
                split(row));
    }

    private static SendSplit split(ResultSet row) throws SQLException {
        return new SendSplit(
                SendSplit.Kind.valueOf(row.getString("split_kind")),
                row.getObject("split_held_out_from", LocalDate.class),
                row.getDouble("split_held_out_share"),
                row.getLong("split_seed"));
    }

    private static DatasetVersion rebuild(Handle handle, DatasetRow row) {
        IngestSummary summary = row.summary(files(handle, row.id()));
        Map<String, Cells> parts = cells(handle, row.id(), row.space());
        Cells training = parts.getOrDefault(TRAINING_CELLS, CellColumns.none(row.space()));
        Optional<Cells> heldOut = row.split().isNone()
                ? Optional.empty()
                : Optional.of(parts.getOrDefault(HELD_OUT_CELLS, CellColumns.none(row.space())));
        return new DatasetVersion(
                row.id(),
                training,
                heldOut,
                row.split(),
                summary,
                row.createdAt(),
                inputs(handle, row.id()).getOrDefault(row.id(), List.of()));
    }

    /** Listings without cells: a few queries in all, however many datasets there are. */
    private static List<DatasetListing> listings(Handle handle, String select, Long id) {
        var query = handle.createQuery(select);
        if (id != null) {
            query.bind("id", id);
        }
        List<Map.Entry<DatasetRow, Integer>> rows = query.map(
                        (row, context) -> Map.entry(datasetRow(row, context), row.getInt("cells_with_sends")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<FileSummary>> files = id == null ? allFiles(handle) : Map.of(id, files(handle, id));
        Map<Long, List<InputFile>> inputs = inputs(handle, id);
        return rows.stream()
                .map(entry -> {
                    DatasetRow row = entry.getKey();
                    StateSpace space = row.space();
                    return new DatasetListing(
                            row.id(),
                            row.createdAt(),
                            row.summary(files.getOrDefault(row.id(), List.of())),
                            row.split(),
                            inputs.getOrDefault(row.id(), List.of()),
                            Arrays.stream(space.subjectIds()).boxed().toList(),
                            space.domains(),
                            space.size(),
                            entry.getValue());
                })
                .toList();
    }

    /** The input files of one dataset ({@code datasetId} given) or of all, in the order they were read. */
    private static Map<Long, List<InputFile>> inputs(Handle handle, Long datasetId) {
        var query = handle.createQuery("SELECT dataset_id, role, path, size_bytes, sha256 FROM dataset_input"
                + (datasetId == null ? "" : " WHERE dataset_id = :id") + " ORDER BY dataset_id, position");
        if (datasetId != null) {
            query.bind("id", datasetId);
        }
        Map<Long, List<InputFile>> byDataset = new HashMap<>();
        query.map((row, context) -> Map.entry(
                        row.getLong("dataset_id"),
                        new InputFile(
                                row.getString("role"),
                                row.getString("path"),
                                row.getLong("size_bytes"),
                                row.getString("sha256"))))
                .forEach(entry -> byDataset
                        .computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                        .add(entry.getValue()));
        return byDataset;
    }

    /** Every dataset's files, as {@link #files} gives one dataset's. */
    private static Map<Long, List<FileSummary>> allFiles(Handle handle) {
        Map<Long, Map<Integer, Map<String, Long>>> rejections = new HashMap<>();
        handle.createQuery("SELECT dataset_id, position, reason, row_count FROM dataset_rejection")
                .map((row, context) -> Map.entry(
                        row.getLong("dataset_id"),
                        new Rejection(row.getInt("position"), row.getString("reason"), row.getLong("row_count"))))
                .forEach(entry -> rejections
                        .computeIfAbsent(entry.getKey(), k -> new HashMap<>())
                        .computeIfAbsent(entry.getValue().position(), k -> new HashMap<>())
                        .put(entry.getValue().reason(), entry.getValue().rows()));
        Map<Long, List<FileSummary>> byDataset = new HashMap<>();
        handle.createQuery("SELECT dataset_id, " + FILE_COLUMNS + " FROM dataset_file ORDER BY dataset_id, position")
                .map((row, context) -> {
                    long datasetId = row.getLong("dataset_id");
                    return Map.entry(datasetId, fileSummary(row, rejections.getOrDefault(datasetId, Map.of())));
                })
                .forEach(entry -> byDataset
                        .computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                        .add(entry.getValue()));
        return byDataset;
    }

    /** A {@code dataset_rejection} row: rows of the file at {@code position} rejected for {@code reason}. */
    private record Rejection(int position, String reason, long rows) {}

    /** The files in their original order, each with its rejections by reason. */
    private static List<FileSummary> files(Handle handle, long datasetId) {
        Map<Integer, Map<String, Long>> rejectionsByPosition = new HashMap<>();
        handle.createQuery("SELECT position, reason, row_count FROM dataset_rejection WHERE dataset_id = :id")
                .bind("id", datasetId)
                .map((row, context) ->
                        new Rejection(row.getInt("position"), row.getString("reason"), row.getLong("row_count")))
                .forEach(rejection -> rejectionsByPosition
                        .computeIfAbsent(rejection.position(), p -> new HashMap<>())
                        .put(rejection.reason(), rejection.rows()));
        return handle.createQuery(
                        "SELECT " + FILE_COLUMNS + " FROM dataset_file WHERE dataset_id = :id " + "ORDER BY position")
                .bind("id", datasetId)
                .map((row, context) -> fileSummary(row, rejectionsByPosition))
                .list();
    }

    private static final String FILE_COLUMNS =
            "position, file, rows_read, accepted, encoding, encoding_choice, " + "delimiter, delimiter_given";

    /** A {@code dataset_file} row with its rejections; files stored before V6 have no format ("not recorded"). */
    private static FileSummary fileSummary(ResultSet row, Map<Integer, Map<String, Long>> rejectionsByPosition)
            throws SQLException {
        String encoding = row.getString("encoding");
        Optional<CsvFormat.Used> format = encoding == null
                ? Optional.empty()
                : Optional.of(new CsvFormat.Used(
                        encoding,
                        CsvFormat.EncodingChoice.valueOf(row.getString("encoding_choice")),
                        row.getString("delimiter").charAt(0),
                        row.getBoolean("delimiter_given")));
        return new FileSummary(
                row.getString("file"),
                row.getLong("rows_read"),
                row.getLong("accepted"),
                rejectionsByPosition.getOrDefault(row.getInt("position"), Map.of()),
                format);
    }

    /** The parts of a dataset that have cells sent to, by {@code part}: one query for both. */
    private static Map<String, Cells> cells(Handle handle, long datasetId, StateSpace space) {
        Map<String, Cells> parts = new HashMap<>();
        handle.createQuery("SELECT part, cell_count, states, sends, responses FROM dataset_cells "
                        + "WHERE dataset_id = :id")
                .bind("id", datasetId)
                .map((row, context) -> Map.entry(
                        row.getString("part"),
                        new CellColumns(
                                row.getInt("cell_count"),
                                row.getBytes("states"),
                                row.getBytes("sends"),
                                row.getBytes("responses"))))
                .forEach(part -> parts.put(
                        part.getKey(),
                        part.getValue()
                                .toCells(
                                        space,
                                        "the " + part.getKey().replace('_', '-') + " cells of dataset " + datasetId)));
        return parts;
    }
}
