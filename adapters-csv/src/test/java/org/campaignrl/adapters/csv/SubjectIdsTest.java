package org.campaignrl.adapters.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.campaignrl.adapters.csv.fastpath.PartedReader;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.campaignrl.domain.Cells;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A send's response is found from its customer's bits for subject ids 0..30 and from the responded pairs for
 * any other id (see {@link Customers#subjectBit}); both must match a pair exactly, whatever the other subjects.
 */
class SubjectIdsTest {
    @TempDir
    Path dir;

    @Test
    void smallLargeAndNegativeSubjectIdsMatchTheirOwnPairsOnly() throws IOException {
        Path userbase = Files.writeString(
                dir.resolve("userbase.csv"),
                "Customer_ID,Gender,Type,Email_Address,Age,Tenure\n1,F,C,a@x.org,30,3\n2,M,B,b@x.org,40,9\n");
        Path responded = Files.writeString(
                dir.resolve("responded.csv"),
                "Responded_Date,Customer_ID,SubjectLine_ID\n"
                        + "2016-01-05,1,1\n2016-01-05,1,31\n2016-01-05,2,40\n2016-01-05,2,-5\n2016-01-05,2,30\n"
                        + "2016-01-05,1,99\n" // customer 1 responded to 99, never sent: its only other-subject pair
                        + "2016-01-05,2,2\n"); // never sent
        Path sent = Files.writeString(
                dir.resolve("sent_emails.csv"),
                "Sent_Date,Customer_ID,SubjectLine_ID\n"
                        + "2016-01-04,1,1\n2016-01-11,1,1\n" // responded, twice
                        + "2016-01-04,1,31\n" // responded (31 is the first id without a bit of its own)
                        + "2016-01-04,2,40\n2016-01-04,2,-5\n2016-01-04,2,30\n" // responded
                        + "2016-01-04,1,40\n" // customer 1 responded to other ids, not to 40
                        + "2016-01-04,1,2\n" // customer 2, not 1, responded to 2
                        + "2016-01-04,2,31\n"); // customer 2 responded to other ids, not to 31

        for (PartedReader.Settings settings : new PartedReader.Settings[] {
            PartedReader.Settings.DEFAULT, PartedReader.Settings.COMMONS_CSV_ONLY, new PartedReader.Settings(3, 1, 5)
        }) {
            var logs = new CsvCampaignLogSource(settings)
                    .aggregate(
                            new LogFiles(sent, responded, userbase),
                            SendSplit.NONE,
                            dir.resolve("rejects.csv"),
                            ProgressListener.NONE);
            IngestSummary summary = logs.summary();
            assertEquals(9, summary.sends());
            assertEquals(6, summary.respondedSends());
            assertEquals(7, summary.distinctResponsePairs());
            assertEquals(2, summary.responsePairsWithoutSend());
            Cells cells = logs.cells();
            // Customer 1: day Monday (0), tenure 0, domain x.org (0), age 25-35 (2), F (0), Consumer (1).
            assertEquals(2, cells.responses(cells.space().indexOfVector(new int[] {1, 0, 0, 0, 2, 0, 1})));
            assertEquals(0, cells.responses(cells.space().indexOfVector(new int[] {40, 0, 0, 0, 2, 0, 1})));
            assertEquals(1, cells.responses(cells.space().indexOfVector(new int[] {-5, 0, 1, 0, 3, 1, 0})));
            assertEquals(0, cells.responses(cells.space().indexOfVector(new int[] {31, 0, 1, 0, 3, 1, 0})));
        }
    }
}
