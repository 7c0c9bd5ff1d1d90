package org.campaignrl.adapters.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.campaignrl.adapters.csv.fastpath.PartedReader;
import org.campaignrl.application.memory.SimpleOutcomeReader;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.campaignrl.application.port.out.CampaignOutcomeReader.PlanOutcome;
import org.campaignrl.application.port.out.CampaignOutcomeReader.PlannedSends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvCampaignOutcomeReaderTest {
    private static final List<PartedReader.Settings> EVERY_PATH = List.of(
            PartedReader.Settings.DEFAULT, PartedReader.Settings.COMMONS_CSV_ONLY, new PartedReader.Settings(5, 1, 64));

    @TempDir
    Path dir;

    @Test
    void marksThePlannedCustomersSentAndRespondingToTheirSubjectFromTheFirstDay() throws IOException {
        LogFiles files = files(
                "Sent_Date,Customer_ID,SubjectLine_ID\n"
                        + "2016-01-04,1,1\n" // before plan 1's first day
                        + "2016-01-05 09:00:00,3,1\n" // plan 1: customer 3 (position 1); plan 3 too
                        + "2016-01-06,12,2\n" // subject 2: plan 2 does not hold 12
                        + "2016-01-06,2,2\n" // plan 2: customer 2 (position 1)
                        + "2016-01-07,1,3\n" // no plan of subject 3
                        + "2016-02-30,12,1\n" // bad date: skipped
                        + "2016-01-08,x,1\n" // bad id
                        + "2016-01-08,12,1,extra\n" // wrong column count
                        + "2016-01-09T10:00:00,12,1\n", // plan 1: customer 12 (position 2)
                "Customer_ID,SubjectLine_ID,Responded_Date\n" // another column order
                        + "3,1,2016-01-04\n" // before plan 1's first day; plan 3 counts it
                        + "1,1,2016-01-10\n" // plan 1: customer 1 responded without a send
                        + "2,2,2016-01-07\n");
        List<PlannedSends> plans = List.of(
                new PlannedSends(11, 1, LocalDate.of(2016, 1, 5), new int[] {1, 3, 12}),
                new PlannedSends(12, 2, LocalDate.of(2016, 1, 1), new int[] {1, 2, 3}),
                new PlannedSends(13, 1, LocalDate.of(2016, 1, 1), new int[] {3}),
                new PlannedSends(14, 7, LocalDate.of(2016, 1, 1), new int[] {1, 2, 3}));

        for (PartedReader.Settings settings : EVERY_PATH) {
            List<PlanOutcome> outcomes =
                    new CsvCampaignOutcomeReader(settings).read(files, plans, ProgressListener.NONE);

            assertEquals(
                    List.of(11L, 12L, 13L, 14L),
                    outcomes.stream().map(PlanOutcome::planId).toList());
            assertEquals(bits(1, 2), outcomes.get(0).sent(), settings.toString());
            assertEquals(bits(0), outcomes.get(0).responded());
            assertEquals(bits(1), outcomes.get(1).sent());
            assertEquals(bits(1), outcomes.get(1).responded());
            assertEquals(bits(0), outcomes.get(2).sent());
            assertEquals(bits(0), outcomes.get(2).responded());
            assertEquals(bits(), outcomes.get(3).sent());
            assertEquals(bits(), outcomes.get(3).responded());
        }
    }

    /** Semicolons in windows-1252, detected as the ingest detects them. */
    @Test
    void readsTheFilesInTheFormatTheIngestFinds() throws IOException {
        Charset windows = Charset.forName("windows-1252");
        Path sent = Files.writeString(
                dir.resolve("sent.csv"),
                "Sent_Date;Customer_ID;SubjectLine_ID;Note\n" + "2016-01-05;3;1;Grüße\n",
                windows);
        Path responded = Files.writeString(
                dir.resolve("responded.csv"),
                "Responded_Date;Customer_ID;SubjectLine_ID\n" + "2016-01-06;3;1\n",
                windows);
        LogFiles files = new LogFiles(sent, responded, dir.resolve("userbase.csv"), CsvFormat.DETECT);

        List<PlanOutcome> outcomes = new CsvCampaignOutcomeReader()
                .read(
                        files,
                        List.of(new PlannedSends(1, 1, LocalDate.of(2016, 1, 1), new int[] {2, 3})),
                        ProgressListener.NONE);

        assertEquals(bits(1), outcomes.get(0).sent());
        assertEquals(bits(1), outcomes.get(0).responded());
    }

    @Test
    void noPlansReadNothing() throws IOException {
        LogFiles files = new LogFiles(
                dir.resolve("missing-sent.csv"), dir.resolve("missing-responded.csv"), dir.resolve("userbase.csv"));

        assertEquals(List.of(), new CsvCampaignOutcomeReader().read(files, List.of(), ProgressListener.NONE));
    }

    /** Seeded logs of 60 000 sends and their responses: the same bits as the plain reference reader's. */
    @Test
    void agreesWithTheReferenceReaderOnLargeLogsOnEveryPath() throws IOException {
        SplittableRandom random = new SplittableRandom(14);
        StringBuilder sent = new StringBuilder("Sent_Date,Customer_ID,SubjectLine_ID\n");
        StringBuilder responded = new StringBuilder("Responded_Date,Customer_ID,SubjectLine_ID\n");
        LocalDate first = LocalDate.of(2016, 1, 1);
        for (int i = 0; i < 60_000; i++) {
            LocalDate day = first.plusDays(random.nextInt(60));
            int customer = 1 + random.nextInt(20_000);
            int subject = 1 + random.nextInt(4);
            sent.append(day)
                    .append(',')
                    .append(customer)
                    .append(',')
                    .append(subject)
                    .append('\n');
            if (random.nextInt(5) == 0) {
                responded
                        .append(day.plusDays(random.nextInt(3)))
                        .append(',')
                        .append(customer)
                        .append(',')
                        .append(subject)
                        .append('\n');
            }
        }
        LogFiles files = files(sent.toString(), responded.toString());
        List<PlannedSends> plans = new ArrayList<>();
        for (int plan = 0; plan < 6; plan++) {
            TreeSet<Integer> customers = new TreeSet<>();
            while (customers.size() < 3_000) {
                customers.add(1 + random.nextInt(20_000));
            }
            plans.add(new PlannedSends(
                    plan + 1,
                    1 + plan % 4,
                    first.plusDays(random.nextInt(40)),
                    customers.stream().mapToInt(Integer::intValue).toArray()));
        }

        List<PlanOutcome> expected = new SimpleOutcomeReader().read(files, plans, ProgressListener.NONE);
        for (PartedReader.Settings settings : EVERY_PATH) {
            assertEquals(
                    expected,
                    new CsvCampaignOutcomeReader(settings).read(files, plans, ProgressListener.NONE),
                    settings.toString());
        }
        assertEquals(true, expected.get(0).sent().cardinality() > 100, "the plans find sends");
    }

    private LogFiles files(String sent, String responded) throws IOException {
        return new LogFiles(
                Files.writeString(dir.resolve("sent_emails.csv"), sent, StandardCharsets.UTF_8),
                Files.writeString(dir.resolve("responded.csv"), responded, StandardCharsets.UTF_8),
                dir.resolve("userbase.csv"));
    }

    private static BitSet bits(int... positions) {
        BitSet bits = new BitSet();
        for (int position : positions) {
            bits.set(position);
        }
        return bits;
    }
}
