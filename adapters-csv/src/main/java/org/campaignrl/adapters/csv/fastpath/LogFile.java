package org.campaignrl.adapters.csv.fastpath;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
import org.campaignrl.application.logs.FileFormat;
import org.campaignrl.application.logs.LogColumns;
import org.campaignrl.application.logs.Reasons;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.port.ProgressListener;

/**
 * One input log, opened with its header checked. Its rows are then streamed to handlers with their
 * physical line numbers, by the {@link PartedReader} fast path or by Commons CSV, and the fate of every row
 * (accepted, or rejected for a reason) is tallied; what both paths promise is the package's contract
 * ({@code package-info}).
 */
public final class LogFile implements Closeable {
    private static final byte[] NO_BYTES = {};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            // Extra columns may be unnamed (a pandas index) or repeated; only the required ones must be unique.
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();
    private static final long MIN_PROGRESS_STEP = 64 * 1024;
    private static final long MAX_PROGRESS_STEP = 1024 * 1024;
    private static final int PROGRESS_REPORTS = 200;
    /**
     * The first bytes, which decide the encoding and the delimiter; the longest header line the fast path
     * looks for (a longer one leaves the file to Commons CSV).
     */
    private static final int HEAD_BYTES = 1 << 20;

    private final Path path;
    private final long size;
    private final FileFormat format;
    /** Where the fast path may start reading rows, or -1 where only Commons CSV may read them. */
    private final long fastPathStart;

    private final CountingInputStream bytes;
    /** Between the bytes and Commons CSV: no record beyond the line limit reaches the parser. */
    private final LineLimitReader text;

    private final int maxLineBytes;
    /** Reads the records; replaced by a new one after a record beyond the line limit (see {@link #readWithCommonsCsv}). */
    private CSVParser parser;

    private final List<String> header;
    private final int columnCount;
    private final Tally tally = new Tally();

    private LogFile(
            Path path,
            long size,
            FileFormat format,
            long fastPathStart,
            CountingInputStream bytes,
            LineLimitReader text,
            int maxLineBytes,
            CSVParser parser) {
        this.path = path;
        this.size = size;
        this.format = format;
        this.fastPathStart = fastPathStart;
        this.bytes = bytes;
        this.text = text;
        this.maxLineBytes = maxLineBytes;
        this.parser = parser;
        this.header = parser.getHeaderNames().stream()
                .map(name -> format.keepsBytes()
                        ? new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                        : name)
                .map(String::trim)
                .toList();
        this.columnCount = header.size();
    }

    /**
     * Opens a log, decides its encoding and delimiter (or takes the given ones), and reads its header.
     *
     * @throws IngestRefusedException when the file is missing, unreadable, empty, no delimiter (or not the
     *                                given one) splits its header line, its header line is longer than
     *                                {@link CsvFormat#maxLineBytes()}, or its header lacks one of the required
     *                                columns
     */
    public static LogFile open(Path path, List<String> requiredColumns, CsvFormat given) {
        CountingInputStream bytes = null;
        try {
            refuseUnlessRegularFile(path);
            long size = Files.size(path);
            byte[] head = head(path, size);
            FileFormat format = FileFormat.decide(head, head.length == size, given, requiredColumns);
            long fastPathStart = format.isUtf8WithCommas() ? dataStart(head, format.bomLength(), size) : -1;
            bytes = new CountingInputStream(Files.newInputStream(path));
            bytes.skipNBytes(format.bomLength());
            // A UTF-8 file's bytes reach the rows as they are: ISO-8859-1 turns each into one char and back.
            Charset readAs = format.keepsBytes() ? StandardCharsets.ISO_8859_1 : format.charset();
            LineLimitReader text = new LineLimitReader(
                    new InputStreamReader(
                            bytes,
                            readAs.newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPLACE)
                                    .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                    format.delimiter(),
                    given.maxLineBytes());
            CSVParser parser =
                    FORMAT.builder().setDelimiter(format.delimiter()).get().parse(text);
            LogFile file = new LogFile(path, size, format, fastPathStart, bytes, text, given.maxLineBytes(), parser);
            file.checkHeader(requiredColumns);
            return file;
        } catch (FileFormat.Undecided e) {
            closeQuietly(bytes);
            throw new IngestRefusedException(path.toString(), 1, e.getMessage());
        } catch (LineLimitReader.TooLong e) {
            closeQuietly(bytes);
            throw new IngestRefusedException(
                    path.toString(),
                    1,
                    "the header line is longer than " + given.maxLineBytes() + " bytes, the line limit"
                            + LogColumns.RAISE_THE_LIMIT);
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

    /**
     * Only a regular file (or a link to one) is read: a FIFO would block the ingest, and every job queued
     * behind it, until something writes to it; a device such as {@code /dev/zero} never ends; a directory has
     * no rows. Refused naming what the path is.
     */
    private static void refuseUnlessRegularFile(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            String kind = attributes.isDirectory() ? "a directory" : "a FIFO, a device or a socket";
            throw new IngestRefusedException(
                    path.toString(), 0, "not a regular file (it is " + kind + "): only " + "regular files are read");
        }
    }

    /** The file name as given, which the summary and the rejects report use. */
    String name() {
        return path.getFileName().toString();
    }

    /** How the chars of a record Commons CSV read turn back into the row's bytes (see the class comment). */
    Charset recordCharset() {
        return format.keepsBytes() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    }

    /** Refuses the whole ingest because of this file; {@code line} 0 when no one line is at fault. */
    public IngestRefusedException refusal(long line, String reason) {
        return new IngestRefusedException(path.toString(), line, reason);
    }

    /** The index of a required column, checked present when the file was opened. */
    public int column(String name) {
        return header.indexOf(name);
    }

    String columnName(int column) {
        return header.get(column);
    }

    int columnCount() {
        return columnCount;
    }

    /** The most bytes a row may hold (see {@link CsvFormat#maxLineBytes()}). */
    int maxLineBytes() {
        return maxLineBytes;
    }

    /** Rejects a row longer than {@link #maxLineBytes()}, whichever path found it, and tallies it. */
    void rejectTooLong(Row row) {
        row.reject("", Reasons.LINE_TOO_LONG, "more than " + maxLineBytes + " bytes" + LogColumns.RAISE_THE_LIMIT);
        row.tally();
    }

    public long size() {
        return size;
    }

    /**
     * Hands every data row to a handler (rows with the wrong number of values are rejected before any
     * handler sees them) and reports progress in bytes under the stage {@code "reading <file name>"}.
     * The rows are read in up to {@code settings.maxParts()} parts at once, each with its own handler
     * from {@code newHandler}, given the part's index: 0 whenever a reading of the file starts, which
     * happens a second time when the fast path gives way to Commons CSV (handlers that share something
     * between parts start it afresh for part 0, see {@code SendRows.parts}). Use
     * {@link PartedReader.Settings#onePart()} where the handler must see the rows in file order.
     *
     * @return the handlers of the parts, in file order
     * @throws IngestRefusedException when the CSV is malformed beyond one row, such as an unclosed quote
     */
    public <H extends RowHandler> List<H> forEachRow(
            RejectSink report, ProgressListener listener, PartedReader.Settings settings, IntFunction<H> newHandler) {
        Progress progress = new Progress("reading " + name(), size, listener);
        progress.start();
        long dataStart = settings.fastPath() ? fastPathStart : -1;
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

    /**
     * The general path: Commons CSV reads every record, on this thread, with its physical line. A record
     * beyond the line limit never reaches the parser whole: the reader stops it (see {@link LineLimitReader}),
     * the row is rejected, and a new parser reads on from the next record, its lines counted on from there.
     */
    private void readWithCommonsCsv(RejectSink report, Progress progress, RowHandler handler) {
        Row row = new Row(this, report, tally, true);
        long linesBefore = 0; // the line breaks before the current parser's first character
        long line = parser.getCurrentLineNumber() + 1;
        Iterator<CSVRecord> records = parser.iterator();
        while (true) {
            CSVRecord record;
            try {
                record = next(records, line);
            } catch (TooLongRecord e) {
                row.moveTo(NO_BYTES, line);
                rejectTooLong(row);
                skipRecord(line);
                linesBefore = text.lineBreaks();
                parser = parseRest(line);
                records = parser.iterator();
                line = linesBefore + 1;
                continue;
            }
            if (record == null) {
                return;
            }
            row.moveTo(record, line);
            handle(row, handler);
            progress.report(bytes.count());
            // Where the parser stands now is where the next row starts, even after a quoted line break.
            line = linesBefore + parser.getCurrentLineNumber() + 1;
        }
    }

    /** How the rows after a record beyond the line limit are read: as the first parser read them, without a header. */
    private CSVFormat restFormat() {
        return CSVFormat.RFC4180.builder().setDelimiter(format.delimiter()).get();
    }

    private CSVParser parseRest(long line) {
        try {
            return restFormat().parse(text);
        } catch (IOException e) {
            throw new IngestRefusedException(path.toString(), line, "cannot be read further: " + e.getMessage(), e);
        }
    }

    private void skipRecord(long line) {
        try {
            text.skipRecord();
        } catch (IOException e) {
            throw new IngestRefusedException(path.toString(), line, "cannot be read further: " + e.getMessage(), e);
        }
    }

    /** The record being read is beyond the line limit: {@link #readWithCommonsCsv} rejects it and reads on. */
    private static final class TooLongRecord extends RuntimeException {
        TooLongRecord() {
            super(null, null, false, false);
        }
    }

    /**
     * Checks the number of values and, in a file read as UTF-8, that they are UTF-8; hands the row to the
     * handler, and tallies what became of it. Only a row with a byte beyond ASCII is checked for UTF-8.
     */
    void handle(Row row, RowHandler handler) {
        if (row.size() != columnCount) {
            row.reject("", Reasons.WRONG_COLUMN_COUNT, row.size() + " values, the header has " + columnCount);
        } else if (row.beyondAscii() && row.firstColumnNotUtf8() >= 0) {
            row.reject(row.firstColumnNotUtf8(), Reasons.NOT_UTF8);
        } else {
            handler.accept(row);
        }
        row.tally();
    }

    /** The file's first {@value #HEAD_BYTES} bytes, or all of them in a smaller file. */
    private static byte[] head(Path path, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer start = ByteBuffer.allocate((int) Math.min(size, HEAD_BYTES));
            while (start.hasRemaining() && channel.read(start) >= 0) {
                // read on
            }
            return Arrays.copyOf(start.array(), start.position());
        }
    }

    /**
     * Where the data rows start when the header is one plain physical line (no quote, no lone CR) within
     * the head, so that the fast path may start there; -1 otherwise, and Commons CSV reads the rows too.
     */
    private static long dataStart(byte[] head, int from, long size) {
        for (int i = from; i < head.length; i++) {
            if (head[i] == '\n') {
                return i + 1;
            }
            if (head[i] == '"' || (head[i] == '\r' && (i + 1 == head.length || head[i + 1] != '\n'))) {
                return -1;
            }
        }
        return head.length == size ? size : -1;
    }

    /** The next record, or null at the end; a failure to parse refuses the file at the line it happened. */
    private CSVRecord next(Iterator<CSVRecord> records, long line) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof LineLimitReader.TooLong) {
                throw new TooLongRecord();
            }
            String problem = e.getCause() instanceof CSVException ? "malformed CSV: " : "cannot be read further: ";
            throw new IngestRefusedException(
                    path.toString(), line, problem + e.getCause().getMessage(), e);
        }
    }

    public FileSummary summary() {
        return new FileSummary(name(), tally.rowsRead(), tally.accepted(), tally.rejectedByReason(), format.used());
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
        LogColumns.problem(header, requiredColumns).ifPresent(problem -> {
            throw refusal(problem.line(), problem.reason());
        });
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
