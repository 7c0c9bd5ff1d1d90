package org.campaignrl.application.logs;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.CsvFormat.EncodingChoice;

/**
 * The encoding and delimiter one file is read with, decided from its first bytes alone (so that the
 * decision costs the same on a file of any size) unless the ingest was given them.
 *
 * <p>Encoding: a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE); otherwise bytes that are well-formed
 * UTF-8 are read as UTF-8, any others as {@link CsvFormat#FALLBACK_ENCODING}. A UTF-8 file with a bad byte
 * further on than these first bytes has that row rejected (see the CSV adapter's LogFile.handle; the Spark adapter checks each value the same way).
 *
 * <p>Delimiter: the candidate that splits the header line, outside quotes, into the most of the file's
 * required columns, the first of {@link CsvFormat#DELIMITERS} on a tie. One that finds none of them is
 * refused with what the header line reads; one that finds some but not all is left to the header check,
 * which names the missing column.
 *
 * @param charset   what the bytes are decoded with
 * @param bomLength the bytes of the byte order mark to skip before the header
 */
public record FileFormat(Charset charset, int bomLength, char delimiter, CsvFormat.Used used) {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    /** The bytes decoded to find the header line of a file in UTF-16, whose line breaks are no single bytes. */
    private static final int HEADER_SAMPLE_BYTES = 64 * 1024;

    /**
     * Why refusals name what a header lacks but never quote the file: a refusal is shown to every role that may read
     * runs, and the path may lead (by a link, say) to a file those roles may not read.
     */
    public static final String NOT_QUOTED = "line 1 is not quoted here: open the file to see it";

    /** Why a file cannot be read with any (or the given) delimiter; a refusal at line 1. */
    public static final class Undecided extends RuntimeException {
        Undecided(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param head       the file's first bytes
     * @param wholeFile  whether {@code head} is the whole file (else its last character may be cut short)
     * @throws Undecided when no delimiter (or not the given one) splits the header line into any required column
     */
    public static FileFormat decide(byte[] head, boolean wholeFile, CsvFormat given, List<String> requiredColumns) {
        Optional<Charset> bomCharset = bomCharset(head);
        int bomLength = bomCharset.map(FileFormat::bomLength).orElse(0);
        Charset charset;
        EncodingChoice choice;
        if (given.encoding().isPresent()) {
            charset = given.encoding().get();
            choice = EncodingChoice.GIVEN;
            // The mark of another encoding stays as text (and fails the header check), as the user asked.
            // The generic UTF-16 decoder reads its mark itself.
            bomLength = bomCharset.filter(charset::equals).isPresent() ? bomLength : 0;
        } else if (bomCharset.isPresent()) {
            charset = bomCharset.get();
            choice = EncodingChoice.BYTE_ORDER_MARK;
        } else if (wholeFile
                ? Utf8.firstMalformed(head, 0, head.length) < 0
                : Utf8.isWellFormedStart(head, 0, head.length)) {
            charset = StandardCharsets.UTF_8;
            choice = EncodingChoice.VALID_UTF8;
        } else {
            charset = CsvFormat.FALLBACK_ENCODING;
            choice = EncodingChoice.NOT_UTF8;
        }
        String headerLine = headerLine(decode(head, bomLength, headerEnd(head, bomLength, charset), charset));
        char delimiter = given.delimiter().isPresent()
                ? checked(given.delimiter().get(), headerLine, requiredColumns)
                : detected(headerLine, requiredColumns);
        return new FileFormat(
                charset,
                bomLength,
                delimiter,
                new CsvFormat.Used(
                        charset.name(), choice, delimiter, given.delimiter().isPresent()));
    }

    /**
     * Whether the fast path may read the file's bytes as they are: UTF-8 (the rows' bytes then are the
     * file's, checked for bad bytes row by row) split at commas.
     */
    public boolean isUtf8WithCommas() {
        return charset.equals(StandardCharsets.UTF_8) && delimiter == ',';
    }

    /** Whether the rows' values are the file's own bytes (UTF-8, read as they are) rather than text re-encoded. */
    public boolean keepsBytes() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    /**
     * The names of the header line at the start of {@code head} (the file's first bytes, as given to
     * {@link #decide}), unquoted and trimmed: what the header check sees, for an engine that does not read the
     * header itself.
     */
    public List<String> header(byte[] head) {
        return split(headerLine(decode(head, bomLength, headerEnd(head, bomLength, charset), charset)), delimiter);
    }

    private static char checked(char delimiter, String headerLine, List<String> requiredColumns) {
        if (!headerLine.isBlank() && found(headerLine, delimiter, requiredColumns) == 0) {
            String better = CsvFormat.DELIMITERS.stream()
                    .filter(other -> found(headerLine, other, requiredColumns) == requiredColumns.size())
                    .findFirst()
                    .map(other -> "; " + CsvFormat.delimiterName(other) + " would")
                    .orElse("");
            throw new Undecided("the header line does not split into the required columns " + requiredColumns
                    + " at the delimiter " + CsvFormat.delimiterName(delimiter) + " that was given" + better);
        }
        return delimiter;
    }

    private static char detected(String headerLine, List<String> requiredColumns) {
        char best = CsvFormat.DELIMITERS.get(0);
        int bestFound = 0;
        for (char candidate : CsvFormat.DELIMITERS) {
            int found = found(headerLine, candidate, requiredColumns);
            if (found > bestFound) {
                best = candidate;
                bestFound = found;
            }
        }
        if (bestFound == 0 && !headerLine.isBlank()) {
            throw new Undecided("no delimiter among "
                    + String.join(
                            " ",
                            CsvFormat.DELIMITERS.stream()
                                    .map(CsvFormat::delimiterName)
                                    .toList()) + " splits the header line into the required columns "
                    + requiredColumns + " (" + NOT_QUOTED + ")"
                    + (headerLine.indexOf('\0') >= 0
                            ? "; its NUL characters suggest UTF-16 without a byte order "
                                    + "mark: give the encoding, UTF-16LE or UTF-16BE"
                            : ""));
        }
        return best;
    }

    /** How many of the required columns the header line has when split at {@code delimiter}. */
    private static int found(String headerLine, char delimiter, List<String> requiredColumns) {
        List<String> names = split(headerLine, delimiter);
        return (int) requiredColumns.stream().filter(names::contains).count();
    }

    /** The names in a header line split at {@code delimiter} outside quotes, unquoted and trimmed as the header check sees them. */
    public static List<String> split(String headerLine, char delimiter) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < headerLine.length() && headerLine.charAt(i + 1) == '"') {
                    name.append('"'); // an escaped quote
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == delimiter && !quoted) {
                names.add(name.toString().trim());
                name.setLength(0);
            } else {
                name.append(c);
            }
        }
        names.add(name.toString().trim());
        return names;
    }

    /** The first line of the text: up to a line break outside quotes (CR, LF or both, as Commons CSV takes them). */
    public static String headerLine(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /**
     * Where the bytes to decode for the header line end: after its LF where a line break and a quote are the
     * ASCII bytes (UTF-8, windows-1252, …: decoding all the first bytes would cost more than the rest of the
     * decision), else (UTF-16) after the first {@value #HEADER_SAMPLE_BYTES} bytes.
     */
    private static int headerEnd(byte[] head, int from, Charset charset) {
        if (!Arrays.equals("\n\"".getBytes(charset), new byte[] {'\n', '"'})) {
            return (int) Math.min(head.length, from + (long) HEADER_SAMPLE_BYTES);
        }
        boolean quoted = false;
        for (int i = from; i < head.length; i++) {
            if (head[i] == '"') {
                quoted = !quoted;
            } else if (head[i] == '\n' && !quoted) {
                return i + 1;
            }
        }
        return head.length;
    }

    private static String decode(byte[] head, int from, int to, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(head, from, to - from))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder failed", e); // it replaces rather than fails
        }
    }

    private static Optional<Charset> bomCharset(byte[] head) {
        if (startsWith(head, UTF8_BOM)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (startsWith(head, UTF16LE_BOM)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (startsWith(head, UTF16BE_BOM)) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    private static int bomLength(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? UTF8_BOM.length : UTF16LE_BOM.length;
    }

    private static boolean startsWith(byte[] head, byte[] mark) {
        return head.length >= mark.length && Arrays.equals(head, 0, mark.length, mark, 0, mark.length);
    }
}
