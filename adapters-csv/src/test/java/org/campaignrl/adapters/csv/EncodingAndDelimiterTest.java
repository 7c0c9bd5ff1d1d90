package org.campaignrl.adapters.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.campaignrl.adapters.csv.fastpath.PartedReader;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.CsvFormat.EncodingChoice;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An encoding or delimiter given to the ingest wins over what detection would decide, and the summary says
 * which was given and which detected; a row with a byte that is no UTF-8, in a file read as UTF-8, is
 * rejected whichever path reads it.
 */
class EncodingAndDelimiterTest {
    @TempDir
    Path dir;

    @Test
    void aGivenEncodingWinsOverValidUtf8AndTheSummarySaysItWasGiven() throws IOException {
        LogFiles files = trio(BadInputCorpusTest.USERBASE.replace("ann@gmail.com", "ann@café.fr"));

        AggregatedLogs detected = aggregate(files, PartedReader.Settings.DEFAULT);
        AggregatedLogs given =
                aggregate(withFormat(files, CsvFormat.of("ISO-8859-1", null)), PartedReader.Settings.DEFAULT);

        assertEquals(
                List.of("café.fr", "gmail.com", "yahoo.com"),
                detected.cells().space().domains());
        assertEquals(
                List.of("cafã©.fr", "gmail.com", "yahoo.com"),
                given.cells().space().domains()); // lower-cased
        for (FileSummary file : given.summary().files()) {
            assertEquals(
                    Optional.of(new CsvFormat.Used("ISO-8859-1", EncodingChoice.GIVEN, ',', false)), file.format());
            assertEquals("ISO-8859-1 (given), delimiter ',' (detected)", file.describeFormat());
        }
    }

    @Test
    void aGivenDelimiterIsUsedForEveryFileAndTheSummarySaysSo() throws IOException {
        LogFiles files = withFormat(trio(BadInputCorpusTest.USERBASE), CsvFormat.of(null, ";"));
        for (Path file : List.of(files.sentEmails(), files.responded(), files.userbase())) {
            Files.writeString(file, Files.readString(file).replace(',', ';'));
        }
        for (PartedReader.Settings settings : BadInputCorpusTest.READINGS.values()) {
            AggregatedLogs logs = aggregate(files, settings);
            assertEquals(3, logs.summary().sends());
            for (FileSummary file : logs.summary().files()) {
                assertEquals("UTF-8 (detected: valid UTF-8), delimiter ';' (given)", file.describeFormat());
            }
        }
    }

    @Test
    void aGivenDelimiterThatDoesNotSplitAHeaderRefusesTheFileAtLineOne() throws IOException {
        LogFiles files = withFormat(trio(BadInputCorpusTest.USERBASE), CsvFormat.of(null, "tab"));

        IngestRefusedException refused =
                assertThrows(IngestRefusedException.class, () -> aggregate(files, PartedReader.Settings.DEFAULT));

        assertEquals(files.userbase().toString(), refused.file());
        assertEquals(1, refused.line());
        assertTrue(
                refused.getMessage().contains("at the delimiter tab that was given; ',' would"), refused.getMessage());
        assertFalse(Files.exists(dir.resolve("rejected_rows.csv")), "refused before the report is written");
    }

    @Test
    void utf8GivenForALatin1FileRejectsTheRowsWithBytesThatAreNoUtf8() throws IOException {
        LogFiles files = withFormat(trio(BadInputCorpusTest.USERBASE), CsvFormat.of("UTF-8", null));
        // Detected, these bytes would make the file windows-1252 (see BadInputCorpusTest).
        Files.write(
                files.userbase(),
                ("Customer_ID,Gender,Type,Email_Address,Age,Tenure\n"
                                + "1,F,C,ann@caf\u00e9.fr,30,12\n"
                                + "2,M,B,bob@yahoo.com,19,3\n"
                                + "3,F,B,\"cy \u00e9\",45,31\n")
                        .getBytes(StandardCharsets.ISO_8859_1));

        for (PartedReader.Settings settings : BadInputCorpusTest.READINGS.values()) {
            aggregate(files, settings);
            assertEquals(
                    List.of(
                            "file,line,field,reason,value",
                            "userbase.csv,2,Email_Address,not UTF-8,ann@caf\uFFFD.fr",
                            "userbase.csv,4,Email_Address,not UTF-8,cy \uFFFD",
                            "responded.csv,2,Customer_ID,customer not in userbase,1",
                            "sent_emails.csv,2,Customer_ID,customer not in userbase,1",
                            "sent_emails.csv,4,Customer_ID,customer not in userbase,3"),
                    report());
        }
    }

    /**
     * Detection reads the first bytes only; a bad byte beyond them is found as its row is read, and the
     * row is rejected, by the fast path in parts exactly as by Commons CSV.
     */
    @Test
    void aByteThatIsNoUtf8BeyondTheFirstBytesRejectsItsRowAlone() throws IOException {
        LogFiles files = trio(BadInputCorpusTest.USERBASE);
        int filler = 60_000; // some 1.6 MB of customers before the bad byte
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(files.userbase()))) {
            out.write(BadInputCorpusTest.USERBASE.getBytes(StandardCharsets.US_ASCII));
            for (int id = 100; id < 100 + filler; id++) {
                out.write((id + ",F,C,u" + id + "@gmail.com,30,12\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("7,M,B,j\u00f6rg@gmx.de,40,2\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write("8,M,B,j\u00f6rg@gmx.de,40,2\n".getBytes(StandardCharsets.UTF_8));
        }
        long badLine = 1 + 3 + filler + 1;

        for (PartedReader.Settings settings : List.of(
                PartedReader.Settings.DEFAULT,
                PartedReader.Settings.COMMONS_CSV_ONLY,
                new PartedReader.Settings(4, 1, 4096))) {
            AggregatedLogs logs = aggregate(files, settings);
            FileSummary userbase = logs.summary().files().get(0);
            assertEquals(
                    Optional.of(new CsvFormat.Used("UTF-8", EncodingChoice.VALID_UTF8, ',', false)), userbase.format());
            assertEquals(3 + filler + 2, userbase.rowsRead());
            assertEquals(java.util.Map.of("not UTF-8", 1L), userbase.rejectedByReason());
            assertEquals(
                    List.of(
                            "file,line,field,reason,value",
                            "userbase.csv," + badLine + ",Email_Address,not UTF-8,j\uFFFDrg@gmx.de"),
                    report());
            assertTrue(logs.cells().space().domains().contains("gmx.de"), "the UTF-8 row after it is read");
        }
    }

    private AggregatedLogs aggregate(LogFiles files, PartedReader.Settings settings) {
        return new CsvCampaignLogSource(settings)
                .aggregate(files, SendSplit.NONE, dir.resolve("rejected_rows.csv"), ProgressListener.NONE);
    }

    private List<String> report() throws IOException {
        return Files.readAllLines(dir.resolve("rejected_rows.csv"), StandardCharsets.UTF_8);
    }

    /** The corpus's valid trio with another userbase, written to the test's folder. */
    private LogFiles trio(String userbase) throws IOException {
        return new LogFiles(
                Files.writeString(dir.resolve("sent_emails.csv"), BadInputCorpusTest.SENT),
                Files.writeString(dir.resolve("responded.csv"), BadInputCorpusTest.RESPONDED),
                Files.writeString(dir.resolve("userbase.csv"), userbase, StandardCharsets.UTF_8));
    }

    private static LogFiles withFormat(LogFiles files, CsvFormat format) {
        return new LogFiles(files.sentEmails(), files.responded(), files.userbase(), format);
    }
}
