package org.campaignrl.adapters.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.logs.LogColumns;
import org.campaignrl.application.logs.Reasons;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Binning;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;

/**
 * The three logs aggregated into cells with Spark SQL, by the CSV adapter's rules: each row is checked in the
 * same order for the same reasons (the shared {@code org.campaignrl.application.logs} and {@link Binning}), the
 * userbase's first row with an id decides, a send is responded when its (subject, customer) pair is among the
 * accepted responses, and the cells, the per-file account and the summary come out the same (SparkAndCsvAgreeTest
 * proves it on the sample and the bad-input corpus).
 *
 * <p>The work is a few joins and group-bys (docs/spark.md says which stage shuffles what); only the cells (tens
 * of thousands of rows), the counts by reason, the domains and the rejected rows come back to the driver. Paths
 * are whatever Spark reads: local, {@code hdfs://}, {@code s3a://}; a path ending in {@code .parquet} is read as
 * Parquet. Each stage reports its tasks to the progress listener, and a listener that asks to stop (a cancelled
 * job) cancels the Spark jobs.
 */
public final class SparkCampaignLogSource implements CampaignLogSource {
    private static final String ID = "id";
    private static final String SUBJECT = "subject";
    private static final String CUSTOMER = "customer";
    private static final String EPOCH_DAY = "epoch_day";
    private static final String DOMAIN = "domain_name";
    private static final String TENURE = "tenure_code";
    private static final String AGE = "age_code";
    private static final String GENDER = "gender_code";
    private static final String TYPE = "type_code";
    private static final String RESPONDED = "responded";
    private static final String HELD_OUT = "held_out";
    private static final String DAY = "day_code";
    private static final String SENDS = "sends";
    /** The largest state space the domain accepts. */
    private static final long MAX_STATES = Integer.MAX_VALUE / Action.COUNT;

    private final SparkSession spark;
    private final SparkProgress stages;

    public SparkCampaignLogSource(SparkSession spark) {
        this.spark = spark;
        this.stages = SparkProgress.attach(spark);
    }

    @Override
    public AggregatedLogs aggregate(LogFiles files, SendSplit split, Path rejectsReport, ProgressListener progress) {
        return aggregate(
                new Inputs(SparkPaths.of(files.sentEmails()), files.sentEmails().toString()),
                new Inputs(SparkPaths.of(files.responded()), files.responded().toString()),
                new Inputs(SparkPaths.of(files.userbase()), files.userbase().toString()),
                files.format(),
                split,
                rejectsReport,
                progress);
    }

    /** A log's path as Spark reads it, and as refusals name it. */
    record Inputs(String path, String shown) {}

    private AggregatedLogs aggregate(
            Inputs sentEmails,
            Inputs responded,
            Inputs userbase,
            CsvFormat format,
            SendSplit split,
            Path rejectsReport,
            ProgressListener progress) {
        ProgressListener listener = Objects.requireNonNullElse(progress, ProgressListener.NONE);
        LogInput users = LogInput.open(spark, userbase.path(), userbase.shown(), LogColumns.USERBASE, format);
        LogInput responses = LogInput.open(spark, responded.path(), responded.shown(), LogColumns.RESPONDED, format);
        LogInput sends = LogInput.open(spark, sentEmails.path(), sentEmails.shown(), LogColumns.SENT, format);
        List<Dataset<Row>> persisted = new ArrayList<>();
        try {
            Dataset<Row> judgedUsers = keep(persisted, judgeUserbase(users.rows));
            FileSummary userSummary = account(users, judgedUsers, listener);
            Dataset<Row> customers = judgedUsers
                    .filter(col(LogInput.REASON).isNull())
                    .select(col(ID), col(DOMAIN), col(TENURE), col(AGE), col(GENDER), col(TYPE));

            Dataset<Row> judgedResponses = keep(persisted, judgeResponses(responses.rows, customers));
            FileSummary responseSummary = account(responses, judgedResponses, listener);
            Dataset<Row> pairs = keep(
                    persisted,
                    judgedResponses
                            .filter(col(LogInput.REASON).isNull())
                            .select(col(SUBJECT), col(CUSTOMER))
                            .distinct());

            Dataset<Row> judgedSends = keep(persisted, judgeSends(sends.rows, customers, pairs, split));
            FileSummary sendSummary = account(sends, judgedSends, listener);

            RejectsWriter.write(
                    rejectsReport,
                    stages,
                    listener,
                    List.of(
                            rejected(judgedUsers, 0, users),
                            rejected(judgedResponses, 1, responses),
                            rejected(judgedSends, 2, sends)));

            Dataset<Row> accepted = judgedSends.filter(col(LogInput.REASON).isNull());
            List<Row> cellRows = stages.run(
                    "aggregating the cells",
                    listener,
                    () -> accepted.groupBy(
                                    col(HELD_OUT),
                                    col(SUBJECT),
                                    col(DAY),
                                    col(TENURE),
                                    col(DOMAIN),
                                    col(AGE),
                                    col(GENDER),
                                    col(TYPE))
                            .agg(
                                    count(lit(1)).as(SENDS),
                                    sum(col(RESPONDED).cast(DataTypes.LongType)).as(RESPONDED),
                                    min(col(EPOCH_DAY)).as("first"),
                                    max(col(EPOCH_DAY)).as("last"))
                            .collectAsList());
            if (cellRows.isEmpty()) {
                throw new IngestRefusedException(sends.path, 0, "no send was accepted (see " + rejectsReport + ")");
            }
            List<String> domains = stages
                    .run(
                            "collecting the domains",
                            listener,
                            () -> customers.select(col(DOMAIN)).distinct().collectAsList())
                    .stream()
                    .map(row -> row.getString(0))
                    .toList();
            Row pairCounts = stages.run(
                    "matching responses to sends",
                    listener,
                    () -> pairs.join(
                                    accepted.filter(col(RESPONDED))
                                            .select(col(SUBJECT), col(CUSTOMER))
                                            .distinct()
                                            .withColumn("matched", lit(1L)),
                                    new String[] {SUBJECT, CUSTOMER},
                                    "left")
                            .agg(count(lit(1)), sum(col("matched")))
                            .first());
            return aggregated(
                    cellRows,
                    domains,
                    pairCounts,
                    split,
                    List.of(userSummary, responseSummary, sendSummary),
                    userSummary.accepted(),
                    rejectsReport);
        } finally {
            persisted.forEach(Dataset::unpersist);
        }
    }

    private static Dataset<Row> keep(List<Dataset<Row>> persisted, Dataset<Row> rows) {
        Dataset<Row> kept = rows.persist(StorageLevel.MEMORY_AND_DISK());
        persisted.add(kept);
        return kept;
    }

    /**
     * userbase: the id must be an int; the first row with an id (in file order) decides, later ones are repeats;
     * then the gender and type letters, an address with a domain, an age and a tenure that are non-negative ints.
     */
    private static Dataset<Row> judgeUserbase(Dataset<Row> rows) {
        Column earlier = col(LogInput.REASON).isNull();
        Dataset<Row> withId = rows.withColumn(ID, when(earlier, Values.INT.apply(col(LogColumns.CUSTOMER_ID))));
        Column sighting = earlier.and(col(ID).isNotNull());
        Dataset<Row> ranked = withId.withColumn(
                "sighting",
                when(
                        sighting,
                        row_number().over(Window.partitionBy(col(ID)).orderBy(col(LogInput.PART), col(LogInput.ORD)))));
        Dataset<Row> coded = ranked.withColumn(GENDER, Values.GENDER_CODE.apply(col(LogColumns.GENDER)))
                .withColumn(TYPE, Values.TYPE_CODE.apply(col(LogColumns.TYPE)))
                .withColumn(DOMAIN, Values.EMAIL_DOMAIN.apply(col(LogColumns.EMAIL_ADDRESS)))
                .withColumn("age_years", Values.INT.apply(col(LogColumns.AGE)))
                .withColumn("tenure_years", Values.INT.apply(col(LogColumns.TENURE)));
        Judgement judged = new Judgement()
                .rule(col(ID).isNull(), LogColumns.CUSTOMER_ID, Reasons.NON_INTEGER_ID)
                .rule(col("sighting").gt(1), LogColumns.CUSTOMER_ID, Reasons.REPEATED_CUSTOMER_ID)
                .rule(col(GENDER).lt(0), LogColumns.GENDER, Reasons.UNKNOWN_GENDER_CODE)
                .rule(col(TYPE).lt(0), LogColumns.TYPE, Reasons.UNKNOWN_TYPE_CODE)
                .rule(col(DOMAIN).isNull(), LogColumns.EMAIL_ADDRESS, Reasons.ADDRESS_WITHOUT_AT)
                .rule(col("age_years").isNull(), LogColumns.AGE, Reasons.NON_INTEGER_AGE)
                .rule(col("age_years").lt(0), LogColumns.AGE, Reasons.NEGATIVE_AGE)
                .rule(col("tenure_years").isNull(), LogColumns.TENURE, Reasons.NON_INTEGER_TENURE)
                .rule(col("tenure_years").lt(0), LogColumns.TENURE, Reasons.NEGATIVE_TENURE);
        return judged.applyTo(coded)
                .withColumn(TENURE, Values.TENURE_CODE.apply(col("tenure_years")))
                .withColumn(AGE, Values.AGE_CODE.apply(col("age_years")));
    }

    /** responded: a date, a customer id and a subject id, of a customer the userbase accepted. */
    private static Dataset<Row> judgeResponses(Dataset<Row> rows, Dataset<Row> customers) {
        Dataset<Row> parsed = rows.withColumn(EPOCH_DAY, Values.EPOCH_DAY.apply(col(LogColumns.RESPONDED_DATE)))
                .withColumn(CUSTOMER, Values.INT.apply(col(LogColumns.CUSTOMER_ID)))
                .withColumn(SUBJECT, Values.INT.apply(col(LogColumns.SUBJECT_LINE_ID)));
        Dataset<Row> joined = parsed.join(
                customers.select(col(ID).as("known")), parsed.col(CUSTOMER).equalTo(col("known")), "left");
        return new Judgement()
                .rule(col(EPOCH_DAY).isNull(), LogColumns.RESPONDED_DATE, Reasons.BAD_DATE)
                .rule(col(CUSTOMER).isNull(), LogColumns.CUSTOMER_ID, Reasons.NON_INTEGER_ID)
                .rule(col(SUBJECT).isNull(), LogColumns.SUBJECT_LINE_ID, Reasons.NON_INTEGER_ID)
                .rule(col("known").isNull(), LogColumns.CUSTOMER_ID, Reasons.CUSTOMER_NOT_IN_USERBASE)
                .applyTo(joined);
    }

    /**
     * sent_emails: a date, a customer id and a subject id, of a customer the userbase accepted; joined to the
     * customer's codes, to the responded pairs, and to the split's part.
     */
    private static Dataset<Row> judgeSends(
            Dataset<Row> rows, Dataset<Row> customers, Dataset<Row> pairs, SendSplit split) {
        Dataset<Row> parsed = rows.withColumn(EPOCH_DAY, Values.EPOCH_DAY.apply(col(LogColumns.SENT_DATE)))
                .withColumn(CUSTOMER, Values.INT.apply(col(LogColumns.CUSTOMER_ID)))
                .withColumn(SUBJECT, Values.INT.apply(col(LogColumns.SUBJECT_LINE_ID)));
        Dataset<Row> withCustomer = parsed.join(customers, parsed.col(CUSTOMER).equalTo(customers.col(ID)), "left");
        Dataset<Row> withResponse = withCustomer.join(
                pairs.withColumn(RESPONDED, lit(true))
                        .withColumnRenamed(SUBJECT, "r_subject")
                        .withColumnRenamed(CUSTOMER, "r_customer"),
                col(SUBJECT).equalTo(col("r_subject")).and(col(CUSTOMER).equalTo(col("r_customer"))),
                "left");
        Dataset<Row> judged = new Judgement()
                .rule(col(EPOCH_DAY).isNull(), LogColumns.SENT_DATE, Reasons.BAD_DATE)
                .rule(col(CUSTOMER).isNull(), LogColumns.CUSTOMER_ID, Reasons.NON_INTEGER_ID)
                .rule(col(SUBJECT).isNull(), LogColumns.SUBJECT_LINE_ID, Reasons.NON_INTEGER_ID)
                .rule(col(ID).isNull(), LogColumns.CUSTOMER_ID, Reasons.CUSTOMER_NOT_IN_USERBASE)
                .applyTo(withResponse);
        return judged.withColumn(RESPONDED, col(RESPONDED).isNotNull())
                .withColumn(DAY, Values.DAY_CODE.apply(col(EPOCH_DAY)))
                .withColumn(HELD_OUT, heldOut(split).apply(col(SUBJECT), col(CUSTOMER), col(EPOCH_DAY)));
    }

    /** The split's own rule ({@link SendSplit#holdsOut}), carried to the executors as its fields. */
    private static UserDefinedFunction heldOut(SendSplit split) {
        String kind = split.kind().name();
        long from = split.heldOutFrom() == null ? 0 : split.heldOutFrom().toEpochDay();
        double share = split.heldOutShare();
        long seed = split.seed();
        return udf(
                (UDF3<Integer, Integer, Long, Boolean>) (subject, customer, epochDay) -> {
                    if (subject == null || customer == null || epochDay == null) {
                        return false;
                    }
                    SendSplit rebuilt = new SendSplit(
                            SendSplit.Kind.valueOf(kind),
                            kind.equals("BY_DATE") ? LocalDate.ofEpochDay(from) : null,
                            share,
                            seed);
                    return rebuilt.holdsOut(subject, customer, epochDay);
                },
                DataTypes.BooleanType);
    }

    /**
     * Counts the rows by reason (null: accepted) and refuses the ingest at the first refusal row a task met (a
     * record Commons CSV could not parse), as the CSV adapter refuses the file at that line.
     */
    private FileSummary account(LogInput input, Dataset<Row> judged, ProgressListener listener) {
        List<Row> counts = stages.run(
                "reading " + input.name,
                listener,
                () -> judged.groupBy(
                                col(LogInput.REASON),
                                col(LogInput.REFUSAL).isNotNull().as("refused"))
                        .agg(count(lit(1)))
                        .collectAsList());
        long accepted = 0;
        Map<String, Long> rejected = new HashMap<>();
        for (Row row : counts) {
            if (row.getBoolean(1)) {
                Row first = stages.run(
                        "reading " + input.name,
                        listener,
                        () -> judged.filter(col(LogInput.REFUSAL).isNotNull())
                                .orderBy(col(LogInput.PART), col(LogInput.ORD))
                                .first());
                throw new IngestRefusedException(
                        input.path,
                        first.getLong(first.fieldIndex(LogInput.LINE)),
                        first.getString(first.fieldIndex(LogInput.REFUSAL)));
            }
            if (row.isNullAt(0)) {
                accepted += row.getLong(2);
            } else {
                rejected.merge(row.getString(0), row.getLong(2), Long::sum);
            }
        }
        return input.summary(accepted, rejected);
    }

    private static Dataset<Row> rejected(Dataset<Row> judged, int fileOrder, LogInput input) {
        return judged.filter(col(LogInput.REASON).isNotNull())
                .select(
                        lit(fileOrder).as("file_order"),
                        col(LogInput.PART),
                        col(LogInput.ORD),
                        lit(input.name).as("file"),
                        col(LogInput.LINE),
                        col(LogInput.FIELD),
                        col(LogInput.REASON),
                        col(LogInput.VALUE));
    }

    private static AggregatedLogs aggregated(
            List<Row> cellRows,
            List<String> domains,
            Row pairCounts,
            SendSplit split,
            List<FileSummary> files,
            long customers,
            Path rejectsReport) {
        int[] subjects = cellRows.stream()
                .mapToInt(row -> row.getInt(1))
                .distinct()
                .sorted()
                .toArray();
        long cellsPerSubject = (long) Binning.DAY_LABELS.size()
                * Binning.TENURE_LABELS.size()
                * domains.size()
                * Binning.AGE_LABELS.size()
                * Binning.GENDER_LABELS.size()
                * Binning.TYPE_LABELS.size();
        if (subjects.length * cellsPerSubject > MAX_STATES) {
            throw new IngestRefusedException(
                    files.get(2).file(),
                    0,
                    "more than " + MAX_STATES / cellsPerSubject
                            + " distinct SubjectLine_ID values: the audience space would be too large");
        }
        StateSpace space = new StateSpace(subjects, domains);
        long[][] sends = {new long[space.size()], new long[space.size()]};
        long[][] responded = {new long[space.size()], new long[space.size()]};
        long totalSends = 0;
        long respondedSends = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Row row : cellRows) {
            int part = row.getBoolean(0) ? 1 : 0;
            int state = space.indexOfCodes(
                    space.subjectCode(row.getInt(1)),
                    row.getInt(2),
                    row.getInt(3),
                    space.domainCode(row.getString(4)),
                    row.getInt(5),
                    row.getInt(6),
                    row.getInt(7));
            sends[part][state] += row.getLong(8);
            responded[part][state] += row.getLong(9);
            totalSends += row.getLong(8);
            respondedSends += row.getLong(9);
            first = Math.min(first, row.getLong(10));
            last = Math.max(last, row.getLong(11));
        }
        long distinctPairs = pairCounts.getLong(0);
        long matched = pairCounts.isNullAt(1) ? 0 : pairCounts.getLong(1);
        IngestSummary summary = new IngestSummary(
                files,
                customers,
                totalSends,
                respondedSends,
                distinctPairs,
                distinctPairs - matched,
                LocalDate.ofEpochDay(first),
                LocalDate.ofEpochDay(last),
                rejectsReport.toString());
        Cells training = new Cells(space, sends[0], responded[0]);
        Optional<Cells> heldOut =
                split.isNone() ? Optional.empty() : Optional.of(new Cells(space, sends[1], responded[1]));
        return new AggregatedLogs(training, heldOut, split, summary);
    }

    /** A chain of rules, the first that a row breaks naming its field and reason; a row already rejected keeps its own. */
    private static final class Judgement {
        private Column reason = when(col(LogInput.REASON).isNotNull(), col(LogInput.REASON));
        private Column field = when(col(LogInput.REASON).isNotNull(), col(LogInput.FIELD));
        private Column value = when(col(LogInput.REASON).isNotNull(), col(LogInput.VALUE));

        Judgement rule(Column broken, String column, String why) {
            reason = reason.when(broken, lit(why));
            field = field.when(broken, lit(column));
            value = value.when(broken, col("`" + column + "`"));
            return this;
        }

        Dataset<Row> applyTo(Dataset<Row> rows) {
            // All three at once: each reads the row's earlier rejection, which the new reason replaces.
            return rows.withColumns(Map.of(LogInput.REASON, reason, LogInput.FIELD, field, LogInput.VALUE, value));
        }
    }
}
