package org.campaignrl.adapters.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignrl.application.port.ProgressListener;

/**
 * Writes the rejected rows of the three logs to the rejects report on the driver, in the CSV adapter's layout
 * and order (userbase, responded, sent; each in file order), streamed a partition at a time so that the driver
 * never holds them all.
 */
final class RejectsWriter {
    /** The layout of rejected_rows.csv, which the rejected-rows reader of the web side reads for either engine. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader("file", "line", "field", "reason", "value")
            .setRecordSeparator('\n')
            .get();

    private RejectsWriter() {}

    static void write(Path report, SparkProgress stages, ProgressListener listener, List<Dataset<Row>> files) {
        Dataset<Row> all = files.get(0);
        for (int i = 1; i < files.size(); i++) {
            all = all.unionByName(files.get(i));
        }
        Dataset<Row> ordered = all.orderBy(col("file_order"), col(LogInput.PART), col(LogInput.ORD));
        try {
            Path parent = report.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (CSVPrinter printer = FORMAT.print(report, StandardCharsets.UTF_8)) {
                stages.run("writing " + report.getFileName(), listener, () -> {
                    Iterator<Row> rows = ordered.toLocalIterator();
                    while (rows.hasNext()) {
                        Row row = rows.next();
                        print(printer, row);
                    }
                    return null;
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects report " + report + ": " + e.getMessage(), e);
        }
    }

    private static void print(CSVPrinter printer, Row row) {
        try {
            printer.printRecord(
                    row.getAs("file"),
                    row.getAs(LogInput.LINE),
                    row.getAs(LogInput.FIELD),
                    row.getAs(LogInput.REASON),
                    row.getAs(LogInput.VALUE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
