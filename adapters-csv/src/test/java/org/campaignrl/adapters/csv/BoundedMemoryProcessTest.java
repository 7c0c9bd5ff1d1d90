package org.campaignrl.adapters.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest's memory stays flat whatever one line holds: a child JVM with a heap of {@value #HEAP} reads logs
 * whose one line (the header, a data line on the fast path, one on Commons CSV's path, a quoted value over
 * a hundred thousand lines) is {@value #HUGE_MB} MB, more than the whole heap, and a userbase that is a link
 * to {@code /dev/zero}, which never ends. Before the line limit each of these failed with "Java heap space"
 * (or "Requested array size exceeds VM limit"); now each is rejected or refused, naming file and line (the
 * link to a device: refused before it is read, as it is no regular file).
 */
class BoundedMemoryProcessTest {
    private static final String HEAP = "64m";
    private static final int HUGE_MB = 96;

    @TempDir
    Path dir;

    @Test
    void linesLargerThanTheHeapAreRejectedOrRefusedInASmallHeap() throws Exception {
        Path header = trio("header");
        writeHuge(
                header.resolve("userbase.csv"),
                "Customer_ID,Gender,Type,Email_Address,Age,Tenure,",
                'x',
                "\n1,F,C,ann@gmail.com,30,12\n");
        Path fast = trio("fast-path");
        writeHuge(
                fast.resolve("sent_emails.csv"),
                "Sent_Date,Customer_ID,SubjectLine_ID\n2016-01-04,1,1\n" + "2016-01-05,2,",
                '7',
                "\n2016-01-06,3,1\n2016-01-07,x,1\n");
        // Semicolons: only Commons CSV reads them.
        Path commons = trio("commons-csv");
        writeHuge(
                commons.resolve("sent_emails.csv"),
                "Sent_Date;Customer_ID;SubjectLine_ID\n2016-01-04;1;1\n" + "2016-01-05;2;",
                '7',
                "\n2016-01-06;3;1\n2016-01-07;x;1\n");
        Path quoted = trio("quoted-lines");
        writeQuotedOverLines(quoted.resolve("sent_emails.csv"));
        Path zero = trio("dev-zero");
        Files.delete(zero.resolve("userbase.csv"));
        Files.createSymbolicLink(zero.resolve("userbase.csv"), Path.of("/dev/zero"));

        List<String> lines = runInSmallHeap(header, fast, commons, quoted, zero);

        assertEquals(
                List.of(
                        "header: refused: " + header.resolve("userbase.csv")
                                + ":1: the header line is longer than 1048576 " + "bytes, the line limit" + RAISE_IT,
                        "fast-path: sent_emails.csv 4 rows, 2 accepted, rejected [3 line too long, 5 non-integer id]",
                        "commons-csv: sent_emails.csv 4 rows, 2 accepted, rejected [3 line too long, 5 non-integer id]",
                        "quoted-lines: sent_emails.csv 4 rows, 2 accepted, rejected [3 line too long, 100004 non-integer id]",
                        "dev-zero: refused: " + zero.resolve("userbase.csv")
                                + ": not a regular file (it is a FIFO, a device "
                                + "or a socket): only regular files are read"),
                lines);
    }

    private static final String RAISE_IT =
            " (raise it with ingest --max-line-bytes, or maxLineBytes in the API and " + "on the Data page)";

    /** Runs {@link Ingest} on the folders in a JVM of its own with a small heap; its lines of output. */
    private static List<String> runInSmallHeap(Path... folders) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP,
                "-cp",
                System.getProperty("java.class.path"),
                Ingest.class.getName()));
        Arrays.stream(folders).map(Path::toString).forEach(command::add);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // Only a guard against a hang, never a measure of speed.
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the child JVM did not end");
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }

    /** The valid trio of logs in a folder of its own. */
    private Path trio(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("sent_emails.csv"), BadInputCorpusTest.SENT);
        Files.writeString(folder.resolve("responded.csv"), BadInputCorpusTest.RESPONDED);
        Files.writeString(folder.resolve("userbase.csv"), BadInputCorpusTest.USERBASE);
        return folder;
    }

    /** {@code before}, {@value #HUGE_MB} MB of {@code fill}, {@code after}: streamed, never held. */
    private static void writeHuge(Path file, String before, char fill, String after) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(before.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) fill);
            for (long written = 0; written < (long) HUGE_MB << 20; written += chunk.length) {
                out.write(chunk);
            }
            out.write(after.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A send whose quoted subject runs over 100 000 lines of about 1 000 bytes, then a bad and a valid send. */
    private static void writeQuotedOverLines(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write("Sent_Date,Customer_ID,SubjectLine_ID\n2016-01-04,1,1\n2016-01-05,2,\""
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[(HUGE_MB << 20) / 100_000];
            Arrays.fill(line, (byte) '7');
            line[line.length - 1] = '\n';
            for (int i = 0; i < 100_000; i++) {
                out.write(line);
            }
            out.write("\"\n2016-01-07,x,1\n2016-01-06,3,1\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * The child: ingests each folder with the default settings and prints what became of the sends (rows,
     * accepted, each rejected row's line and reason), or the refusal.
     */
    static final class Ingest {
        public static void main(String[] args) throws IOException {
            for (String arg : args) {
                Path folder = Path.of(arg);
                Path report = folder.resolve("rejected_rows.csv");
                String name = folder.getFileName().toString();
                try {
                    AggregatedLogs logs = new CsvCampaignLogSource()
                            .aggregate(
                                    new LogFiles(
                                            folder.resolve("sent_emails.csv"),
                                            folder.resolve("responded.csv"),
                                            folder.resolve("userbase.csv")),
                                    SendSplit.NONE,
                                    report,
                                    ProgressListener.NONE);
                    FileSummary sent = logs.summary().files().get(2);
                    List<String> rejected = Files.readAllLines(report).stream()
                            .skip(1)
                            .map(line -> line.split(","))
                            .map(f -> f[1] + " " + f[3])
                            .toList();
                    System.out.println(name + ": " + sent.file() + " " + sent.rowsRead() + " rows, " + sent.accepted()
                            + " accepted, rejected " + rejected);
                } catch (IngestRefusedException e) {
                    System.out.println(name + ": refused: " + e.getMessage());
                }
            }
        }
    }
}
