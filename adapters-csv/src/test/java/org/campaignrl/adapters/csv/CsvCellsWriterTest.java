package org.campaignrl.adapters.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvCellsWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesOneRowPerSentCellSortedLikePandasGroupby() throws IOException {
        // Subjects 2 and 5; domains sort to a.com = 0, b.com = 1.
        StateSpace space = new StateSpace(new int[] {5, 2}, List.of("b.com", "a.com"));
        long[] sends = new long[space.size()];
        long[] responses = new long[space.size()];
        // Vector: subject id, day, tenure, domain, age, gender, type.
        set(space, sends, responses, new int[] {5, 3, 0, 0, 0, 0, 0}, 4, 1);
        set(space, sends, responses, new int[] {2, 0, 3, 0, 1, 1, 0}, 2, 2);
        set(space, sends, responses, new int[] {2, 1, 0, 0, 0, 0, 1}, 1, 0);
        set(space, sends, responses, new int[] {2, 6, 0, 1, 0, 0, 0}, 3, 1);
        set(space, sends, responses, new int[] {2, 5, 0, 1, 0, 0, 0}, 1, 0);
        Path out = dir.resolve("export/email_campaign_data.csv");

        long rows = new CsvCellsWriter().writeCells(new Cells(space, sends, responses), out);

        assertEquals(5, rows);
        assertEquals("""
                SubjectLine_ID,Gender,Type,Email_Domain,Tenure_Group,Age_Group,Sent_Day,Response_Received,Sent_Emails
                2,0,0,1,0,0,5,0,1
                2,0,0,1,0,0,6,1,3
                2,0,1,0,0,0,1,0,1
                2,1,0,0,3,1,0,2,2
                5,0,0,0,0,0,3,1,4
                """, Files.readString(out));
    }

    private static void set(StateSpace space, long[] sends, long[] responses, int[] vector, long sent, long responded) {
        int state = space.indexOfVector(vector);
        sends[state] = sent;
        responses[state] = responded;
    }
}
