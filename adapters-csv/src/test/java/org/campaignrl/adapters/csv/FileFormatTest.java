package org.campaignrl.adapters.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.campaignrl.application.logs.FileFormat;
import org.campaignrl.application.logs.Utf8;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.CsvFormat.EncodingChoice;
import org.junit.jupiter.api.Test;

/** Deciding a file's encoding and delimiter from its first bytes, and the UTF-8 check both readers share. */
class FileFormatTest {
    static final List<String> COLUMNS = List.of("Sent_Date", "Customer_ID", "SubjectLine_ID");
    static final String HEADER = "Sent_Date,Customer_ID,SubjectLine_ID\n2016-01-04,1,1\n";

    @Test
    void aByteOrderMarkDecidesTheEncodingAndIsSkipped() {
        FileFormat utf8 = decide(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(HEADER, "UTF-8")));
        assertEquals(StandardCharsets.UTF_8, utf8.charset());
        assertEquals(3, utf8.bomLength());
        assertEquals(EncodingChoice.BYTE_ORDER_MARK, utf8.used().encodingChoice());

        FileFormat le = decide(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes(HEADER, "UTF-16LE")));
        assertEquals(StandardCharsets.UTF_16LE, le.charset());
        assertEquals(2, le.bomLength());
        assertEquals(',', le.delimiter());

        FileFormat be =
                decide(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, bytes(HEADER.replace(',', ';'), "UTF-16BE")));
        assertEquals(StandardCharsets.UTF_16BE, be.charset());
        assertEquals(';', be.delimiter());
        assertEquals(new CsvFormat.Used("UTF-16BE", EncodingChoice.BYTE_ORDER_MARK, ';', false), be.used());
    }

    @Test
    void withoutAMarkValidUtf8IsUtf8AndAnythingElseTheFallback() {
        FileFormat plain = decide(bytes(HEADER + "2016-01-05,2,Zoë\n", "UTF-8"));
        assertEquals(new CsvFormat.Used("UTF-8", EncodingChoice.VALID_UTF8, ',', false), plain.used());
        assertEquals(0, plain.bomLength());
        assertTrue(plain.isUtf8WithCommas());

        FileFormat latin = decide(bytes(HEADER + "2016-01-05,2,Zoë\n", "windows-1252"));
        assertEquals(new CsvFormat.Used("windows-1252", EncodingChoice.NOT_UTF8, ',', false), latin.used());
        assertFalse(latin.isUtf8WithCommas());
        assertFalse(latin.keepsBytes());
    }

    @Test
    void aCharacterCutShortAtTheEndOfTheFirstBytesIsNoReasonForTheFallback() {
        byte[] file = bytes(HEADER + "ë", "UTF-8");
        byte[] head = Arrays.copyOf(file, file.length - 1); // the ë's second byte is not read
        assertEquals(
                StandardCharsets.UTF_8,
                FileFormat.decide(head, false, CsvFormat.DETECT, COLUMNS).charset());
        // Where those bytes are the whole file, the file ends in the middle of a character: no UTF-8.
        assertEquals(
                CsvFormat.FALLBACK_ENCODING,
                FileFormat.decide(head, true, CsvFormat.DETECT, COLUMNS).charset());
    }

    @Test
    void theDelimiterIsTheOneThatSplitsTheHeaderIntoTheColumns() {
        for (char delimiter : CsvFormat.DELIMITERS) {
            String header = String.join(String.valueOf(delimiter), COLUMNS) + "\n";
            assertEquals(delimiter, decide(bytes(header, "UTF-8")).delimiter(), header);
        }
        // Other candidates inside quotes split nothing; a quoted column name counts unquoted.
        String quoted = "\"Sent_Date\"|\"Customer_ID\"|SubjectLine_ID|\"a, b; c\tand \"\"d\"\"\"\n";
        assertEquals('|', decide(bytes(quoted, "UTF-8")).delimiter());
        assertEquals(
                List.of("Sent_Date", "Customer_ID", "SubjectLine_ID", "a, b; c\tand \"d\""),
                FileFormat.split(FileFormat.headerLine(quoted), '|'));
    }

    @Test
    void aHeaderWithSomeOfTheColumnsKeepsTheDelimiterThatFindsMostForTheHeaderCheckToName() {
        assertEquals(
                ';', decide(bytes("Sent_Date;Customer_ID;Subject\n", "UTF-8")).delimiter());
        // A tie goes to the first candidate: the comma.
        assertEquals(',', decide(bytes("Sent_Date,x;Customer_ID\n", "UTF-8")).delimiter());
    }

    @Test
    void aHeaderNoDelimiterSplitsIsRefusedWithWhatItLacksNeverQuotingIt() {
        FileFormat.Undecided e = assertThrows(
                FileFormat.Undecided.class,
                () -> decide(bytes("Sent_Date:Customer_ID:SubjectLine_ID\r\n1:2:3\r\n", "UTF-8")));
        assertEquals(
                "no delimiter among ',' ';' tab '|' splits the header line into the required columns "
                        + "[Sent_Date, Customer_ID, SubjectLine_ID] (line 1 is not quoted here: open the file to see it)",
                e.getMessage());

        FileFormat.Undecided utf16 = assertThrows(FileFormat.Undecided.class, () -> decide(bytes(HEADER, "UTF-16LE")));
        assertTrue(utf16.getMessage().contains("UTF-16 without a byte order mark"), utf16.getMessage());
        assertFalse(utf16.getMessage().contains("S\\u0000e"), utf16.getMessage());

        FileFormat.Undecided secret = assertThrows(
                FileFormat.Undecided.class, () -> decide(bytes("root:x:0:0:root:/root:/bin/bash\n", "UTF-8")));
        assertFalse(secret.getMessage().contains("root"), "a file reached by a link is not quoted");
    }

    @Test
    void anEmptyFileIsLeftToTheHeaderCheck() {
        assertEquals(',', decide(new byte[0]).delimiter());
        assertEquals(',', decide(bytes("\n\n", "UTF-8")).delimiter());
    }

    @Test
    void aGivenEncodingOrDelimiterWinsOverWhatTheBytesSay() {
        CsvFormat given = CsvFormat.of("ISO-8859-1", "|");
        FileFormat format = FileFormat.decide(bytes(HEADER.replace(',', '|'), "UTF-8"), true, given, COLUMNS);
        assertEquals(new CsvFormat.Used("ISO-8859-1", EncodingChoice.GIVEN, '|', true), format.used());
        assertFalse(format.keepsBytes());

        // The mark of the given encoding is skipped; the mark of another one stays, as text.
        byte[] marked = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(HEADER, "UTF-8"));
        assertEquals(
                3,
                FileFormat.decide(marked, true, CsvFormat.of("UTF-8", null), COLUMNS)
                        .bomLength());
        assertEquals(
                0,
                FileFormat.decide(marked, true, CsvFormat.of("windows-1252", null), COLUMNS)
                        .bomLength());
    }

    @Test
    void aGivenDelimiterThatDoesNotSplitTheHeaderIsRefusedNamingTheOneThatWould() {
        FileFormat.Undecided e = assertThrows(
                FileFormat.Undecided.class,
                () -> FileFormat.decide(bytes(HEADER, "UTF-8"), true, CsvFormat.of(null, ";"), COLUMNS));
        assertEquals(
                "the header line does not split into the required columns [Sent_Date, Customer_ID, "
                        + "SubjectLine_ID] at the delimiter ';' that was given; ',' would",
                e.getMessage());
    }

    @Test
    void utf8IsCheckedByTheStandardsTable() {
        assertEquals(-1, firstMalformed("plain ASCII, é, €, 𝄞"));
        assertEquals(1, firstMalformed(new byte[] {'a', (byte) 0x80})); // a lone continuation
        assertEquals(0, firstMalformed(new byte[] {(byte) 0xC0, (byte) 0xAF})); // overlong '/'
        assertEquals(0, firstMalformed(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF})); // overlong '/'
        assertEquals(0, firstMalformed(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})); // a surrogate
        assertEquals(0, firstMalformed(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})); // > U+10FFFF
        assertEquals(0, firstMalformed(new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
        assertEquals(2, firstMalformed(new byte[] {'a', 'b', (byte) 0xE9, ',', 'c'})); // Latin-1 é
        assertEquals(1, firstMalformed(new byte[] {'a', (byte) 0xC3})); // cut short
        assertTrue(Utf8.isWellFormedStart(new byte[] {'a', (byte) 0xF0, (byte) 0x9D, (byte) 0x84}, 0, 4));
        assertFalse(Utf8.isWellFormedStart(new byte[] {'a', (byte) 0xF0, (byte) 0x2C}, 0, 3));
    }

    private static FileFormat decide(byte[] head) {
        return FileFormat.decide(head, true, CsvFormat.DETECT, COLUMNS);
    }

    private static int firstMalformed(String text) {
        return firstMalformed(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int firstMalformed(byte[] bytes) {
        return Utf8.firstMalformed(bytes, 0, bytes.length);
    }

    private static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
