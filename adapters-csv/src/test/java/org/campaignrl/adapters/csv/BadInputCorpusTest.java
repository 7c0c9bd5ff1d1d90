package org.campaignrl.adapters.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of malformed inputs in {@code src/test/resources/bad-inputs}: each file takes the place of one
 * of a valid trio of logs (its name says which: {@code userbase-…}, {@code responded-…}, {@code sent_emails-…}),
 * and the real {@link CsvCampaignLogSource} reads the trio. Each case is either accepted with every row
 * accounted for (accepted + rejected = rows read in every file, every rejection in the report with file,
 * line, field and reason, the report agreeing with the summary) or refused whole with one
 * {@link IngestRefusedException} naming the file. The table says which, and exactly what was rejected, so a
 * change of behaviour fails here. Every case is read three ways, which must agree: the default fast path,
 * Commons CSV alone, and the fast path cut into many tiny parts through tiny buffers. Nothing tells the
 * reader the encoding or the delimiter: each case also pins what was detected in its file, as the summary
 * says it.
 */
class BadInputCorpusTest {
    static final String USERBASE = ValidTrio.USERBASE;
    static final String RESPONDED = ValidTrio.RESPONDED;
    static final String SENT = ValidTrio.SENT;
    /** Rows read from each file of the valid trio. */
    static final Map<String, Long> VALID_ROWS = Map.of("userbase.csv", 3L, "responded.csv", 2L, "sent_emails.csv", 3L);

    static final PartedReader.Settings TINY_PARTS = new PartedReader.Settings(3, 1, 16);
    static final Map<String, PartedReader.Settings> READINGS = Map.of(
            "default", PartedReader.Settings.DEFAULT,
            "commons-csv", PartedReader.Settings.COMMONS_CSV_ONLY,
            "tiny-parts", TINY_PARTS);

    enum Outcome {
        ACCEPTED,
        REFUSED
    }

    /** What most files are read as: found valid UTF-8, split at commas. */
    static final CsvFormat.Used PLAIN = new CsvFormat.Used("UTF-8", EncodingChoice.VALID_UTF8, ',', false);

    /**
     * One malformed file and what must become of it.
     *
     * @param rowsRead   ACCEPTED: the rows read from the malformed file
     * @param rejections ACCEPTED: every line of the rejects report, as {@code file:line:field:reason}, in order
     * @param refusal    REFUSED: what the message says (beside the file's path, which it always names)
     * @param readAs     ACCEPTED: the encoding and delimiter detected in the malformed file
     */
    record Case(
            String resource,
            Outcome outcome,
            long rowsRead,
            List<String> rejections,
            String refusal,
            CsvFormat.Used readAs) {
        static Case accepted(String resource, long rowsRead, String... rejections) {
            return new Case(resource, Outcome.ACCEPTED, rowsRead, List.of(rejections), null, PLAIN);
        }

        static Case refused(String resource, String refusal) {
            return new Case(resource, Outcome.REFUSED, -1, List.of(), refusal, null);
        }

        /** Read as this encoding, found so, and this delimiter, detected. */
        Case readAs(String encoding, EncodingChoice choice, char delimiter) {
            return new Case(
                    resource,
                    outcome,
                    rowsRead,
                    rejections,
                    refusal,
                    new CsvFormat.Used(encoding, choice, delimiter, false));
        }

        /** The log this file replaces: userbase.csv, responded.csv or sent_emails.csv. */
        String replaces() {
            return resource.substring(0, resource.indexOf('-')) + ".csv";
        }

        @Override
        public String toString() {
            return resource + " → " + outcome;
        }
    }

    static final List<Case> CORPUS = List.of(
            // Refused whole: a header no delimiter splits, a header without a required column, or nothing at all to
            // read.
            Case.refused(
                    "sent_emails-colons.csv",
                    "no delimiter among ',' ';' tab '|' splits the header line into "
                            + "the required columns [Sent_Date, Customer_ID, SubjectLine_ID] (line 1 is not quoted here: "
                            + "open the file to see it)"),
            Case.refused("userbase-missing-header-column.csv", "the header has no column 'Tenure'"),
            Case.refused("sent_emails-renamed-header-column.csv", "the header has no column 'SubjectLine_ID'"),
            Case.refused("userbase-empty.csv", "the file is empty or has no header row"),
            Case.refused("sent_emails-header-only.csv", "no send was accepted"),
            // Accepted, every row accounted for.
            Case.accepted("responded-header-only.csv", 0),
            Case.accepted("responded-extra-columns.csv", 3, "responded.csv:4::wrong column count"),
            Case.accepted(
                    "sent_emails-missing-columns.csv",
                    4,
                    "sent_emails.csv:3::wrong column count",
                    "sent_emails.csv:4::wrong column count"),
            Case.accepted("userbase-quoted-newlines-commas.csv", 5, "userbase.csv:6:Gender:unknown gender code"),
            Case.accepted(
                    "sent_emails-quoted-newlines-commas.csv",
                    5,
                    "sent_emails.csv:4:Customer_ID:non-integer id",
                    "sent_emails.csv:5:Sent_Date:bad date"),
            Case.accepted("userbase-bom.csv", 3).readAs("UTF-8", EncodingChoice.BYTE_ORDER_MARK, ','),
            Case.accepted("sent_emails-windows-line-endings.csv", 4, "sent_emails.csv:4:Customer_ID:non-integer id"),
            // Other encodings and delimiters, detected.
            Case.accepted("userbase-latin1.csv", 3).readAs("windows-1252", EncodingChoice.NOT_UTF8, ','),
            Case.accepted("userbase-windows-1252.csv", 4, "userbase.csv:5:Email_Address:address without '@'")
                    .readAs("windows-1252", EncodingChoice.NOT_UTF8, ','),
            Case.accepted("userbase-utf16le-bom.csv", 4, "userbase.csv:5:Email_Address:address without '@'")
                    .readAs("UTF-16LE", EncodingChoice.BYTE_ORDER_MARK, ','),
            Case.accepted(
                            "sent_emails-utf16be-bom-semicolons.csv",
                            3,
                            "sent_emails.csv:4:SubjectLine_ID:non-integer id")
                    .readAs("UTF-16BE", EncodingChoice.BYTE_ORDER_MARK, ';'),
            Case.accepted("sent_emails-utf8-bom-semicolons.csv", 3)
                    .readAs("UTF-8", EncodingChoice.BYTE_ORDER_MARK, ';'),
            Case.accepted("sent_emails-semicolons.csv", 2).readAs("UTF-8", EncodingChoice.VALID_UTF8, ';'),
            // The quoted name of an extra column holds the other candidates, which must not split it.
            Case.accepted("responded-tabs.csv", 3, "responded.csv:4::wrong column count")
                    .readAs("UTF-8", EncodingChoice.VALID_UTF8, '\t'),
            Case.accepted("userbase-pipes.csv", 4, "userbase.csv:5:Gender:unknown gender code")
                    .readAs("UTF-8", EncodingChoice.VALID_UTF8, '|'),
            Case.accepted(
                    "sent_emails-other-date-formats.csv",
                    9,
                    "sent_emails.csv:3:Sent_Date:bad date",
                    "sent_emails.csv:4:Sent_Date:bad date",
                    "sent_emails.csv:5:Sent_Date:bad date",
                    "sent_emails.csv:6:Sent_Date:bad date",
                    "sent_emails.csv:7:Sent_Date:bad date",
                    "sent_emails.csv:8:Sent_Date:bad date",
                    "sent_emails.csv:9:Sent_Date:bad date"),
            Case.accepted(
                    "responded-impossible-dates.csv",
                    6,
                    "responded.csv:3:Responded_Date:bad date",
                    "responded.csv:4:Responded_Date:bad date",
                    "responded.csv:5:Responded_Date:bad date",
                    "responded.csv:6:Responded_Date:bad date",
                    "responded.csv:7:Responded_Date:bad date"),
            Case.accepted(
                    "userbase-negative-and-enormous-numbers.csv",
                    9,
                    "userbase.csv:5:Age:negative age",
                    "userbase.csv:6:Tenure:negative tenure",
                    "userbase.csv:8:Age:non-integer age",
                    "userbase.csv:9:Tenure:non-integer tenure",
                    "userbase.csv:10:Age:negative age"),
            Case.accepted(
                    "sent_emails-int-overflow-ids.csv",
                    6,
                    "sent_emails.csv:3:Customer_ID:non-integer id",
                    "sent_emails.csv:4:SubjectLine_ID:non-integer id",
                    "sent_emails.csv:5:Customer_ID:customer not in userbase"),
            Case.accepted(
                    "userbase-int-overflow-ids.csv",
                    5,
                    "userbase.csv:5:Customer_ID:non-integer id",
                    "userbase.csv:6:Customer_ID:non-integer id"),
            Case.accepted(
                    "userbase-repeated-customers.csv",
                    6,
                    "userbase.csv:4:Customer_ID:repeated Customer_ID",
                    "userbase.csv:5:Gender:unknown gender code",
                    "userbase.csv:6:Customer_ID:repeated Customer_ID"),
            Case.accepted(
                    "sent_emails-unknown-customers.csv",
                    4,
                    "sent_emails.csv:3:Customer_ID:customer not in userbase",
                    "sent_emails.csv:5:Customer_ID:customer not in userbase"),
            Case.accepted(
                    "userbase-unknown-codes.csv",
                    10,
                    "userbase.csv:5:Gender:unknown gender code",
                    "userbase.csv:6:Gender:unknown gender code",
                    "userbase.csv:7:Gender:unknown gender code",
                    "userbase.csv:8:Gender:unknown gender code",
                    "userbase.csv:9:Type:unknown type code",
                    "userbase.csv:10:Type:unknown type code",
                    "userbase.csv:11:Type:unknown type code"),
            // A blank line is a row of one empty value: rejected, not skipped, so the count still adds up.
            Case.accepted(
                    "sent_emails-blank-lines.csv",
                    7,
                    "sent_emails.csv:3::wrong column count",
                    "sent_emails.csv:5::wrong column count",
                    "sent_emails.csv:6::wrong column count",
                    "sent_emails.csv:8::wrong column count"),
            Case.accepted("sent_emails-truncated-last-line.csv", 3, "sent_emails.csv:4::wrong column count"));

    @TempDir
    Path dir;

    static Stream<Arguments> readings() {
        return CORPUS.stream().flatMap(c -> READINGS.keySet().stream().sorted().map(r -> Arguments.of(c, r)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("readings")
    void eachMalformedFileIsAcceptedWithEveryRowAccountedForOrRefusedWhole(Case c, String reading) throws IOException {
        LogFiles files = validTrio();
        Path bad = dir.resolve(c.replaces());
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-inputs/" + c.resource())) {
            assertTrue(in != null, "missing resource " + c.resource());
            Files.write(bad, in.readAllBytes());
        }
        check(c, files, READINGS.get(reading));
    }

    @Test
    void theCorpusHasAFileForEveryCaseAndACaseForEveryFile() throws Exception {
        try (Stream<Path> list = Files.list(
                Path.of(BadInputCorpusTest.class.getResource("/bad-inputs").toURI()))) {
            assertEquals(
                    CORPUS.stream().map(Case::resource).sorted().toList(),
                    list.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void bytesThatAreNoUtf8AreReadAsWindows1252() throws IOException {
        LogFiles files = validTrio();
        copy("userbase-latin1.csv", files.userbase());
        for (PartedReader.Settings settings : READINGS.values()) {
            AggregatedLogs logs = new CsvCampaignLogSource(settings)
                    .aggregate(files, SendSplit.NONE, dir.resolve("rejected_rows.csv"), ProgressListener.NONE);
            // The é of "café.fr" is the byte E9: no UTF-8, so windows-1252, where it is é.
            assertEquals(List.of("café.fr", "gmail.com"), logs.cells().space().domains());
        }
    }

    @Test
    void textInOtherEncodingsReachesTheDomainsAndTheReportDecoded() throws IOException {
        LogFiles files = validTrio();
        Path report = dir.resolve("rejected_rows.csv");
        copy("userbase-utf16le-bom.csv", files.userbase());
        AggregatedLogs logs =
                new CsvCampaignLogSource().aggregate(files, SendSplit.NONE, report, ProgressListener.NONE);
        assertEquals(
                List.of("bücher.de", "gmail.com", "yahoo.com"),
                logs.cells().space().domains());

        copy("userbase-windows-1252.csv", files.userbase());
        new CsvCampaignLogSource().aggregate(files, SendSplit.NONE, report, ProgressListener.NONE);
        assertEquals(
                List.of("müller-at-gmx.de"),
                readReport(report).stream().map(r -> r.get("value")).toList());
    }

    /**
     * One data line of some 50 MB, generated here (never committed), streamed to disk: a send whose subject
     * line id is 50 million digits. Beyond the default line limit (1 MiB) it is rejected as too long without
     * being held; with the limit raised past it, it is read and rejected like any other bad id. Either way
     * the lines after it keep their numbers.
     */
    @Test
    void aSingleLineOfFiftyMegabytesIsRejectedAndTheRestRead() throws IOException {
        LogFiles files = validTrio();
        int digits = 50 << 20;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(files.sentEmails()), 1 << 16)) {
            out.write("Sent_Date,Customer_ID,SubjectLine_ID\n2016-01-04,1,1\n2016-01-05,2,"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) '7');
            for (int written = 0; written < digits; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\n2016-01-06,3,1\n2016-01-07,x,1\n".getBytes(StandardCharsets.US_ASCII));
        }
        Case beyondTheLimit = Case.accepted(
                "sent_emails-huge-line.csv",
                4,
                "sent_emails.csv:3::line too long",
                "sent_emails.csv:5:Customer_ID:non-integer id");
        check(beyondTheLimit, files, PartedReader.Settings.DEFAULT);
        check(beyondTheLimit, files, PartedReader.Settings.COMMONS_CSV_ONLY);

        LogFiles raised = new LogFiles(
                files.sentEmails(), files.responded(), files.userbase(), CsvFormat.DETECT.withMaxLineBytes(64 << 20));
        Case withinTheLimit = Case.accepted(
                "sent_emails-huge-line.csv",
                4,
                "sent_emails.csv:3:SubjectLine_ID:non-integer id",
                "sent_emails.csv:5:Customer_ID:non-integer id");
        check(withinTheLimit, raised, PartedReader.Settings.DEFAULT);
        check(withinTheLimit, raised, PartedReader.Settings.COMMONS_CSV_ONLY);
    }

    /** A header line beyond the limit refuses its file at line 1, read either way. */
    @Test
    void aHeaderLineBeyondTheLimitRefusesTheFile() throws IOException {
        LogFiles files = validTrio();
        Files.writeString(
                files.userbase(),
                "Customer_ID,Gender,Type,Email_Address,Age,Tenure," + "x".repeat(100)
                        + "\n1,F,C,ann@gmail.com,30,12\n");
        LogFiles limited = new LogFiles(
                files.sentEmails(), files.responded(), files.userbase(), CsvFormat.DETECT.withMaxLineBytes(120));
        Case refused = Case.refused(
                "userbase-long-header.csv",
                ":1: the header line is longer than 120 bytes, "
                        + "the line limit (raise it with ingest --max-line-bytes, or maxLineBytes in the API and on the Data "
                        + "page)");
        for (PartedReader.Settings settings : READINGS.values()) {
            check(refused, limited, settings);
        }
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-inputs/" + resource)) {
            Files.write(to, in.readAllBytes());
        }
    }

    private LogFiles validTrio() throws IOException {
        return new LogFiles(
                Files.writeString(dir.resolve("sent_emails.csv"), SENT),
                Files.writeString(dir.resolve("responded.csv"), RESPONDED),
                Files.writeString(dir.resolve("userbase.csv"), USERBASE));
    }

    private void check(Case c, LogFiles files, PartedReader.Settings settings) throws IOException {
        Path report = dir.resolve("rejected_rows.csv");
        Path bad = dir.resolve(c.replaces());
        CsvCampaignLogSource source = new CsvCampaignLogSource(settings);
        if (c.outcome() == Outcome.REFUSED) {
            IngestRefusedException refused = assertThrows(
                    IngestRefusedException.class,
                    () -> source.aggregate(files, SendSplit.NONE, report, ProgressListener.NONE));
            assertEquals(bad.toString(), refused.file());
            assertTrue(refused.getMessage().startsWith(bad.toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains(c.refusal()), refused.getMessage());
            return;
        }
        AggregatedLogs logs = source.aggregate(files, SendSplit.NONE, report, ProgressListener.NONE);

        List<CSVRecord> reported = readReport(report);
        assertEquals(
                c.rejections(),
                reported.stream()
                        .map(r -> r.get("file") + ":" + r.get("line") + ":" + r.get("field") + ":" + r.get("reason"))
                        .toList());
        for (FileSummary file : logs.summary().files()) {
            long expectedRows = file.file().equals(c.replaces()) ? c.rowsRead() : VALID_ROWS.get(file.file());
            assertEquals(expectedRows, file.rowsRead(), file.file() + ": rows read");
            long rejected = file.rejectedByReason().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            assertEquals(file.rowsRead(), file.accepted() + rejected, file.file() + ": accepted + rejected");
            Map<String, Long> reportedByReason = new TreeMap<>();
            reported.stream()
                    .filter(r -> r.get("file").equals(file.file()))
                    .forEach(r -> reportedByReason.merge(r.get("reason"), 1L, Long::sum));
            assertEquals(
                    file.rejectedByReason(), reportedByReason, file.file() + ": the report agrees with the summary");
            assertEquals(
                    Optional.of(file.file().equals(c.replaces()) ? c.readAs() : PLAIN),
                    file.format(),
                    file.file() + ": the encoding and delimiter it was read with");
        }
    }

    private static List<CSVRecord> readReport(Path report) throws IOException {
        try (Reader reader = Files.newBufferedReader(report, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            List<CSVRecord> records = new ArrayList<>();
            parser.forEach(records::add);
            return records;
        }
    }
}
