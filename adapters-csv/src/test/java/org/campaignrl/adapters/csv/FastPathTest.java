package org.campaignrl.adapters.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.campaignrl.adapters.csv.fastpath.PartedReader;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path ({@link PartedReader}) must read every file exactly as Commons CSV does: same counts, same
 * cells, the same rejects report line for line, the same refusal. Here both read the same files, the fast
 * one cut into many tiny parts through tiny buffers, so that cuts and buffer ends fall everywhere.
 */
class FastPathTest {
    /** Cut into up to 5 parts of any size, read 7 bytes at a time: every cut and buffer edge is exercised. */
    private static final PartedReader.Settings TINY_PARTS = new PartedReader.Settings(5, 1, 7);

    @TempDir
    Path dir;

    @Test
    void theHandMadeDatasetReadsTheSameInTinyParts() throws IOException {
        LogFiles files = write(
                CsvCampaignLogSourceTest.SENT, CsvCampaignLogSourceTest.RESPONDED, CsvCampaignLogSourceTest.USERBASE);
        assertSameOutcome(files, SendSplit.NONE);
    }

    @Test
    void theBundledSampleReadsTheSameInPartsWithAndWithoutASplit() {
        Path sample = Path.of("..", "data", "sample");
        LogFiles files = new LogFiles(
                sample.resolve("sent_emails.csv"), sample.resolve("responded.csv"), sample.resolve("userbase.csv"));
        PartedReader.Settings parts = new PartedReader.Settings(3, 1, 1 << 16);
        assertSameOutcome(files, SendSplit.NONE, parts);
        assertSameOutcome(files, SendSplit.randomPairs(0.25, 3), parts);
        assertSameOutcome(files, SendSplit.byDate(LocalDate.of(2016, 3, 1)), parts);
    }

    /** Random logs mixing good rows with every kind of trouble a CSV export has. */
    @ParameterizedTest
    @ValueSource(
            longs = {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40
            })
    void randomLogsWithTroubleReadTheSame(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        // Mostly files the fast path reads alone; some with quotes or lone CRs that send it back.
        double trouble = seed % 4 == 0 ? 0.05 : 0.0;
        LogFiles files = write(
                log(random, "Sent_Date,Customer_ID,SubjectLine_ID", 200, trouble, () -> send(random)),
                log(random, "Responded_Date,Customer_ID,SubjectLine_ID", 60, trouble, () -> send(random)),
                log(random, "Customer_ID,Gender,Type,Email_Address,Age,Tenure", 40, trouble, () -> customer(random)));
        assertSameOutcome(files, seed % 3 == 0 ? SendSplit.randomPairs(0.3, seed) : SendSplit.NONE);
    }

    /**
     * The same random logs with bytes that are no UTF-8 put in anywhere after the header (in plain and
     * quoted values, between a CR and its LF, inside a character), read as UTF-8, as the ingest was told:
     * both paths must reject the same rows as not UTF-8.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void randomLogsWithBytesThatAreNoUtf8ReadTheSame(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        LogFiles text = write(
                log(random, "Sent_Date,Customer_ID,SubjectLine_ID", 200, 0, () -> send(random)),
                log(random, "Responded_Date,Customer_ID,SubjectLine_ID", 60, 0, () -> send(random)),
                log(random, "Customer_ID,Gender,Type,Email_Address,Age,Tenure", 40, 0, () -> customer(random)));
        for (Path file : List.of(text.sentEmails(), text.responded(), text.userbase())) {
            Files.write(file, withBadBytes(random, Files.readAllBytes(file), 6));
        }
        LogFiles files =
                new LogFiles(text.sentEmails(), text.responded(), text.userbase(), CsvFormat.of("UTF-8", null));

        assertSameOutcome(files, SendSplit.NONE);
        Outcome outcome = outcome(files, SendSplit.NONE, TINY_PARTS, "bad-bytes");
        assertTrue(
                outcome.refusal != null || outcome.report.stream().anyMatch(line -> line.contains(",not UTF-8,")),
                "some row is rejected as not UTF-8");
    }

    /**
     * Random logs whose rows are often padded past a small line limit (plain, quoted, quoted over lines, with
     * CRLF, at the end of the file): both paths must reject the same rows as too long, at the same lines.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomLogsWithLinesBeyondTheLimitReadTheSame(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int limit = 60 + random.nextInt(20); // the longest header, with ",Extra" and a CRLF, still fits
        double trouble = seed % 4 == 0 ? 0.05 : 0.0;
        boolean quotes = seed % 2 == 0;
        LogFiles text = write(
                log(
                        random,
                        "Sent_Date,Customer_ID,SubjectLine_ID",
                        200,
                        trouble,
                        () -> padded(random, send(random), limit, quotes)),
                log(
                        random,
                        "Responded_Date,Customer_ID,SubjectLine_ID",
                        60,
                        trouble,
                        () -> padded(random, send(random), limit, quotes)),
                log(
                        random,
                        "Customer_ID,Gender,Type,Email_Address,Age,Tenure",
                        40,
                        trouble,
                        () -> padded(random, customer(random), limit, quotes)));
        LogFiles files = new LogFiles(
                text.sentEmails(), text.responded(), text.userbase(), CsvFormat.DETECT.withMaxLineBytes(limit));

        assertSameOutcome(files, SendSplit.NONE);
        assertSameOutcome(files, SendSplit.NONE, new PartedReader.Settings(2, 1, limit / 3));
        Outcome outcome = outcome(files, SendSplit.NONE, TINY_PARTS, "long-lines");
        assertTrue(
                outcome.refusal != null || outcome.report.stream().anyMatch(line -> line.contains(",line too long,")),
                "some row is rejected as too long");
    }

    /**
     * Rows of exactly the limit, one byte over and one under, with LF and CRLF, read through buffers of every
     * size from 2 bytes to beyond the limit, so that a buffer ends at every byte of them (between a CR and
     * its LF too).
     */
    @Test
    void rowsAtTheLimitReadTheSameWhereverABufferEnds() throws IOException {
        int limit = 64;
        String sent = "Sent_Date,Customer_ID,SubjectLine_ID\r\n"
                + subjectPaddedTo(limit) + "\r\n" // line 2: the limit exactly, accepted
                + subjectPaddedTo(limit + 1) + "\r\n" // 3: one byte over
                + subjectPaddedTo(limit - 1) + "\n" // 4: one under
                + subjectPaddedTo(limit + 1) + "\n" // 5
                + subjectPaddedTo(limit) + "\n" // 6
                + subjectPaddedTo(limit + 1); // 7: over, and no line break at the end
        LogFiles files = new LogFiles(
                Files.writeString(dir.resolve("sent_emails.csv"), sent),
                Files.writeString(dir.resolve("responded.csv"), "Responded_Date,Customer_ID,SubjectLine_ID\n"),
                Files.writeString(
                        dir.resolve("userbase.csv"),
                        "Customer_ID,Gender,Type,Email_Address,Age,Tenure\n" + "1,M,B,a@b.org,20,0\n"),
                CsvFormat.DETECT.withMaxLineBytes(limit));
        for (int buffer = 2; buffer <= limit + 4; buffer++) {
            assertSameOutcome(files, SendSplit.NONE, new PartedReader.Settings(1, 1, buffer));
        }
        Outcome outcome = outcome(files, SendSplit.NONE, TINY_PARTS, "at-limit");
        String tooLong = ",,line too long,\"more than 64 bytes (raise it with ingest --max-line-bytes, or "
                + "maxLineBytes in the API and on the Data page)\"";
        assertEquals(
                List.of(
                        "file,line,field,reason,value",
                        "sent_emails.csv,3" + tooLong,
                        "sent_emails.csv,5" + tooLong,
                        "sent_emails.csv,7" + tooLong),
                outcome.report);
        assertEquals(3, outcome.logs.summary().sends());
    }

    /** A send of subject 1 whose id has leading zeros, so that the row is {@code length} bytes long. */
    private static String subjectPaddedTo(int length) {
        String start = "2016-01-04,1,";
        return start + "0".repeat(length - start.length() - 1) + "1";
    }

    @Test
    void aValueRunningOverLinesAcrossACutReadsTheSame() throws IOException {
        StringBuilder userbase = new StringBuilder("Customer_ID,Gender,Type,Email_Address,Age,Tenure,Notes\n");
        for (int id = 1; id <= 30; id++) {
            userbase.append(id)
                    .append(",F,C,a")
                    .append(id)
                    .append("@x.org,30,3,")
                    .append(id % 7 == 0 ? "\"two\nlines, \"\"quoted\"\"\"" : "plain")
                    .append('\n');
        }
        StringBuilder sent = new StringBuilder("Sent_Date,Customer_ID,SubjectLine_ID\n");
        for (int id = 1; id <= 30; id++) {
            sent.append("2016-01-0").append(1 + id % 9).append(',').append(id).append(",1\n");
        }
        assertSameOutcome(
                write(
                        sent.toString(),
                        "Responded_Date,Customer_ID,SubjectLine_ID\n2016-01-02,3,1\n",
                        userbase.toString()),
                SendSplit.NONE);
    }

    @Test
    void aMalformedQuoteIsRefusedAtTheSameLine() throws IOException {
        LogFiles files = write(
                "Sent_Date,Customer_ID,SubjectLine_ID\n2016-01-04,1,7\n2016-01-04,\"1\"x,7\n",
                "Responded_Date,Customer_ID,SubjectLine_ID\n",
                "Customer_ID,Gender,Type,Email_Address,Age,Tenure\n1,M,B,a@b.org,20,0\n");
        String fast = refusal(files, TINY_PARTS);
        assertEquals(refusal(files, PartedReader.Settings.COMMONS_CSV_ONLY), fast);
        assertTrue(fast.contains(":3: malformed CSV"), fast);
    }

    @Test
    void manyRejectedRowsSpillToDiskAndComeBackInOrder() throws IOException {
        StringBuilder sent = new StringBuilder("Sent_Date,Customer_ID,SubjectLine_ID\n");
        for (int row = 0; row < 60_000; row++) {
            sent.append(row % 3 == 0 ? "2016-01-04,1,7\n" : "2016-01-04,999999,7\n");
        }
        LogFiles files = write(
                sent.toString(),
                "Responded_Date,Customer_ID,SubjectLine_ID\n",
                "Customer_ID,Gender,Type,Email_Address,Age,Tenure\n1,M,B,a@b.org,20,0\n");
        // Parts of 100 KB at least: some 40 000 rejected rows each, well past what a buffer keeps in memory.
        assertSameOutcome(files, SendSplit.NONE, new PartedReader.Settings(2, 100_000, 4096));
    }

    private void assertSameOutcome(LogFiles files, SendSplit split) {
        assertSameOutcome(files, split, TINY_PARTS);
    }

    private void assertSameOutcome(LogFiles files, SendSplit split, PartedReader.Settings settings) {
        Outcome expected = outcome(files, split, PartedReader.Settings.COMMONS_CSV_ONLY, "commons");
        Outcome actual = outcome(files, split, settings, "fast");
        assertEquals(expected.refusal, actual.refusal);
        assertEquals(expected.report, actual.report);
        if (expected.logs != null) {
            assertEquals(expected.logs.summary().files(), actual.logs.summary().files());
            assertEquals(
                    expected.logs.summary().customers(), actual.logs.summary().customers());
            assertEquals(expected.logs.summary().sends(), actual.logs.summary().sends());
            assertEquals(
                    expected.logs.summary().respondedSends(),
                    actual.logs.summary().respondedSends());
            assertEquals(
                    expected.logs.summary().distinctResponsePairs(),
                    actual.logs.summary().distinctResponsePairs());
            assertEquals(
                    expected.logs.summary().responsePairsWithoutSend(),
                    actual.logs.summary().responsePairsWithoutSend());
            assertEquals(
                    expected.logs.summary().firstSendDate(),
                    actual.logs.summary().firstSendDate());
            assertEquals(
                    expected.logs.summary().lastSendDate(),
                    actual.logs.summary().lastSendDate());
            assertEquals(expected.logs.cells(), actual.logs.cells());
            assertEquals(expected.logs.heldOutCells(), actual.logs.heldOutCells());
        }
    }

    private record Outcome(AggregatedLogs logs, String refusal, List<String> report) {}

    private Outcome outcome(LogFiles files, SendSplit split, PartedReader.Settings settings, String name) {
        Path report = dir.resolve(name + "-rejects.csv");
        try {
            AggregatedLogs logs =
                    new CsvCampaignLogSource(settings).aggregate(files, split, report, ProgressListener.NONE);
            return new Outcome(logs, null, Files.readAllLines(report));
        } catch (IngestRefusedException e) {
            return new Outcome(null, e.getMessage(), List.of());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private String refusal(LogFiles files, PartedReader.Settings settings) {
        return outcome(files, SendSplit.NONE, settings, "refused").refusal;
    }

    // --- random logs

    private static String log(
            SplittableRandom random,
            String header,
            int rows,
            double trouble,
            java.util.function.Supplier<List<String>> row) {
        StringBuilder text = new StringBuilder(random.nextInt(10) == 0 ? "\uFEFF" : "");
        String lineEnd = random.nextInt(4) == 0 ? "\r\n" : "\n";
        text.append(header).append(random.nextInt(5) == 0 ? ",Extra" : "").append(lineEnd);
        boolean extraColumn = text.indexOf(",Extra") >= 0;
        for (int r = 0; r < rows; r++) {
            List<String> values = new ArrayList<>(row.get());
            if (extraColumn) {
                values.add(random.nextBoolean() ? "" : "x");
            }
            int roll = random.nextInt(100);
            if (roll < 3) {
                values.remove(values.size() - 1); // too few values
            } else if (roll < 5) {
                values.add("surplus"); // too many
            } else if (roll < 6) {
                values = List.of(""); // an empty line
            } else if (roll < 8) {
                int at = random.nextInt(values.size());
                values.set(at, "\"" + values.get(at).replace("\"", "\"\"") + "\""); // quoted, closes on the line
            }
            text.append(String.join(",", values));
            if (random.nextDouble() < trouble) {
                text.append(
                        switch (random.nextInt(4)) {
                            case 0 -> ",\"open\nquote\""; // a value over two lines
                            case 1 -> "\r"; // a lone CR: a line break to Commons CSV
                            case 2 -> ",\"a\"b"; // malformed: refused
                            default -> " \""; // a quote inside a plain value
                        });
            }
            text.append(lineEnd);
        }
        if (random.nextBoolean()) {
            text.setLength(text.length() - lineEnd.length()); // no line break at the very end
        }
        return text.toString();
    }

    /**
     * The values, one of them made longer in one in ten rows: a run of digits, or (with {@code quotes}) quoted
     * text, some over lines. A quoted line beyond the limit leaves the whole file to Commons CSV, hence files
     * without them, where the fast path passes over the long lines itself.
     */
    private static List<String> padded(SplittableRandom random, List<String> values, int limit, boolean quotes) {
        if (random.nextInt(10) != 0) {
            return values;
        }
        List<String> longer = new ArrayList<>(values);
        int at = random.nextInt(longer.size());
        // Mostly a line of about the limit, where one byte more or less matters; else far beyond it.
        int line = String.join(",", values).length();
        int length = random.nextInt(4) != 0 ? limit - line - 2 + random.nextInt(6) : limit + random.nextInt(5 * limit);
        String padding = "7".repeat(Math.max(0, length));
        longer.set(
                at,
                switch (quotes ? random.nextInt(3) : 0) {
                    case 0 -> longer.get(at) + padding;
                    case 1 -> "\"" + longer.get(at) + padding + "\"";
                    default -> "\"" + longer.get(at) + padding.replace("77777", "7\r\n7,\"\"") + "\"";
                });
        return longer;
    }

    /** {@code count} sequences that are no UTF-8 (a Latin-1 letter, a lead byte cut short, a surrogate, an overlong form) put in after the header. */
    private static byte[] withBadBytes(SplittableRandom random, byte[] file, int count) {
        byte[][] bad = {
            {(byte) 0xE9},
            {(byte) 0xC3},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xFF},
            {(byte) 0xF0, (byte) 0x9F}
        };
        int dataStart = 0;
        while (dataStart < file.length && file[dataStart++] != '\n') {
            // skip the header
        }
        byte[] result = file;
        for (int k = 0; k < count && dataStart < result.length; k++) {
            int at = dataStart + random.nextInt(result.length - dataStart);
            byte[] insert = bad[random.nextInt(bad.length)];
            byte[] longer = new byte[result.length + insert.length];
            System.arraycopy(result, 0, longer, 0, at);
            System.arraycopy(insert, 0, longer, at, insert.length);
            System.arraycopy(result, at, longer, at + insert.length, result.length - at);
            result = longer;
        }
        return result;
    }

    private static List<String> send(SplittableRandom random) {
        String date = switch (random.nextInt(20)) {
            case 0 -> "2016-02-30";
            case 1 -> "2016-01-0" + (1 + random.nextInt(9)) + " 10:11:12";
            case 2 -> "2016-1-04";
            default -> String.format("2016-%02d-%02d", 1 + random.nextInt(3), 1 + random.nextInt(28));
        };
        String customer = switch (random.nextInt(30)) {
            case 0 -> "x" + random.nextInt(9);
            case 1 -> "99999999999";
            case 2 -> "-" + random.nextInt(50);
            default -> String.valueOf(1 + random.nextInt(50));
        };
        String subject = random.nextInt(40) == 0 ? "s" : String.valueOf(1 + random.nextInt(4));
        return List.of(date, customer, subject);
    }

    private static List<String> customer(SplittableRandom random) {
        String[] domains = {"gmail.com", "Yahoo.COM", " aol.com ", "ÄÖ.de", "mail.ÇOM", "x.org"};
        String address = switch (random.nextInt(25)) {
            case 0 -> "no-at-sign";
            case 1 -> "trailing@";
            case 2 -> "two@at@" + domains[random.nextInt(domains.length)];
            default -> "u" + random.nextInt(1000) + "@" + domains[random.nextInt(domains.length)];
        };
        return List.of(
                String.valueOf(1 + random.nextInt(60)),
                random.nextInt(30) == 0 ? "X" : random.nextBoolean() ? "F" : "M",
                random.nextInt(30) == 0 ? "b" : random.nextBoolean() ? "B" : "C",
                address,
                random.nextInt(30) == 0 ? "-3" : String.valueOf(16 + random.nextInt(60)),
                random.nextInt(30) == 0 ? "1.5" : String.valueOf(random.nextInt(40)));
    }

    private LogFiles write(String sent, String responded, String userbase) throws IOException {
        return new LogFiles(
                Files.writeString(dir.resolve("sent_emails.csv"), sent, StandardCharsets.UTF_8),
                Files.writeString(dir.resolve("responded.csv"), responded, StandardCharsets.UTF_8),
                Files.writeString(dir.resolve("userbase.csv"), userbase, StandardCharsets.UTF_8));
    }
}
