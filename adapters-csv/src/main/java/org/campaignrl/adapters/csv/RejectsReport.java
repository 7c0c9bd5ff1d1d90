package org.campaignrl.adapters.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.campaignrl.adapters.csv.fastpath.RejectSink;

/** The rejected rows, written as they are found so that none is held in memory. */
final class RejectsReport implements RejectSink, Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader("file", "line", "field", "reason", "value")
            .setRecordSeparator('\n')
            .get();

    private final Path path;
    private final CSVPrinter printer;

    private RejectsReport(Path path, CSVPrinter printer) {
        this.path = path;
        this.printer = printer;
    }

    /** Creates (or replaces) the report, header included, so an ingest without rejections still leaves one. */
    static RejectsReport create(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new RejectsReport(path, FORMAT.print(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects report " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void reject(String file, long line, String field, String reason, String value) {
        try {
            printer.printRecord(file, line, field, reason, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects report " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
