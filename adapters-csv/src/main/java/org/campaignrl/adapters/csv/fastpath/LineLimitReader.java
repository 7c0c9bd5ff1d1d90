package org.campaignrl.adapters.csv.fastpath;

import java.io.IOException;
import java.io.Reader;

/**
 * Stands between a file's decoded text and Commons CSV, which keeps a whole record (every value of it) in
 * memory however long it is: this reader follows the records as Commons CSV (RFC 4180) will cut them and
 * hands over no more than {@code limit} characters of any one record, so that what the parser holds is
 * bounded whatever the file holds (one line of 800 MB, a link to {@code /dev/zero}, a quote never closed).
 *
 * <p>A record's characters are those before the line break that ends it (quoted line breaks belong to the
 * record). When the next character would take a record beyond the limit, {@link #read} throws
 * {@link TooLong} instead, having handed over nothing of the record beyond it; {@link #skipRecord} then
 * passes over the rest of the record, after which a new parser reads on from the next one. The line breaks
 * are counted as Commons CSV counts them (CR, LF, CRLF: one each, inside quotes too), so that the next
 * record's line is known.
 */
final class LineLimitReader extends Reader {
    /** The record being read holds more than the limit; nothing of it beyond the limit was handed over. */
    static final class TooLong extends IOException {
        TooLong(int limit) {
            super("a row holds more than " + limit + " bytes", null);
        }
    }

    // Where the record being read stands, as Commons CSV's lexer will see it.
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** A quote inside a quoted value: the quoting ends here, unless the next character is a quote too. */
    private static final int QUOTE_IN_QUOTED = 3;

    private final Reader in;
    private final char delimiter;
    private final int limit;
    private final char[] buffer = new char[8192];
    private int position;
    private int filled;
    private int state = FIELD_START;
    private int recordChars;
    private long lineBreaks;
    private boolean afterCr;
    private boolean tooLong;

    LineLimitReader(Reader in, char delimiter, int limit) {
        this.in = in;
        this.delimiter = delimiter;
        this.limit = limit;
    }

    /** The line breaks handed over or skipped so far: the next record to be read starts on the line after them. */
    long lineBreaks() {
        return lineBreaks;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (tooLong) {
            throw new IllegalStateException("the record beyond the limit must be skipped first");
        }
        int n = 0;
        while (n < length) {
            if (position == filled && (n > 0 || !fill())) {
                break;
            }
            char c = buffer[position];
            if (!endsRecord(c) && recordChars == limit) {
                if (n > 0) {
                    break; // hand over what fits first; the parser asks again when it needs more
                }
                tooLong = true;
                throw new TooLong(limit);
            }
            step(c);
            position++;
            target[offset + n++] = c;
        }
        return n == 0 && length > 0 ? -1 : n;
    }

    /**
     * Passes over the rest of the record that was too long, up to and including its line break (a CRLF
     * whole), or to the end of the file.
     */
    void skipRecord() throws IOException {
        if (!tooLong) {
            throw new IllegalStateException("no record to skip");
        }
        tooLong = false;
        while (position < filled || fill()) {
            char c = buffer[position++];
            boolean ends = endsRecord(c);
            step(c);
            if (ends) {
                if (c == '\r' && (position < filled || fill()) && buffer[position] == '\n') {
                    step(buffer[position++]); // the LF of a CRLF: no record of its own, as Commons CSV reads it
                }
                return;
            }
        }
    }

    /** Whether {@code c} ends the record where it stands: a line break outside quotes. */
    private boolean endsRecord(char c) {
        return (c == '\n' || c == '\r') && state != QUOTED;
    }

    private void step(char c) {
        if (c == '\r' || (c == '\n' && !afterCr)) {
            lineBreaks++;
        }
        afterCr = c == '\r';
        if (endsRecord(c)) {
            state = FIELD_START;
            recordChars = 0;
            return;
        }
        if (recordChars < Integer.MAX_VALUE) {
            recordChars++; // beyond the limit only while the record is skipped
        }
        state = switch (state) {
            case FIELD_START -> c == '"' ? QUOTED : c == delimiter ? FIELD_START : UNQUOTED;
            case UNQUOTED -> c == delimiter ? FIELD_START : UNQUOTED;
            case QUOTED -> c == '"' ? QUOTE_IN_QUOTED : QUOTED;
            // A quote and then neither a quote, a delimiter nor a line break: Commons CSV refuses the file.
            default -> c == '"' ? QUOTED : c == delimiter ? FIELD_START : UNQUOTED;
        };
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        filled = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
