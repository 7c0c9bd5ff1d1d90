package org.campaignrl.application.model;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.Validate;

/**
 * How the bytes of the CSV logs are to be read: the encoding and the delimiter, each either given (and then
 * used for every file, whatever the file looks like) or left empty to be detected in each file.
 *
 * @param encoding  the given charset; empty: a byte order mark decides, else UTF-8 when the bytes are valid
 *                  UTF-8, else {@link #FALLBACK_ENCODING}
 * @param delimiter    the given delimiter, one of {@link #DELIMITERS}; empty: the one that splits the header
 *                     line into the file's columns
 * @param maxLineBytes the most one row may hold (its line, or the lines a quoted value spans, without the line
 *                     break), in bytes (in characters in a UTF-16 file): a longer data row is rejected, a longer
 *                     header refuses the file, so that reading takes the same memory whatever a file holds
 */
public record CsvFormat(Optional<Charset> encoding, Optional<Character> delimiter, int maxLineBytes) {
    /**
     * 1 MiB: some ten thousand times a row of the logs, and small beside the memory of an ingest (the
     * reading keeps about two lines per core).
     */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    /** 1 GiB: beyond it a line would not fit the buffers that hold one. */
    public static final int MAX_MAX_LINE_BYTES = 1 << 30;
    /** Both detected in each file, and the default line limit: the default. */
    public static final CsvFormat DETECT = new CsvFormat(Optional.empty(), Optional.empty(), DEFAULT_MAX_LINE_BYTES);
    /** The delimiters a file may use, in the order detection prefers them. */
    public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');
    /** What bytes that are not UTF-8 and carry no byte order mark are read as: what spreadsheets on Windows write. */
    public static final Charset FALLBACK_ENCODING = Charset.forName("windows-1252");
    /** The word that asks for detection where an encoding or a delimiter may be given. */
    public static final String AUTO = "auto";

    public CsvFormat {
        if (encoding == null || delimiter == null) {
            throw new IllegalArgumentException("encoding and delimiter are required (empty: detected)");
        }
        delimiter.ifPresent(given -> {
            if (!DELIMITERS.contains(given)) {
                throw new InvalidCommandException(
                        "delimiter", "must be one of " + delimiterNames() + ", was " + delimiterName(given));
            }
        });
        Validate.within(maxLineBytes, 1, MAX_MAX_LINE_BYTES, "maxLineBytes");
    }

    public CsvFormat(Optional<Charset> encoding, Optional<Character> delimiter) {
        this(encoding, delimiter, DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * From the words of a command line, a form or a JSON body; null, blank or {@value #AUTO} leaves either
     * to detection.
     *
     * @throws InvalidCommandException naming the field when an encoding is unknown or a delimiter not allowed
     */
    public static CsvFormat of(String encoding, String delimiter) {
        return new CsvFormat(encoding(encoding), delimiter(delimiter));
    }

    public CsvFormat withEncoding(Charset given) {
        return new CsvFormat(Optional.of(given), delimiter, maxLineBytes);
    }

    public CsvFormat withDelimiter(char given) {
        return new CsvFormat(encoding, Optional.of(given), maxLineBytes);
    }

    /** @throws InvalidCommandException naming {@code maxLineBytes} when not within 1..{@value #MAX_MAX_LINE_BYTES} */
    public CsvFormat withMaxLineBytes(int limit) {
        return new CsvFormat(encoding, delimiter, limit);
    }

    /** A charset by any of its names (UTF-8, utf8, windows-1252, cp1252, UTF-16LE, ISO-8859-1, …), or empty for auto. */
    public static Optional<Charset> encoding(String name) {
        if (isAuto(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name.strip()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidCommandException(
                    "encoding",
                    "unknown encoding '" + name + "': give " + AUTO
                            + " or a charset name such as UTF-8, windows-1252, ISO-8859-1 or UTF-16LE");
        }
    }

    /** A delimiter as itself ({@code , ; | } or a tab), {@code \t}, or its name (comma, semicolon, tab, pipe); empty for auto. */
    public static Optional<Character> delimiter(String text) {
        if ("\t".equals(text)) {
            return Optional.of('\t'); // before stripping, which would take it for blank
        }
        if (isAuto(text)) {
            return Optional.empty();
        }
        String word = text.strip().toLowerCase(Locale.ROOT);
        Character named = switch (word) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "\\t", "tab" -> '\t';
            case "|", "pipe" -> '|';
            default -> null;
        };
        if (named == null) {
            throw new InvalidCommandException(
                    "delimiter",
                    "must be " + AUTO + " or one of " + delimiterNames() + " (or comma, semicolon, tab, pipe), was '"
                            + text + "'");
        }
        return Optional.of(named);
    }

    /** How a delimiter is shown: quoted, a tab by name. */
    public static String delimiterName(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }

    private static String delimiterNames() {
        return String.join(
                " ", DELIMITERS.stream().map(CsvFormat::delimiterName).toList());
    }

    private static boolean isAuto(String text) {
        return text == null || text.isBlank() || text.strip().equalsIgnoreCase(AUTO);
    }

    /** How the encoding of a file was decided. */
    public enum EncodingChoice {
        GIVEN("given"),
        BYTE_ORDER_MARK("detected: byte order mark"),
        VALID_UTF8("detected: valid UTF-8"),
        NOT_UTF8("fallback: not valid UTF-8");

        private final String description;

        EncodingChoice(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * What one file was read with, and how each was decided: what an ingest summary reports.
     *
     * @param encoding       the charset's canonical name (UTF-8, windows-1252, UTF-16LE, …)
     * @param delimiterGiven false: detected from the header line
     */
    public record Used(String encoding, EncodingChoice encodingChoice, char delimiter, boolean delimiterGiven) {
        public Used {
            if (encoding == null || encoding.isBlank() || encodingChoice == null) {
                throw new IllegalArgumentException("the encoding used and how it was chosen are required");
            }
            if (!DELIMITERS.contains(delimiter)) {
                throw new IllegalArgumentException("not a delimiter: " + delimiterName(delimiter));
            }
        }

        /** E.g. {@code windows-1252 (fallback: not valid UTF-8), delimiter ';' (detected)}. */
        public String describe() {
            return encoding + " (" + encodingChoice.description() + "), delimiter " + delimiterName(delimiter)
                    + (delimiterGiven ? " (given)" : " (detected)");
        }
    }
}
