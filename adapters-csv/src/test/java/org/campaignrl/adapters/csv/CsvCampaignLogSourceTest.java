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
import java.util.Map;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.CsvFormat.EncodingChoice;
import org.campaignrl.application.model.CustomerAddress;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.campaign.CustomerProfiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made dataset whose cells were worked out by hand. Customers accepted: 1 (gmail, F, C, age 30,
 * tenure 12), 2 (yahoo, M, B, 19, 3), 3 (gmail, F, B, 45, 31) and 12 (hotmail, M, C, 50, 7);
 * every other userbase row is rejected, one per reason.
 */
class CsvCampaignLogSourceTest {
    // Columns in another order than the spec's, an extra column, a byte order mark, and a quoted
    // address running over two lines (15-16), so the row after it starts on line 17.
    static final String USERBASE = "\uFEFFCustomer_ID,Email_Address,Gender,Age,Type,Tenure,Notes\n"
            + "1,ann@Gmail.com,F,30,C,12,\n" // 2
            + "2,bob@yahoo.com,M,19,B,3,\n" // 3
            + "3,cy@gmail.com,F,45,B,31,vip\n" // 4
            + "x7,x@aol.com,F,20,B,3,\n" // 5 non-integer id
            + "2,bob2@yahoo.com,M,20,B,3,\n" // 6 repeated Customer_ID
            + "4,d@aol.com,X,20,B,3,\n" // 7 unknown gender code
            + "5,e@aol.com,F,20,Z,3,\n" // 8 unknown type code
            + "6,no-at-sign.com,F,20,B,3,\n" // 9 address without '@'
            + "7,g@aol.com,F,-1,B,3,\n" // 10 negative age
            + "8,h@aol.com,F,20,B,-2,\n" // 11 negative tenure
            + "9,i@aol.com,F,twenty,B,3,\n" // 12 non-integer age
            + "10,j@aol.com,F,20,B,3.5,\n" // 13 non-integer tenure
            + "11,k@aol.com,F\n" // 14 wrong column count
            + "12,\"multi\nline@HotMail.com\",M,50,C,7,\n" // 15-16
            + "13,z@aol.com,Q,20,B,3,\n" // 17 unknown gender code
            + "99999999999,o@aol.com,F,20,B,3,\n"; // 18 non-integer id (overflows int)

    static final String RESPONDED = "Responded_Date,Customer_ID,SubjectLine_ID\n"
            + "2016-01-05,1,1\n" // 2 pair (1, 1)
            + "2016-01-06 10:00:00,1,1\n" // 3 the same pair again
            + "2016-01-07T08:30:00,2,3\n" // 4 pair (3, 2): never sent
            + "2016-02-30,3,1\n" // 5 bad date
            + "2016-01-05,abc,1\n" // 6 non-integer id
            + "2016-01-05,3,x\n" // 7 non-integer id
            + "2016-01-05,99,1\n" // 8 customer not in userbase
            + "2016-01-05,3\n" // 9 wrong column count
            + "2016-01-01,3,2\n" // 10 pair (2, 3), dated before its send
            + "2016-01-05,12,1\n"; // 11 pair (1, 12)

    // CRLF line ends, as a Windows export would have them.
    static final String SENT = String.join(
                    "\r\n",
                    "Sent_Date,Customer_ID,SubjectLine_ID",
                    "2016-01-04,1,1", // 2 Monday, responded
                    "2016-01-04 09:00:00,1,1", // 3 same cell, responded
                    "2016-01-10,1,2", // 4 Sunday, no response
                    "2016-01-05,3,2", // 5 Tuesday, responded
                    "2016-01-06,2,1", // 6 Wednesday, no response
                    "2016-01-06,12,1", // 7 Wednesday, responded
                    "2016-01-06,99,1", // 8 customer not in userbase
                    "2016-01-06,13,1", // 9 customer not in userbase (its row was rejected)
                    "2016-13-01,1,1", // 10 bad date
                    "2016-01-06,1.0,1", // 11 non-integer id
                    "2016-01-06,1,3,extra", // 12 wrong column count
                    "2016-01-06 25:00:00,1,1", // 13 bad date
                    "01/06/2016,1,1")
            + "\r\n"; // 14 bad date

    @TempDir
    Path dir;

    LogFiles files;
    Path report;

    @BeforeEach
    void writeLogs() throws IOException {
        files = new LogFiles(
                write("sent_emails.csv", SENT), write("responded.csv", RESPONDED), write("userbase.csv", USERBASE));
        report = dir.resolve("out/rejected_rows.csv");
    }

    @Test
    void countsEveryRowOfEveryFile() {
        IngestSummary summary = aggregate().summary();

        assertEquals(
                List.of(
                        new FileSummary(
                                "userbase.csv",
                                16,
                                4,
                                Map.ofEntries(
                                        Map.entry("non-integer id", 2L), Map.entry("repeated Customer_ID", 1L),
                                        Map.entry("unknown gender code", 2L), Map.entry("unknown type code", 1L),
                                        Map.entry("address without '@'", 1L), Map.entry("negative age", 1L),
                                        Map.entry("negative tenure", 1L), Map.entry("non-integer age", 1L),
                                        Map.entry("non-integer tenure", 1L), Map.entry("wrong column count", 1L)),
                                new CsvFormat.Used("UTF-8", EncodingChoice.BYTE_ORDER_MARK, ',', false)),
                        new FileSummary(
                                "responded.csv",
                                10,
                                5,
                                Map.of(
                                        "bad date",
                                        1L,
                                        "non-integer id",
                                        2L,
                                        "customer not in userbase",
                                        1L,
                                        "wrong column count",
                                        1L),
                                new CsvFormat.Used("UTF-8", EncodingChoice.VALID_UTF8, ',', false)),
                        new FileSummary(
                                "sent_emails.csv",
                                13,
                                6,
                                Map.of(
                                        "customer not in userbase",
                                        2L,
                                        "bad date",
                                        3L,
                                        "non-integer id",
                                        1L,
                                        "wrong column count",
                                        1L),
                                new CsvFormat.Used("UTF-8", EncodingChoice.VALID_UTF8, ',', false))),
                summary.files());
        assertEquals(4, summary.customers());
        assertEquals(6, summary.sends());
        assertEquals(4, summary.respondedSends());
        assertEquals(4, summary.distinctResponsePairs());
        assertEquals(1, summary.responsePairsWithoutSend());
        assertEquals(LocalDate.of(2016, 1, 4), summary.firstSendDate());
        assertEquals(LocalDate.of(2016, 1, 10), summary.lastSendDate());
        assertEquals(report.toString(), summary.rejectsReport());
    }

    @Test
    void reportsEveryRejectedRowWithItsLineFieldAndReason() throws IOException {
        aggregate();

        assertEquals(
                List.of(
                        "file,line,field,reason,value",
                        "userbase.csv,5,Customer_ID,non-integer id,x7",
                        "userbase.csv,6,Customer_ID,repeated Customer_ID,2",
                        "userbase.csv,7,Gender,unknown gender code,X",
                        "userbase.csv,8,Type,unknown type code,Z",
                        "userbase.csv,9,Email_Address,address without '@',no-at-sign.com",
                        "userbase.csv,10,Age,negative age,-1",
                        "userbase.csv,11,Tenure,negative tenure,-2",
                        "userbase.csv,12,Age,non-integer age,twenty",
                        "userbase.csv,13,Tenure,non-integer tenure,3.5",
                        "userbase.csv,14,,wrong column count,\"3 values, the header has 7\"",
                        "userbase.csv,17,Gender,unknown gender code,Q",
                        "userbase.csv,18,Customer_ID,non-integer id,99999999999",
                        "responded.csv,5,Responded_Date,bad date,2016-02-30",
                        "responded.csv,6,Customer_ID,non-integer id,abc",
                        "responded.csv,7,SubjectLine_ID,non-integer id,x",
                        "responded.csv,8,Customer_ID,customer not in userbase,99",
                        "responded.csv,9,,wrong column count,\"2 values, the header has 3\"",
                        "sent_emails.csv,8,Customer_ID,customer not in userbase,99",
                        "sent_emails.csv,9,Customer_ID,customer not in userbase,13",
                        "sent_emails.csv,10,Sent_Date,bad date,2016-13-01",
                        "sent_emails.csv,11,Customer_ID,non-integer id,1.0",
                        "sent_emails.csv,12,,wrong column count,\"4 values, the header has 3\"",
                        "sent_emails.csv,13,Sent_Date,bad date,2016-01-06 25:00:00",
                        "sent_emails.csv,14,Sent_Date,bad date,01/06/2016"),
                Files.readAllLines(report));
    }

    @Test
    void countsSendsAndResponsesPerCell() {
        Cells cells = aggregate().cells();
        StateSpace space = cells.space();

        assertEquals(new StateSpace(new int[] {1, 2}, List.of("gmail.com", "hotmail.com", "yahoo.com")), space);
        // Vectors: subject id, day, tenure, domain (gmail 0, hotmail 1, yahoo 2), age, gender, type.
        assertCell(cells, new int[] {1, 0, 2, 0, 2, 0, 1}, 2, 2); // customer 1 twice on Monday
        assertCell(cells, new int[] {2, 6, 2, 0, 2, 0, 1}, 1, 0); // customer 1 on Sunday
        assertCell(cells, new int[] {2, 1, 6, 0, 4, 0, 0}, 1, 1); // customer 3, responded before the send
        assertCell(cells, new int[] {1, 2, 0, 2, 0, 1, 0}, 1, 0); // customer 2, who answered subject 3 only
        assertCell(cells, new int[] {1, 2, 1, 1, 4, 1, 1}, 1, 1); // customer 12, address over two lines
        assertEquals(6, cells.totalSends());
        assertEquals(4, cells.totalResponses());
        assertEquals(5, cells.nonEmptyCount());
    }

    @Test
    void reportsProgressPerFileEndingAtTheFileSize() throws IOException {
        List<String> calls = new ArrayList<>();
        new CsvCampaignLogSource()
                .aggregate(
                        files,
                        SendSplit.NONE,
                        report,
                        (stage, done, total) -> calls.add(stage + " " + done + "/" + total));

        long userbase = Files.size(files.userbase());
        long responded = Files.size(files.responded());
        long sent = Files.size(files.sentEmails());
        assertEquals(
                List.of(
                        "reading userbase.csv 0/" + userbase, "reading userbase.csv " + userbase + "/" + userbase,
                        "reading responded.csv 0/" + responded, "reading responded.csv " + responded + "/" + responded,
                        "reading sent_emails.csv 0/" + sent, "reading sent_emails.csv " + sent + "/" + sent),
                calls);
    }

    @Test
    void writesAHeaderOnlyReportWhenNothingIsRejected() throws IOException {
        files = new LogFiles(
                write("sent_emails.csv", "Sent_Date,Customer_ID,SubjectLine_ID\n2016-01-04,1,7\n"),
                write("responded.csv", "Responded_Date,Customer_ID,SubjectLine_ID\n"),
                write("userbase.csv", "Customer_ID,Gender,Type,Email_Address,Age,Tenure\n1,M,B,a@b.org,20,0\n"));

        IngestSummary summary = aggregate().summary();

        assertEquals(List.of("file,line,field,reason,value"), Files.readAllLines(report));
        assertEquals(0, summary.rowsRejected());
        assertEquals(0, summary.respondedSends());
        assertEquals(0, summary.distinctResponsePairs());
        assertTrue(summary.files().stream().allMatch(f -> f.rejectedByReason().isEmpty()));
    }

    @Test
    void aRepeatedIdStaysRejectedEvenWhenItsFirstRowWasRejected() throws IOException {
        files = new LogFiles(
                write("sent_emails.csv", "Sent_Date,Customer_ID,SubjectLine_ID\n2016-01-04,1,7\n2016-01-04,2,7\n"),
                write("responded.csv", "Responded_Date,Customer_ID,SubjectLine_ID\n"),
                write(
                        "userbase.csv",
                        "Customer_ID,Gender,Type,Email_Address,Age,Tenure\n"
                                + "1,M,B,a@b.org,20,0\n2,?,B,c@d.org,20,0\n2,F,B,c@d.org,20,0\n"));

        AggregatedLogs logs = aggregate();

        assertEquals(
                Map.of("unknown gender code", 1L, "repeated Customer_ID", 1L),
                logs.summary().files().get(0).rejectedByReason());
        assertEquals(
                Map.of("customer not in userbase", 1L),
                logs.summary().files().get(2).rejectedByReason());
        assertEquals(List.of("b.org"), logs.cells().space().domains());
    }

    @Test
    void handsOverTheAcceptedCustomersByIdWithTheirCodesAndAddressesAsWritten() {
        DatasetCustomers customers = aggregate().customers();

        // Codes of the cells' space: tenure, domain (gmail 0, hotmail 1, yahoo 2), age, gender, type.
        assertEquals(
                CustomerProfiles.of(new int[] {1, 2, 3, 12}, new byte[] {
                    2, 0, 2, 0, 1,
                    0, 2, 0, 1, 0,
                    6, 0, 4, 0, 0,
                    1, 1, 4, 1, 1
                }),
                customers.profiles());
        assertEquals(
                List.of(
                        new CustomerAddress(1, "ann@Gmail.com"),
                        new CustomerAddress(2, "bob@yahoo.com"),
                        new CustomerAddress(3, "cy@gmail.com"),
                        new CustomerAddress(12, "multi\nline@HotMail.com")),
                addresses(customers));
    }

    @Test
    void customersReadOnTheFastPathInAnyIdOrderComeOutAscendingWithTheirUtf8Addresses() throws IOException {
        files = new LogFiles(
                write("sent_emails.csv", "Sent_Date,Customer_ID,SubjectLine_ID\n2016-01-04,9,7\n"),
                write("responded.csv", "Responded_Date,Customer_ID,SubjectLine_ID\n"),
                write(
                        "userbase.csv",
                        "Customer_ID,Gender,Type,Email_Address,Age,Tenure\n"
                                + "9,M,B,zoë@b.org,20,0\n4,F,C,Ann@Über.de,70,40\n7,F,C,bad,70,40\n"));

        DatasetCustomers customers = aggregate().customers();

        assertEquals(
                List.of(new CustomerAddress(4, "Ann@Über.de"), new CustomerAddress(9, "zoë@b.org")),
                addresses(customers));
        // Domains sorted: b.org 0, über.de 1.
        assertEquals(1, customers.profiles().code(0, Attribute.DOMAIN));
        assertEquals(0, customers.profiles().code(1, Attribute.DOMAIN));
    }

    private static List<CustomerAddress> addresses(DatasetCustomers customers) {
        List<CustomerAddress> all = new ArrayList<>();
        customers.forEach(all::add);
        return all;
    }

    private AggregatedLogs aggregate() {
        return new CsvCampaignLogSource().aggregate(files, SendSplit.NONE, report, ProgressListener.NONE);
    }

    private static void assertCell(Cells cells, int[] vector, long sends, long responses) {
        int state = cells.space().indexOfVector(vector);
        assertEquals(sends, cells.sends(state), "sends");
        assertEquals(responses, cells.responses(state), "responses");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
