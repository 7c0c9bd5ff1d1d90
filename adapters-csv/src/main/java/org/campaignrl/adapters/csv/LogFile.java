package org.campaignrl.adapters.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.port.out.ProgressListener;

/**
 * One input log, opened with its header checked. Its rows are then streamed to handlers with their
 * physical line numbers, and the fate of every row (accepted, or rejected for a reason) is tallied.
 *
 * <p>Commons CSV reads the header, and the rows too whenever the {@link PartedReader} fast path is not sure
 * to read them exactly as it would (a quoted value over several lines, say): both hand the same
 * {@link Row} to the same handlers, so the rules, the counts and the rejects report do not depend on the
 * path taken.
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
    /** The longest header line the fast path looks for; a longer one leaves the file to Commons CSV. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private final Path path;
    private final long size;
    private final CountingInputStream bytes;
    private final CSVParser parser;
    private final List<String> header;
    private final int columnCount;
    private final Tally tally = new Tally();

    private LogFile(Path path, long size, CountingInputStream bytes, CSVParser parser) {
        this.path = path;
        this.size = size;
        this.bytes = bytes;
        this.parser = parser;
        this.header = parser.getHeaderNames().stream().map(String::trim).toList();
        this.columnCount = header.size();
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

    int columnCount() {
        return columnCount;
    }

    long size() {
        return size;
    }

    /**
     * Hands every data row to a handler (rows with the wrong number of values are rejected before any
     * handler sees them) and reports progress in bytes under the stage {@code "reading <file name>"}.
     * The rows are read in up to {@code settings.maxParts()} parts at once, each with its own handler
     * from {@code newHandler}, given the part's index: 0 whenever a reading of the file starts, which
     * happens a second time when the fast path gives way to Commons CSV (handlers that share something
     * between parts start it afresh for part 0, see {@link SendRows#parts}). Use
     * {@link PartedReader.Settings#onePart()} where the handler must see the rows in file order.
     *
     * @return the handlers of the parts, in file order
     * @throws IngestRefusedException when the CSV is malformed beyond one row, such as an unclosed quote
     */
    <H extends RowHandler> List<H> forEachRow(RejectsReport report, ProgressListener listener,
                                              PartedReader.Settings settings, IntFunction<H> newHandler) {
        Progress progress = new Progress("reading " + name(), size, listener);
        progress.start();
        long dataStart = settings.fastPath() ? dataStart() : -1;
        if (dataStart >= 0) {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                List<H> handlers = new PartedReader(this, channel, settings)
                        .read(dataStart, size, newHandler, report, tally, progress);
                progress.end();
                return handlers;
            } catch (PartedReader.Unsure e) {
                // Read again below, from the start: nothing of the first attempt was reported or tallied.
            } catch (IOException e) {
                throw new IngestRefusedException(path.toString(), 0, "cannot be read further: " + e.getMessage(), e);
            }
        }
        H handler = newHandler.apply(0);
        readWithCommonsCsv(report, progress, handler);
        progress.end();
        return List.of(handler);
    }

    /** The general path: Commons CSV reads every record, on this thread, with its physical line. */
    private void readWithCommonsCsv(RejectsReport report, Progress progress, RowHandler handler) {
        Row row = new Row(this, report, tally, true);
        long line = parser.getCurrentLineNumber() + 1;
        Iterator<CSVRecord> records = parser.iterator();
        for (CSVRecord record = next(records, line); record != null; record = next(records, line)) {
            row.moveTo(record, line);
            handle(row, handler);
            progress.report(bytes.count());
            // Where the parser stands now is where the next row starts, even after a quoted line break.
            line = parser.getCurrentLineNumber() + 1;
        }
    }

    /** Checks the number of values, hands the row to the handler, and tallies what became of it. */
    void handle(Row row, RowHandler handler) {
        if (row.size() != columnCount) {
            row.reject("", Reasons.WRONG_COLUMN_COUNT, row.size() + " values, the header has " + columnCount);
        } else {
            handler.accept(row);
        }
        row.tally();
    }

    /**
     * Where the data rows start when the header is one plain physical line (no quote, no lone CR), so
     * that the fast path may start there; -1 otherwise, and Commons CSV reads the rows too.
     */
    private long dataStart() {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer start = ByteBuffer.allocate((int) Math.min(size, MAX_HEADER_BYTES));
            while (start.hasRemaining() && channel.read(start) >= 0) {
                // read on
            }
            byte[] head = Arrays.copyOf(start.array(), start.position());
            int from = head.length >= UTF8_BOM.length && Arrays.equals(head, 0, UTF8_BOM.length, UTF8_BOM, 0,
                    UTF8_BOM.length) ? UTF8_BOM.length : 0;
            for (int i = from; i < head.length; i++) {
                if (head[i] == '\n') {
                    return i + 1;
                }
                if (head[i] == '"' || (head[i] == '\r' && (i + 1 == head.length || head[i + 1] != '\n'))) {
                    return -1;
                }
            }
            return head.length == size ? size : -1;
        } catch (IOException e) {
            return -1; // Commons CSV read the header; let it read the rows and say what went wrong
        }
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
        return new FileSummary(name(), tally.rowsRead(), tally.accepted(), tally.rejectedByReason());
    }

    /**
     * Reports bytes read, at most about {@value #PROGRESS_REPORTS} times, never going back: when the fast
     * path gives way to Commons CSV halfway, the bar waits until the second reading passes the first.
     */
    static final class Progress {
        private final String stage;
        private final long size;
        private final ProgressListener listener;
        private final long step;
        private long next;

        Progress(String stage, long size, ProgressListener listener) {
            this.stage = stage;
            this.size = size;
            this.listener = listener;
            this.step = Math.min(MAX_PROGRESS_STEP, Math.max(MIN_PROGRESS_STEP, size / PROGRESS_REPORTS));
            this.next = step;
        }

        void start() {
            listener.progress(stage, 0, size);
        }

        void report(long done) {
            if (done >= next) {
                listener.progress(stage, Math.min(done, size), size);
                next = done + step;
            }
        }

        void end() {
            listener.progress(stage, size, size);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
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
