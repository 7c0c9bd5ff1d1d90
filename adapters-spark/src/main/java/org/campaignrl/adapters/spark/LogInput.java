package org.campaignrl.adapters.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.logs.FileFormat;
import org.campaignrl.application.logs.LogColumns;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.FileSummary;

/**
 * One of the three logs, opened on the driver: CSV (a file, or a folder of part files with the same header) or
 * Parquet (a path ending in {@code .parquet}), from any path Spark reads. A CSV log has its encoding and
 * delimiter decided and its header checked from its first bytes, as the CSV adapter does (the shared
 * {@link FileFormat} and {@link LogColumns}), before any task runs; then its records become rows of one schema:
 * where the record is in the file ({@code part}, {@code ord}), the line it is reported at, the rejection it met
 * before its log's rules (or null), and its required values as text, named as the columns.
 */
final class LogInput {
    static final String PART = "part";
    static final String ORD = "ord";
    static final String LINE = "line";
    static final String REASON = "reason";
    static final String FIELD = "field";
    static final String VALUE = "value";
    static final String REFUSAL = "refusal";
    /** The columns before the required values: part, ord, line, reason, field, value, refusal. */
    static final int FIXED_COLUMNS = 7;
    /** The bytes the encoding and the delimiter are decided from: the CSV adapter's. */
    private static final int HEAD_BYTES = 1 << 20;

    /** The path as refusals name it. */
    final String path;

    final String name;
    final List<String> required;
    final Optional<CsvFormat.Used> used;
    final Dataset<Row> rows;

    private LogInput(
            String path, String name, List<String> required, Optional<CsvFormat.Used> used, Dataset<Row> rows) {
        this.path = path;
        this.name = name;
        this.required = required;
        this.used = used;
        this.rows = rows;
    }

    static StructType schema(List<String> required) {
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField(PART, DataTypes.StringType, false),
                DataTypes.createStructField(ORD, DataTypes.LongType, false),
                DataTypes.createStructField(LINE, DataTypes.LongType, false),
                DataTypes.createStructField(REASON, DataTypes.StringType, true),
                DataTypes.createStructField(FIELD, DataTypes.StringType, true),
                DataTypes.createStructField(VALUE, DataTypes.StringType, true),
                DataTypes.createStructField(REFUSAL, DataTypes.StringType, true)));
        required.forEach(name -> fields.add(DataTypes.createStructField(name, DataTypes.StringType, true)));
        return DataTypes.createStructType(fields);
    }

    /** A row that refuses the whole ingest at {@code line} of the file, with {@code reason}. */
    static Row refusal(String part, long line, String reason, int requiredColumns) {
        Object[] values = new Object[FIXED_COLUMNS + requiredColumns];
        values[0] = part;
        values[1] = line;
        values[2] = line;
        values[6] = reason;
        return RowFactory.create(values);
    }

    /**
     * @param shown how refusals and the summary name the file: the path as the user gave it
     * @throws IngestRefusedException when the file is missing, unreadable, or refused by its header (as the CSV
     *                                adapter refuses it)
     */
    static LogInput open(SparkSession spark, String path, String shown, List<String> required, CsvFormat given) {
        Path hadoopPath = new Path(path);
        String name = hadoopPath.getName();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            FileSystem fs = hadoopPath.getFileSystem(conf);
            List<FileStatus> files = dataFiles(fs, hadoopPath);
            if (isParquet(path)) {
                return parquet(spark, path, shown, name, required);
            }
            FileStatus first = files.get(0);
            byte[] head = head(fs, first);
            FileFormat format = FileFormat.decide(head, head.length == first.getLen(), given, required);
            List<String> header = format.header(head);
            LogColumns.problem(header, required).ifPresent(problem -> {
                throw new IngestRefusedException(shown, problem.line(), problem.reason());
            });
            CsvRecords records = new CsvRecords(
                    format.charset().name(),
                    format.keepsBytes(),
                    format.bomLength(),
                    format.delimiter(),
                    header,
                    required,
                    given.maxLineBytes());
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Dataset<Row> rows = spark.createDataFrame(
                    context.binaryFiles(path, files.size()).flatMap(records::rows), schema(required));
            return new LogInput(shown, name, required, Optional.of(format.used()), rows);
        } catch (FileFormat.Undecided e) {
            throw new IngestRefusedException(shown, 1, e.getMessage());
        } catch (FileNotFoundException e) {
            throw new IngestRefusedException(shown, 0, "file not found", e);
        } catch (IOException e) {
            throw new IngestRefusedException(shown, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean isParquet(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".parquet") || lower.endsWith(".parquet/");
    }

    /** The files a path stands for: itself, or a folder's files but those Spark and Hadoop leave beside data. */
    private static List<FileStatus> dataFiles(FileSystem fs, Path path) throws IOException {
        FileStatus status = fs.getFileStatus(path);
        if (!status.isDirectory()) {
            return List.of(status);
        }
        List<FileStatus> files = new ArrayList<>(Arrays.stream(fs.listStatus(path))
                .filter(FileStatus::isFile)
                .filter(file -> !file.getPath().getName().startsWith("_")
                        && !file.getPath().getName().startsWith("."))
                .toList());
        files.sort(Comparator.comparing(file -> file.getPath().getName()));
        if (files.isEmpty()) {
            throw new IngestRefusedException(path.toString(), 0, "the folder holds no file");
        }
        return files;
    }

    private static byte[] head(FileSystem fs, FileStatus file) throws IOException {
        try (InputStream in = fs.open(file.getPath())) {
            return in.readNBytes((int) Math.min(HEAD_BYTES, file.getLen()));
        }
    }

    /**
     * Parquet has typed columns and no lines: the required columns are taken by name and read as text (an
     * integer column as its digits, a date as yyyy-MM-dd, a timestamp as yyyy-MM-dd HH:mm:ss), so that the same
     * rules judge them; rows are in file order within each task, and reported at line 0.
     */
    private static LogInput parquet(SparkSession spark, String path, String shown, String name, List<String> required) {
        Dataset<Row> table = spark.read().parquet(path);
        List<String> columns = Arrays.asList(table.columns());
        LogColumns.problem(columns, required).ifPresent(problem -> {
            throw new IngestRefusedException(shown, 0, problem.reason());
        });
        List<Column> select = new ArrayList<>(List.of(
                lit("").as(PART), // ord alone is in file order: the partition is in its upper bits
                monotonically_increasing_id().as(ORD),
                lit(0L).as(LINE),
                lit(null).cast(DataTypes.StringType).as(REASON),
                lit(null).cast(DataTypes.StringType).as(FIELD),
                lit(null).cast(DataTypes.StringType).as(VALUE),
                lit(null).cast(DataTypes.StringType).as(REFUSAL)));
        required.forEach(column ->
                select.add(col("`" + column + "`").cast(DataTypes.StringType).as(column)));
        return new LogInput(shown, name, required, Optional.empty(), table.select(select.toArray(Column[]::new)));
    }

    /** What became of every row, from the counts by reason (null: accepted). */
    FileSummary summary(long accepted, java.util.Map<String, Long> rejectedByReason) {
        long read = accepted
                + rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
        return new FileSummary(name, read, accepted, rejectedByReason, used);
    }
}
