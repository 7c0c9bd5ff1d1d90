package org.campaignrl.adapters.csv.fastpath;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The fast path of {@link LogFile}: reads the data rows of a CSV file straight from its bytes, cut into parts at
 * line starts that are read on as many threads. What it reads, what it leaves to Commons CSV ({@link Unsure}),
 * how long lines and line numbers are handled: the package's contract ({@code package-info}).
 */
public final class PartedReader {
    /**
     * How a file is cut: at most {@code maxParts} parts of at least {@code minPartBytes}, read
     * {@code bufferBytes} at a time. No parts at all leaves every file to Commons CSV, as the tests
     * that compare both paths need.
     */
    public record Settings(int maxParts, long minPartBytes, int bufferBytes) {
        /** Parts only pay off on large files: a thread per 4 MiB at least, one per core at most. */
        public static final Settings DEFAULT =
                new Settings(Runtime.getRuntime().availableProcessors(), 4 << 20, 1 << 20);

        public static final Settings COMMONS_CSV_ONLY = new Settings(0, 1, 2);

        public Settings {
            if (maxParts < 0 || minPartBytes < 1 || bufferBytes < 2) {
                throw new IllegalArgumentException(
                        "parts " + maxParts + ", part bytes " + minPartBytes + ", buffer " + bufferBytes);
            }
        }

        boolean fastPath() {
            return maxParts > 0;
        }

        public Settings onePart() {
            return new Settings(Math.min(1, maxParts), minPartBytes, bufferBytes);
        }
    }

    /** This reader cannot be sure to read the file as Commons CSV would; the file must be read again by it. */
    static final class Unsure extends RuntimeException {
        Unsure(String why) {
            super(why, null, false, false);
        }
    }

    /** One part being read: its own handler, tally and rejected rows, and how many line breaks it crossed. */
    private static final class Part<H extends RowHandler> {
        final H handler;
        final Tally tally = new Tally();
        final RejectBuffer rejects = new RejectBuffer();
        final long from;
        final long to;
        long lineBreaks;

        Part(H handler, long from, long to) {
            this.handler = handler;
            this.from = from;
            this.to = to;
        }
    }

    /** The first line of data: the header is line 1, and the reader only runs when it is one physical line. */
    private static final long FIRST_DATA_LINE = 2;

    private static final long PROGRESS_POLL_MILLIS = 50;

    private final LogFile file;
    private final FileChannel channel;
    private final Settings settings;
    /** Bytes read so far by each part, for progress from the calling thread. */
    private AtomicLongArray bytesRead;
    /** Set when a part failed, so that the others stop at their next buffer. */
    private volatile boolean stop;

    PartedReader(LogFile file, FileChannel channel, Settings settings) {
        this.file = file;
        this.channel = channel;
        this.settings = settings;
    }

    /**
     * Reads the rows from {@code dataStart} to the end of the file, adds each part's tally to
     * {@code tally} and its rejected rows to {@code report}, in file order.
     *
     * @return the handlers of the parts, in file order
     * @throws Unsure when the file must be read by Commons CSV instead (nothing was reported then)
     */
    <H extends RowHandler> List<H> read(
            long dataStart,
            long size,
            IntFunction<H> newHandler,
            RejectSink report,
            Tally tally,
            LogFile.Progress progress)
            throws IOException {
        long[] cuts = cut(dataStart, size);
        List<Part<H>> parts = new ArrayList<>();
        for (int p = 0; p + 1 < cuts.length; p++) {
            parts.add(new Part<>(newHandler.apply(p), cuts[p], cuts[p + 1]));
        }
        bytesRead = new AtomicLongArray(parts.size());
        try {
            readAll(parts, progress);
            long line = FIRST_DATA_LINE;
            for (int p = 0; p < parts.size(); p++) {
                Part<H> part = parts.get(p);
                // Part 0 counted its lines from the file's first data line; the others from 0.
                part.rejects.replay(file.name(), p == 0 ? 0 : line, report);
                line += part.lineBreaks;
                tally.add(part.tally);
            }
            return parts.stream().map(part -> part.handler).toList();
        } finally {
            parts.forEach(part -> part.rejects.close());
        }
    }

    /** Runs part 0 here and the others on threads of their own; the first failure in file order wins. */
    private <H extends RowHandler> void readAll(List<Part<H>> parts, LogFile.Progress progress) throws IOException {
        List<FutureTask<Void>> others = new ArrayList<>();
        for (int p = 1; p < parts.size(); p++) {
            int index = p;
            FutureTask<Void> task = new FutureTask<>(() -> {
                readPart(index, parts.size(), parts.get(index), null);
                return null;
            });
            Thread thread = new Thread(task, "read-" + file.name() + "-" + p);
            thread.setDaemon(true);
            thread.start();
            others.add(task);
        }
        Throwable failure = null;
        try {
            readPart(0, parts.size(), parts.get(0), progress);
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            stop = true;
        }
        for (FutureTask<Void> task : others) {
            Throwable partFailure = await(task, progress);
            if (failure == null && partFailure != null) {
                failure = partFailure;
                stop = true;
            }
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Waits for a part, reporting progress meanwhile; its failure, or null. */
    private Throwable await(FutureTask<Void> task, LogFile.Progress progress) {
        while (true) {
            try {
                task.get(PROGRESS_POLL_MILLIS, TimeUnit.MILLISECONDS);
                return null;
            } catch (TimeoutException e) {
                progress.report(totalRead());
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = true;
                return new IllegalStateException("interrupted while reading " + file.name(), e);
            }
        }
    }

    private long totalRead() {
        long total = 0;
        for (int p = 0; p < bytesRead.length(); p++) {
            total += bytesRead.get(p);
        }
        return total;
    }

    /** The file offsets of the parts: {@code dataStart}, a line start near each even share, then {@code size}. */
    private long[] cut(long dataStart, long size) throws IOException {
        long dataBytes = size - dataStart;
        int parts = (int) Math.max(1, Math.min(settings.maxParts(), dataBytes / settings.minPartBytes()));
        long[] cuts = new long[parts + 1];
        cuts[0] = dataStart;
        for (int p = 1; p < parts; p++) {
            cuts[p] = Math.max(cuts[p - 1], nextLineStart(dataStart + dataBytes * p / parts, size));
        }
        cuts[parts] = size;
        return cuts;
    }

    /** The first line start at or after {@code position}: just after a LF. */
    private long nextLineStart(long position, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (long at = position - 1; at < size; ) {
            buffer.clear();
            int n = channel.read(buffer, at);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buffer.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
        return size;
    }

    /**
     * Reads the lines of one part through one buffer: whole lines are handled where they lie, the
     * unfinished last one moves to the front before the next read (the buffer doubles for a longer line,
     * up to the line limit).
     */
    private <H extends RowHandler> void readPart(int index, int parts, Part<H> part, LogFile.Progress progress)
            throws IOException {
        Row row = new Row(file, part.rejects, part.tally, parts == 1);
        Splitter splitter = new Splitter(row, part.handler, index == 0 ? FIRST_DATA_LINE : 0);
        byte[] buffer = new byte[settings.bufferBytes()];
        int filled = 0;
        long position = part.from;
        while (!stop) {
            int n = fill(buffer, filled, position, part.to);
            position += n;
            filled += n;
            boolean last = position >= part.to;
            int consumed = splitter.lines(buffer, filled, last);
            bytesRead.set(index, position - part.from);
            if (progress != null) {
                progress.report(totalRead());
            }
            if (last) {
                break;
            }
            if (consumed == 0 && filled == buffer.length) {
                // Below the limit: a line longer than the limit is passed over once it is (Splitter.lines).
                buffer = Arrays.copyOf(buffer, (int) Math.min(buffer.length * 2L, file.maxLineBytes() + 2L));
            } else {
                System.arraycopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
            }
        }
        part.lineBreaks = splitter.lineBreaks;
    }

    /** Reads into {@code buffer} from {@code filled} on, up to its end or {@code to}; the bytes read. */
    private int fill(byte[] buffer, int filled, long position, long to) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, filled, (int) Math.min(buffer.length - filled, to - position));
        int total = 0;
        while (target.hasRemaining()) {
            int n = channel.read(target, position + total);
            if (n < 0) {
                throw new IOException("the file ended early: it changed while it was read");
            }
            total += n;
        }
        return total;
    }

    /** Splits buffered bytes into lines and lines into values, and hands each row on. */
    private final class Splitter {
        private final Row row;
        private final RowHandler handler;
        private final long firstLine;
        private final int limit = file.maxLineBytes();
        long lineBreaks;
        /** Whether the unfinished line has a quote: known when {@link #line} answers -1. */
        private boolean lineQuoted;
        /** Whether the line being read is beyond the limit, and its rest is being passed over. */
        private boolean skipping;

        Splitter(Row row, RowHandler handler, long firstLine) {
            this.row = row;
            this.handler = handler;
            this.firstLine = firstLine;
        }

        /**
         * Handles every whole line in {@code buffer[0, filled)}, and the unfinished last one too when the
         * part ends there; answers how many bytes were used.
         */
        int lines(byte[] buffer, int filled, boolean partEnds) {
            int start = skipping ? skip(buffer, 0, filled, partEnds) : 0;
            while (!skipping && start < filled) {
                int end = line(buffer, start, filled, partEnds);
                if (end >= 0) {
                    start = end;
                } else if (filled - start > limit + 1L) {
                    // Beyond the limit whatever comes next (the last byte might be the CR of a CRLF).
                    if (lineQuoted) {
                        throw new Unsure("a line with a quote beyond the line limit");
                    }
                    skipping = true;
                    return buffer[filled - 1] == '\r' ? filled - 1 : filled; // line() checked the other CRs
                } else {
                    break;
                }
            }
            return start;
        }

        /**
         * Passes over the rest of a line beyond the limit from {@code from}, and rejects it once its line break
         * (or the part's end) is there; answers where the next line starts, or how far the passing got. What
         * Commons CSV would not end where the fast path does (a quote, a lone CR) leaves the file to it.
         */
        private int skip(byte[] bytes, int from, int filled, boolean partEnds) {
            for (int i = from; i < filled; i++) {
                byte b = bytes[i];
                if (b == '\n') {
                    endSkipped();
                    lineBreaks++;
                    return i + 1;
                } else if (b == '"') {
                    throw new Unsure("a line with a quote beyond the line limit");
                } else if (b == '\r') {
                    if (i + 1 < filled ? bytes[i + 1] != '\n' : partEnds) {
                        throw new Unsure("a CR that does not end a line");
                    }
                    if (i + 1 == filled) {
                        return i; // the CR waits for the byte after it
                    }
                }
            }
            if (partEnds) {
                endSkipped(); // the file's last line has no line break
            }
            return filled;
        }

        private void endSkipped() {
            skipping = false;
            file.rejectTooLong(row);
        }

        /**
         * Handles the line starting at {@code start}; answers where the next one starts, or -1 when the
         * buffer ends before the line does (and the part goes on).
         */
        private int line(byte[] bytes, int start, int filled, boolean partEnds) {
            row.moveTo(bytes, firstLine + lineBreaks);
            boolean quoted = false;
            int valueStart = start;
            for (int i = start; i < filled; i++) {
                byte b = bytes[i];
                if (b > ',') {
                    continue; // digits, letters, '-', '.', '@': nothing to decide
                }
                if (b == ',') {
                    row.value(valueStart, i);
                    valueStart = i + 1;
                } else if (b == '\n') {
                    int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                    finish(bytes, start, valueStart, end, quoted);
                    lineBreaks++;
                    return i + 1;
                } else if (b == '"') {
                    quoted = true;
                } else if (b == '\r' && (i + 1 < filled ? bytes[i + 1] != '\n' : partEnds)) {
                    throw new Unsure("a CR that does not end a line");
                } else if (b < 0) {
                    row.markBeyondAscii(); // a byte of a multi-byte character, or no UTF-8: LogFile.handle checks
                }
            }
            if (!partEnds) {
                lineQuoted = quoted;
                return -1;
            }
            finish(bytes, start, valueStart, filled, quoted); // the file's last line has no line break
            return filled;
        }

        private void finish(byte[] bytes, int start, int valueStart, int end, boolean quoted) {
            if (end - start > limit) {
                if (quoted) {
                    throw new Unsure("a line with a quote beyond the line limit");
                }
                file.rejectTooLong(row);
                return;
            }
            if (quoted) {
                splitQuoted(bytes, start, end);
            } else {
                row.value(valueStart, end);
            }
            file.handle(row, handler);
        }

        /**
         * A line with quotes: Commons CSV reads it alone, provided they all close on it; through ISO-8859-1,
         * so that the row gets the line's own bytes back (see {@link LogFile}).
         */
        private void splitQuoted(byte[] bytes, int start, int end) {
            String line = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
            List<CSVRecord> records;
            try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(line))) {
                records = parser.getRecords();
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                throw new Unsure("quotes that Commons CSV does not read on this line alone");
            }
            if (records.size() != 1) {
                throw new Unsure("a quoted line that is not one record");
            }
            row.moveTo(records.get(0), row.line());
        }
    }
}
