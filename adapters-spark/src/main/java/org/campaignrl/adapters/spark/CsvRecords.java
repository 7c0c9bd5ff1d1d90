package org.campaignrl.adapters.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.campaignrl.application.logs.LogColumns;
import org.campaignrl.application.logs.Reasons;
import org.campaignrl.application.logs.Utf8;
import scala.Tuple2;

/**
 * Turns one CSV file, on an executor, into {@link LogInput} rows: each record with its physical line, its
 * required values, and the rejection every record meets before the rules of its log (too long, the wrong number
 * of values, a byte that is no UTF-8), in the order the CSV adapter checks them. Commons CSV parses the records
 * with the CSV adapter's dialect (RFC 4180 at the file's delimiter), so that a blank line is a record of one empty
 * value, a quoted value may span lines, and lines are counted alike. A record Commons CSV cannot parse (an
 * unclosed quote) ends the file with a refusal row.
 *
 * <p>A file is one task: CSV with values over several lines cannot be cut at a line break. Many files (a folder
 * of parts) are read in parallel; see docs/spark.md.
 */
final class CsvRecords implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String charsetName;
    private final boolean keepsBytes;
    private final int bomLength;
    private final char delimiter;
    private final List<String> header;
    private final List<String> required;
    private final int maxLineBytes;

    CsvRecords(
            String charsetName,
            boolean keepsBytes,
            int bomLength,
            char delimiter,
            List<String> header,
            List<String> required,
            int maxLineBytes) {
        this.charsetName = charsetName;
        this.keepsBytes = keepsBytes;
        this.bomLength = bomLength;
        this.delimiter = delimiter;
        this.header = new ArrayList<>(header);
        this.required = new ArrayList<>(required);
        this.maxLineBytes = maxLineBytes;
    }

    /** The rows of one file of {@code binaryFiles}, read lazily. */
    Iterator<Row> rows(Tuple2<String, PortableDataStream> file) throws IOException {
        InputStream in = file._2().open();
        in.skipNBytes(bomLength);
        // A UTF-8 file's bytes reach the values as they are (ISO-8859-1 maps each to one char), to be checked.
        Charset readAs = keepsBytes ? StandardCharsets.ISO_8859_1 : Charset.forName(charsetName);
        CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .get()
                .parse(new InputStreamReader(
                        in,
                        readAs.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        return new Records(file._1(), parser);
    }

    private final class Records implements Iterator<Row> {
        private final String part;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final int[] requiredIndex = new int[required.size()];
        private long line = 1;
        private boolean headerRead;
        private boolean done;
        private Row next;

        Records(String part, CSVParser parser) {
            this.part = part;
            this.parser = parser;
            this.records = parser.iterator();
            for (int i = 0; i < required.size(); i++) {
                requiredIndex[i] = header.indexOf(required.get(i));
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = next;
            next = null;
            return row;
        }

        private Row advance() {
            CSVRecord record;
            try {
                if (!headerRead) {
                    headerRead = true;
                    if (!records.hasNext()) {
                        return finish();
                    }
                    CSVRecord names = records.next();
                    line = parser.getCurrentLineNumber() + 1;
                    List<String> found = new ArrayList<>();
                    names.forEach(name -> found.add(text(name).trim()));
                    if (!found.equals(header)) {
                        done = true;
                        close();
                        return LogInput.refusal(
                                part, 1, "the header " + found + " is not the first part's " + header, required.size());
                    }
                }
                if (!records.hasNext()) {
                    return finish();
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                done = true;
                close();
                String problem = e.getCause() instanceof CSVException ? "malformed CSV: " : "cannot be read further: ";
                return LogInput.refusal(part, line, problem + e.getCause().getMessage(), required.size());
            }
            long at = line;
            line = parser.getCurrentLineNumber() + 1;
            return row(record, at);
        }

        private Row finish() {
            done = true;
            close();
            return null;
        }

        private Row row(CSVRecord record, long at) {
            Object[] values = new Object[LogInput.FIXED_COLUMNS + required.size()];
            values[0] = part;
            values[1] = at;
            values[2] = at;
            long bytes = record.size() - 1L;
            for (String value : record) {
                bytes += keepsBytes ? value.length() : value.getBytes(StandardCharsets.UTF_8).length;
            }
            if (bytes > maxLineBytes) {
                return reject(
                        values,
                        "",
                        Reasons.LINE_TOO_LONG,
                        "more than " + maxLineBytes + " bytes" + LogColumns.RAISE_THE_LIMIT);
            }
            if (record.size() != header.size()) {
                return reject(
                        values,
                        "",
                        Reasons.WRONG_COLUMN_COUNT,
                        record.size() + " values, the header has " + header.size());
            }
            if (keepsBytes) {
                for (int column = 0; column < record.size(); column++) {
                    byte[] raw = record.get(column).getBytes(StandardCharsets.ISO_8859_1);
                    if (Utf8.firstMalformed(raw, 0, raw.length) >= 0) {
                        return reject(
                                values, header.get(column), Reasons.NOT_UTF8, new String(raw, StandardCharsets.UTF_8));
                    }
                }
            }
            for (int i = 0; i < requiredIndex.length; i++) {
                values[LogInput.FIXED_COLUMNS + i] = text(record.get(requiredIndex[i]));
            }
            return RowFactory.create(values);
        }

        private Row reject(Object[] values, String field, String reason, String value) {
            values[3] = reason;
            values[4] = field;
            values[5] = value;
            return RowFactory.create(values);
        }

        /** The value as text: a UTF-8 file's bytes decoded, any other file's chars as they are. */
        private String text(String value) {
            return keepsBytes ? new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : value;
        }

        private void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
