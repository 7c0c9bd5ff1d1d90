package org.campaignrl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanAnswerTest {
    @TempDir
    static Path tmp;

    static Path logs;
    static Path sendList;

    @BeforeAll
    static void generateAndPlan() throws IOException {
        logs = tmp.resolve("logs");
        new CampaignLogGenerator(new GeneratorSettings(5_000, 3)).writeTo(logs, GenerationProgress.NONE);
        List<String> userbase = Files.readAllLines(logs.resolve(CampaignLogGenerator.USERBASE));
        List<String> rows = new ArrayList<>();
        rows.add("Customer_ID,Email_Address,SubjectLine_ID,Planned_Send_Date,Group,Predicted_Probability");
        for (int i = 1; i <= 4_000; i++) {
            String[] customer = userbase.get(i).split(",");
            // Saturday 2016-04-09 for the first half, Tuesday 2016-04-05 for the rest.
            rows.add(customer[0] + "," + customer[3] + ",2," + (i <= 2_000 ? "2016-04-09" : "2016-04-05")
                    + ",target,0.1");
        }
        sendList = tmp.resolve("send-list.csv");
        Files.write(sendList, rows);
    }

    private static PlanAnswer.Report answer(String folder, long seed) throws IOException {
        return PlanAnswer.answer(
                sendList,
                logs.resolve(CampaignLogGenerator.TRUTH),
                logs.resolve(CampaignLogGenerator.USERBASE),
                tmp.resolve(folder),
                seed);
    }

    @Test
    void everyPlannedSendIsSentOnItsDateAndAnsweredAsTheTruthExpects() throws IOException {
        PlanAnswer.Report report = answer("a", 9);
        assertEquals(4_000, report.sends());
        List<String> sent = Files.readAllLines(tmp.resolve("a").resolve(CampaignLogGenerator.SENT_EMAILS));
        assertEquals("Sent_Date,Customer_ID,SubjectLine_ID", sent.get(0));
        assertEquals(4_001, sent.size());
        assertTrue(sent.get(1).startsWith("2016-04-09,") && sent.get(1).endsWith(",2"), sent.get(1));
        List<String> responded = Files.readAllLines(tmp.resolve("a").resolve(CampaignLogGenerator.RESPONDED));
        assertEquals(report.responses() + 1, responded.size());
        // A count of Bernoulli draws: within 4 standard deviations of the truth's expectation.
        double sd = Math.sqrt(report.expectedResponses());
        assertTrue(
                Math.abs(report.responses() - report.expectedResponses()) < 4 * sd,
                report.responses() + " against " + report.expectedResponses());
        assertEquals(
                -1,
                Files.mismatch(
                        logs.resolve(CampaignLogGenerator.USERBASE),
                        tmp.resolve("a").resolve(CampaignLogGenerator.USERBASE)),
                "the same userbase");
    }

    @Test
    void theSameSeedAnswersTheSameAndAnotherSeedOtherwise() throws IOException {
        answer("b", 9);
        answer("c", 9);
        answer("d", 10);
        Path b = tmp.resolve("b").resolve(CampaignLogGenerator.RESPONDED);
        assertEquals(-1, Files.mismatch(b, tmp.resolve("c").resolve(CampaignLogGenerator.RESPONDED)));
        assertNotEquals(-1, Files.mismatch(b, tmp.resolve("d").resolve(CampaignLogGenerator.RESPONDED)));
    }

    @Test
    void aRowThatCannotBeAnsweredNamesFileLineAndField() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        String known = Files.readAllLines(logs.resolve(CampaignLogGenerator.USERBASE))
                .get(1)
                .split(",")[0];
        Files.write(
                bad,
                List.of(
                        "Customer_ID,Email_Address,SubjectLine_ID,Planned_Send_Date,Group",
                        known + ",a@gmail.com,2,2016-04-09,target",
                        "42,b@gmail.com,2,2016-04-09,target"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PlanAnswer.answer(
                        bad,
                        logs.resolve(CampaignLogGenerator.TRUTH),
                        logs.resolve(CampaignLogGenerator.USERBASE),
                        tmp.resolve("e"),
                        1));
        assertTrue(e.getMessage().contains("bad.csv: line 3: Customer_ID"), e.getMessage());
    }
}
