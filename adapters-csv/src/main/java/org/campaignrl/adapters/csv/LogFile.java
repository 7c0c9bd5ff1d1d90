package org.campaignrl.adapters.csv;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.port.out.ProgressListener;

/**
 * One input log, opened with its header checked. Its rows are then streamed to a handler with their
 * physical line numbers, and the fate of every row (accepted, or rejected for a reason) is tallied.
 */
final class LogFile implements Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            // Extra columns may be unnamed (a pandas index) or repeated; only the required ones must be unique.
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final long MIN_PROGRESS_STEP = 64 * 1024;
    private static final long MAX_PROGRESS_STEP = 1024 * 1024;
    private static final int PROGRESS_REPORTS = 200;

    private final Path path;
    private final long size;
    private final CountingInputStream bytes;
    private final CSVParser parser;
    private final List<String> header;

    private long rowsRead;
    private long accepted;
    private final Object2LongOpenHashMap<String> rejectedByReason = new Object2LongOpenHashMap<>();

    private LogFile(Path path, long size, CountingInputStream bytes, CSVParser parser) {
        this.path = path;
        this.size = size;
        this.bytes = bytes;
        this.parser = parser;
        this.header = parser.getHeaderNames().stream().map(String::trim).toList();
    }

    /**
     * Opens a log and reads its header.
     *
     * @throws IngestRefusedException when the file is missing, unreadable, empty, or its header lacks
     *                                one of the required columns
     */
    static LogFile open(Path path, List<String> requiredColumns) {
        CountingInputStream bytes = null;
        try {
            long size = Files.size(path);
            bytes = new CountingInputStream(Files.newInputStream(path));
            CSVParser parser = FORMAT.parse(new InputStreamReader(skipBom(bytes), StandardCharsets.UTF_8));
            LogFile file = new LogFile(path, size, bytes, parser);
            file.checkHeader(requiredColumns);
            return file;
        } catch (NoSuchFileException e) {
            throw new IngestRefusedException(path.toString(), 0, "file not found", e);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(bytes);
            throw new IngestRefusedException(path.toString(), 0, "cannot be read: " + e.getMessage(), e);
        } catch (IngestRefusedException e) {
            closeQuietly(bytes);
            throw e;
        }
    }

    /** The file name as given, which the summary and the rejects report use. */
    String name() {
        return path.getFileName().toString();
    }

    /** Refuses the whole ingest because of this file; {@code line} 0 when no one line is at fault. */
    IngestRefusedException refusal(long line, String reason) {
        return new IngestRefusedException(path.toString(), line, reason);
    }

    /** The index of a required column, checked present when the file was opened. */
    int column(String name) {
        return header.indexOf(name);
    }

    String columnName(int column) {
        return header.get(column);
    }

    /**
     * Hands every data row to the handler (rows with the wrong number of values are rejected before
     * it sees them) and reports progress in bytes under the stage {@code "reading <file name>"}.
     *
     * @throws IngestRefusedException when the CSV is malformed beyond one row, such as an unclosed quote
     */
    void forEachRow(RejectsReport report, ProgressListener progress, Consumer<Row> handler) {
        String stage = "reading " + name();
        long step = Math.min(MAX_PROGRESS_STEP, Math.max(MIN_PROGRESS_STEP, size / PROGRESS_REPORTS));
        long nextProgress = step;
        progress.progress(stage, 0, size);

        Row row = new Row(this, report);
        long line = parser.getCurrentLineNumber() + 1;
        Iterator<CSVRecord> records = parser.iterator();
        for (CSVRecord record = next(records, line); record != null; record = next(records, line)) {
            row.moveTo(record, line);
            rowsRead++;
            if (row.size() != header.size()) {
                row.reject("", Reasons.WRONG_COLUMN_COUNT, row.size() + " values, the header has " + header.size());
            } else {
                handler.accept(row);
            }
            tally(row);
            if (bytes.count() >= nextProgress) {
                progress.progress(stage, Math.min(bytes.count(), size), size);
                nextProgress = bytes.count() + step;
            }
            // Where the parser stands now is where the next row starts, even after a quoted line break.
            line = parser.getCurrentLineNumber() + 1;
        }
        progress.progress(stage, size, size);
    }

    /** The next record, or null at the end; a failure to parse refuses the file at the line it happened. */
    private CSVRecord next(Iterator<CSVRecord> records, long line) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            String problem = e.getCause() instanceof CSVException ? "malformed CSV: " : "cannot be read further: ";
            throw new IngestRefusedException(path.toString(), line, problem + e.getCause().getMessage(), e);
        }
    }

    FileSummary summary() {
        Map<String, Long> rejected = new TreeMap<>(rejectedByReason);
        return new FileSummary(name(), rowsRead, accepted, rejected);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private void tally(Row row) {
        if (row.rejectedFor() == null) {
            accepted++;
        } else {
            rejectedByReason.addTo(row.rejectedFor(), 1);
        }
    }

    private void checkHeader(List<String> requiredColumns) {
        if (header.stream().allMatch(String::isEmpty)) {
            throw refusal(0, "the file is empty or has no header row");
        }
        for (String column : requiredColumns) {
            long times = header.stream().filter(column::equals).count();
            if (times == 0) {
                throw refusal(1, "the header has no column '" + column
                        + "' (it has " + header + "; required: " + requiredColumns + ")");
            }
            if (times > 1) {
                throw refusal(1, "the header has column '" + column
                        + "' " + times + " times");
            }
        }
    }

    /** Leaves the stream after a UTF-8 byte order mark, if there is one. */
    private static InputStream skipBom(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, UTF8_BOM.length);
        byte[] start = pushback.readNBytes(UTF8_BOM.length);
        if (!Arrays.equals(start, UTF8_BOM)) {
            pushback.unread(start);
        }
        return pushback;
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // The refusal already says what went wrong.
            }
        }
    }
}
