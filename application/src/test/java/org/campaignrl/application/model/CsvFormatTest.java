package org.campaignrl.application.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.model.CsvFormat.EncodingChoice;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

    @Test
    void nothingBlankOrAutoLeavesBothToDetection() {
        assertEquals(CsvFormat.DETECT, CsvFormat.of(null, null));
        assertEquals(CsvFormat.DETECT, CsvFormat.of("", " "));
        assertEquals(CsvFormat.DETECT, CsvFormat.of("auto", "AUTO"));
    }

    @Test
    void anEncodingIsAnyNameOfACharset() {
        assertEquals(Optional.of(StandardCharsets.UTF_8), CsvFormat.encoding("utf8"));
        assertEquals(Optional.of(Charset.forName("windows-1252")), CsvFormat.encoding("cp1252"));
        assertEquals(Optional.of(StandardCharsets.UTF_16LE), CsvFormat.encoding(" UTF-16LE "));
    }

    @Test
    void anUnknownEncodingIsRefusedNamingTheField() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> CsvFormat.of("klingon", null));
        assertEquals("encoding", e.field());
        assertTrue(e.problem().contains("'klingon'") && e.problem().contains("windows-1252"), e.problem());
        assertEquals(
                "encoding",
                assertThrows(InvalidCommandException.class, () -> CsvFormat.encoding("not a name!"))
                        .field());
    }

    @Test
    void aDelimiterIsItselfOrItsName() {
        Map<String, Character> words = Map.of(
                ",",
                ',',
                "comma",
                ',',
                ";",
                ';',
                "Semicolon",
                ';',
                "\t",
                '\t',
                "\\t",
                '\t',
                "tab",
                '\t',
                "|",
                '|',
                "pipe",
                '|');
        words.forEach((word, delimiter) -> assertEquals(Optional.of(delimiter), CsvFormat.delimiter(word), word));
    }

    @Test
    void anyOtherDelimiterIsRefusedNamingTheField() {
        for (String word : new String[] {":", "colon", ",,", "x"}) {
            InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> CsvFormat.of(null, word));
            assertEquals("delimiter", e.field());
            assertTrue(e.problem().contains("',' ';' tab '|'"), e.problem());
        }
        assertEquals(
                "delimiter",
                assertThrows(InvalidCommandException.class, () -> new CsvFormat(Optional.empty(), Optional.of(':')))
                        .field());
    }

    @Test
    void aLineMayHoldOneMebibyteUnlessToldWithinOneByteToOneGibibyte() {
        assertEquals(1 << 20, CsvFormat.DETECT.maxLineBytes());
        assertEquals(1 << 20, CsvFormat.of("UTF-8", ";").maxLineBytes());
        CsvFormat raised = CsvFormat.of("UTF-8", ";").withMaxLineBytes(64 << 20);
        assertEquals(64 << 20, raised.maxLineBytes());
        assertEquals(
                64 << 20,
                raised.withDelimiter(',')
                        .withEncoding(StandardCharsets.UTF_16LE)
                        .maxLineBytes());
        for (int refused : new int[] {0, -1, (1 << 30) + 1}) {
            InvalidCommandException e =
                    assertThrows(InvalidCommandException.class, () -> CsvFormat.DETECT.withMaxLineBytes(refused));
            assertEquals("maxLineBytes", e.field());
            assertTrue(e.problem().contains("1..1073741824"), e.problem());
        }
    }

    @Test
    void whatAFileWasReadWithSaysHowEachWasDecided() {
        assertEquals(
                "windows-1252 (fallback: not valid UTF-8), delimiter ';' (detected)",
                new CsvFormat.Used("windows-1252", EncodingChoice.NOT_UTF8, ';', false).describe());
        assertEquals(
                "UTF-16LE (detected: byte order mark), delimiter tab (given)",
                new CsvFormat.Used("UTF-16LE", EncodingChoice.BYTE_ORDER_MARK, '\t', true).describe());
        assertEquals(
                "UTF-8 (given), delimiter '|' (detected)",
                new CsvFormat.Used("UTF-8", EncodingChoice.GIVEN, '|', false).describe());
        assertThrows(
                IllegalArgumentException.class, () -> new CsvFormat.Used("UTF-8", EncodingChoice.GIVEN, ':', true));
    }

    @Test
    void aFileSummaryTellsItsFormatOrThatItIsNotRecorded() {
        CsvFormat.Used used = new CsvFormat.Used("UTF-8", EncodingChoice.VALID_UTF8, ',', false);
        assertEquals(used.describe(), new FileSummary("f.csv", 1, 1, Map.of(), used).describeFormat());
        assertEquals("not recorded", new FileSummary("f.csv", 1, 1, Map.of()).describeFormat());
    }

    @Test
    void anIngestDetectsBothUnlessToldAndKeepsWhatItWasToldThroughItsOtherChanges() {
        IngestLogsCommand command = IngestLogsCommand.inFolder(Path.of("logs"));
        assertEquals(CsvFormat.DETECT, command.format());

        CsvFormat given = CsvFormat.of("windows-1252", ";");
        IngestLogsCommand told = command.withFormat(given)
                .withSplit(SendSplit.randomPairs(0.3, 1))
                .withMaxRejectedShare(0.5);
        assertEquals(given, told.format());
        assertEquals(
                "format",
                assertThrows(InvalidCommandException.class, () -> command.withFormat(null))
                        .field());
    }
}
