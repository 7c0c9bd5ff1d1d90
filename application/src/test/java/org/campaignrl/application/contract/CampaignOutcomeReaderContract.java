package org.campaignrl.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.CampaignOutcomeReader;
import org.campaignrl.application.port.out.CampaignOutcomeReader.PlanOutcome;
import org.campaignrl.application.port.out.CampaignOutcomeReader.PlannedSends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every outcome reader must find in the generator's layout of the logs: extend it with the adapter's reader. */
public abstract class CampaignOutcomeReaderContract {
    @TempDir
    Path folder;

    protected abstract CampaignOutcomeReader reader();

    private static BitSet bits(int... positions) {
        BitSet bits = new BitSet();
        for (int position : positions) {
            bits.set(position);
        }
        return bits;
    }

    private List<PlanOutcome> read(List<String> sent, List<String> responded, List<PlannedSends> plans)
            throws IOException {
        Path sentEmails = folder.resolve("sent_emails.csv");
        Path respondedFile = folder.resolve("responded.csv");
        Path userbase = folder.resolve("userbase.csv");
        Files.write(sentEmails, concat("Sent_Date,Customer_ID,SubjectLine_ID", sent));
        Files.write(respondedFile, concat("Responded_Date,Customer_ID,SubjectLine_ID", responded));
        Files.write(
                userbase,
                List.of(
                        "Customer_ID,Gender,Type,Email_Address,Age,Tenure",
                        "1,F,B,a@gmail.com,30,3",
                        "2,M,C,b@gmail.com,40,4",
                        "3,F,C,c@yahoo.com,50,5"));
        return reader().read(
                        new CampaignLogSource.LogFiles(sentEmails, respondedFile, userbase),
                        plans,
                        ProgressListener.NONE);
    }

    private static List<String> concat(String header, List<String> rows) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(header), rows.stream())
                .toList();
    }

    @Test
    void onlyThePlansSubjectOnOrAfterItsFirstDayCountsForItsOwnCustomers() throws IOException {
        LocalDate from = LocalDate.of(2016, 4, 4);
        List<PlanOutcome> outcomes = read(
                List.of(
                        "2016-04-03,1,2", // before the plan
                        "2016-04-04,2,2", // on its first day
                        "2016-04-09,3,1", // another subject
                        "2016-04-10,9,2"), // not in the plan
                List.of("2016-04-05,2,2", "2016-04-06,1,2", "2016-04-02,3,2", "2016-04-12,3,1"),
                List.of(new PlannedSends(7, 2, from, new int[] {1, 2, 3})));
        assertEquals(1, outcomes.size());
        assertEquals(7, outcomes.get(0).planId());
        assertEquals(bits(1), outcomes.get(0).sent());
        assertEquals(
                bits(0, 1),
                outcomes.get(0).responded(),
                "a response counts sent or not; one before the" + " plan's first day does not");
    }

    @Test
    void twoPlansWithTheSameCustomersGetTheirOwnOutcomesInTheOrderAsked() throws IOException {
        List<PlanOutcome> outcomes = read(
                List.of("2016-04-05,1,1", "2016-04-05,2,2", "2016-04-06,2,2"),
                List.of("2016-04-07,2,2"),
                List.of(
                        new PlannedSends(5, 2, LocalDate.of(2016, 4, 4), new int[] {2, 3}),
                        new PlannedSends(4, 1, LocalDate.of(2016, 4, 4), new int[] {1, 2}),
                        new PlannedSends(6, 2, LocalDate.of(2016, 4, 6), new int[] {1, 2, 3})));
        assertEquals(
                List.of(5L, 4L, 6L), outcomes.stream().map(PlanOutcome::planId).toList());
        assertEquals(bits(0), outcomes.get(0).sent());
        assertEquals(bits(0), outcomes.get(0).responded());
        assertEquals(bits(0), outcomes.get(1).sent());
        assertEquals(bits(), outcomes.get(1).responded());
        assertEquals(bits(1), outcomes.get(2).sent());
        assertEquals(bits(1), outcomes.get(2).responded());
    }

    @Test
    void noPlansNoOutcomes() throws IOException {
        assertEquals(List.of(), read(List.of("2016-04-05,1,1"), List.of(), List.of()));
    }
}
