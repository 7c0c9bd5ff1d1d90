package org.campaignrl.adapters.csv.fastpath;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.csv.CSVRecord;
import org.campaignrl.application.logs.Ints;
import org.campaignrl.application.logs.IsoDates;
import org.campaignrl.application.logs.Utf8;

/**
 * The row being read, as its handler sees it: the values are byte ranges of the reader's buffer, so that
 * an accepted row costs no String. One instance per reader, moved from row to row. A row is accepted
 * unless its handler rejects it.
 *
 * <p>A row read in a later part of a file (see {@link PartedReader}) only knows its line counted from its
 * part's start; its rejections go to a {@link RejectBuffer} that adds the offset once the parts before it
 * are counted.
 *
 * <p>The values' bytes are UTF-8: a UTF-8 file's own bytes, which may hold a byte that is no UTF-8 (see
 * {@link #firstColumnNotUtf8}), or the text of a file in another encoding, encoded.
 */
public final class Row {
    private final LogFile file;
    private final RejectSink rejects;
    private final Tally tally;
    /**
     * Whether this row's reader reads the whole file, in order: then the row is the first, in file order,
     * to break a rule over all the rows (such as too many subjects), and a refusal can name its line.
     */
    private final boolean wholeFile;

    private final int[] starts;
    private final int[] ends;
    private byte[] bytes;
    private int size;
    private long line;
    private String rejectedFor;
    /** Whether a byte of the row is beyond ASCII: only then can it be anything but UTF-8. */
    private boolean beyondAscii;
    /** Holds the values of a record that Commons CSV read, as bytes. */
    private byte[] recordBytes = new byte[256];

    Row(LogFile file, RejectSink rejects, Tally tally, boolean wholeFile) {
        this.file = file;
        this.rejects = rejects;
        this.tally = tally;
        this.wholeFile = wholeFile;
        this.starts = new int[file.columnCount()];
        this.ends = new int[file.columnCount()];
    }

    /** Starts a new row on {@code line}; its values are then set with {@link #value}. */
    void moveTo(byte[] bytes, long line) {
        this.bytes = bytes;
        this.line = line;
        this.size = 0;
        this.rejectedFor = null;
        this.beyondAscii = false;
    }

    /**
     * Starts a new row on {@code line} with the values of a record read by Commons CSV, turned back into
     * bytes with {@link LogFile#recordCharset()}.
     */
    void moveTo(CSVRecord record, long line) {
        moveTo(recordBytes, line);
        int length = 0;
        for (String value : record) {
            byte[] encoded = value.getBytes(file.recordCharset());
            for (byte b : encoded) {
                beyondAscii |= b < 0;
            }
            if (length + encoded.length > recordBytes.length) {
                recordBytes = Arrays.copyOf(recordBytes, Math.max(2 * recordBytes.length, length + encoded.length));
                bytes = recordBytes;
            }
            System.arraycopy(encoded, 0, recordBytes, length, encoded.length);
            value(length, length + encoded.length);
            length += encoded.length;
        }
    }

    /** Adds the next value; only the header's number of values is kept, the rest only counted. */
    void value(int start, int end) {
        if (size < starts.length) {
            starts[size] = start;
            ends[size] = end;
        }
        size++;
    }

    int size() {
        return size;
    }

    /** Tells the row that one of its bytes is beyond ASCII: the reader's part of the check for UTF-8. */
    void markBeyondAscii() {
        beyondAscii = true;
    }

    boolean beyondAscii() {
        return beyondAscii;
    }

    /** The first column whose value is not well-formed UTF-8, or -1; the values must be the header's number. */
    int firstColumnNotUtf8() {
        for (int column = 0; column < size; column++) {
            if (Utf8.firstMalformed(bytes, starts[column], ends[column]) >= 0) {
                return column;
            }
        }
        return -1;
    }

    /** The physical line the row starts on (the header being line 1), or within its part; see the class comment. */
    long line() {
        return line;
    }

    /** The value as an int (see {@link Ints}), or {@link Ints#NOT_AN_INT}. */
    public long integer(int column) {
        return Ints.parse(bytes, starts[column], ends[column]);
    }

    /** The value as days since 1970-01-01 (see {@link IsoDates}), or {@link IsoDates#NOT_A_DATE}. */
    public long epochDay(int column) {
        return IsoDates.epochDay(bytes, starts[column], ends[column]);
    }

    /** The value when it is one ASCII character, else -1. */
    public int letter(int column) {
        return ends[column] - starts[column] == 1 && bytes[starts[column]] >= 0 ? bytes[starts[column]] : -1;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int start(int column) {
        return starts[column];
    }

    public int end(int column) {
        return ends[column];
    }

    /** The value as text: only for what is kept or reported, never for every row. */
    public String text(int column) {
        return new String(bytes, starts[column], ends[column] - starts[column], StandardCharsets.UTF_8);
    }

    /** Rejects the row because of the value in {@code column}; a row is rejected at most once. */
    public void reject(int column, String reason) {
        reject(file.columnName(column), reason, text(column));
    }

    public void reject(String field, String reason, String value) {
        if (rejectedFor != null) {
            throw new IllegalStateException(file.name() + ":" + line + " is already rejected for " + rejectedFor);
        }
        rejectedFor = reason;
        rejects.reject(file.name(), line, field, reason, value);
    }

    /**
     * Refuses the whole ingest at this row. Where the file is read in parts, the first row to break the
     * rule may lie in another part, or the line only be known within this one: the file is then read
     * again by Commons CSV, whole and in order, which names the right row and line.
     */
    public RuntimeException refuse(String reason) {
        return wholeFile ? file.refusal(line, reason) : new PartedReader.Unsure(reason);
    }

    /** Counts the row as read, and as accepted or rejected; called once the handler is done with it. */
    void tally() {
        tally.count(rejectedFor);
    }
}
