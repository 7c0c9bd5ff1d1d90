package org.campaignrl.adapters.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be read at all stop the ingest before anything is returned or reported. */
class RefusalTest {
    @TempDir
    Path dir;

    Path sent;
    Path responded;
    Path userbase;
    Path report;

    @BeforeEach
    void writeValidLogs() throws IOException {
        sent = Files.writeString(
                dir.resolve("sent_emails.csv"), "Sent_Date,Customer_ID,SubjectLine_ID\n2016-01-04,1,7\n");
        responded = Files.writeString(dir.resolve("responded.csv"), "Responded_Date,Customer_ID,SubjectLine_ID\n");
        userbase = Files.writeString(
                dir.resolve("userbase.csv"), "Customer_ID,Gender,Type,Email_Address,Age,Tenure\n1,M,B,a@b.org,20,0\n");
        report = dir.resolve("rejected_rows.csv");
    }

    @Test
    void refusesAMissingFile() throws IOException {
        Files.delete(responded);

        IngestRefusedException refused = refuse();

        assertEquals(responded.toString(), refused.file());
        assertTrue(refused.getMessage().contains("responded.csv"), refused.getMessage());
        assertTrue(refused.getMessage().contains("not found"), refused.getMessage());
        assertFalse(Files.exists(report), "no report for a refused ingest");
    }

    /**
     * A FIFO made the ingest wait forever (and every job queued behind it); a directory or a device is no log
     * either (a directory: {@link #refusesAFileThatCannotBeRead}). Each is refused before it is opened for
     * reading, naming the path and what it is.
     */
    @Test
    void refusesWhatIsNoRegularFileNamingWhatItIs() throws Exception {
        Files.delete(responded);
        Process mkfifo =
                new ProcessBuilder("mkfifo", responded.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        IngestRefusedException fifo = refuse();
        assertEquals(
                responded + ": not a regular file (it is a FIFO, a device or a socket): only regular files "
                        + "are read",
                fifo.getMessage());

        Files.delete(responded);
        Files.createSymbolicLink(responded, Path.of("/dev/null"));
        assertTrue(refuse().getMessage().contains("not a regular file (it is a FIFO, a device or a socket)"));
        assertFalse(Files.exists(report), "no report for a refused ingest");
    }

    @Test
    void refusesAHeaderMissingAColumnNamingFileAndColumn() throws IOException {
        Files.writeString(sent, "Sent_Date,Customer_ID,Subject\n2016-01-04,1,7\n");

        IngestRefusedException refused = refuse();

        assertEquals(1, refused.line());
        assertTrue(refused.getMessage().contains("sent_emails.csv"), refused.getMessage());
        assertTrue(refused.getMessage().contains("'SubjectLine_ID'"), refused.getMessage());
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Files.writeString(userbase, "");

        IngestRefusedException refused = refuse();

        assertTrue(refused.getMessage().contains("userbase.csv"), refused.getMessage());
        assertTrue(refused.getMessage().contains("empty"), refused.getMessage());
    }

    @Test
    void refusesAFileThatCannotBeRead() throws IOException {
        Files.delete(userbase);
        Files.createDirectory(userbase);

        IngestRefusedException refused = refuse();

        assertEquals(userbase.toString(), refused.file());
        assertTrue(
                refused.getMessage()
                        .endsWith(": not a regular file (it is a directory): only regular files are " + "read"),
                refused.getMessage());
    }

    @Test
    void refusesARequiredColumnGivenTwice() throws IOException {
        Files.writeString(responded, "Responded_Date,Customer_ID,SubjectLine_ID,Customer_ID\n");

        IngestRefusedException refused = refuse();

        assertTrue(refused.getMessage().contains("'Customer_ID' 2 times"), refused.getMessage());
    }

    @Test
    void refusesWhenNoSendIsAccepted() throws IOException {
        Files.writeString(sent, "Sent_Date,Customer_ID,SubjectLine_ID\n2016-01-04,2,7\n");

        IngestRefusedException refused = refuse();

        assertEquals(sent.toString(), refused.file());
        assertTrue(refused.getMessage().contains("no send was accepted"), refused.getMessage());
    }

    @Test
    void refusesAnUnclosedQuoteAtTheLineItStarts() throws IOException {
        Files.writeString(
                sent, "Sent_Date,Customer_ID,SubjectLine_ID\n2016-01-04,1,7\n2016-01-04,\"1,7\n2016-01-05,1,7\n");

        IngestRefusedException refused = refuse();

        assertEquals(3, refused.line());
        assertTrue(refused.getMessage().contains("malformed CSV"), refused.getMessage());
    }

    private IngestRefusedException refuse() {
        return assertThrows(
                IngestRefusedException.class,
                () -> new CsvCampaignLogSource()
                        .aggregate(
                                new LogFiles(sent, responded, userbase),
                                SendSplit.NONE,
                                report,
                                ProgressListener.NONE));
    }
}
