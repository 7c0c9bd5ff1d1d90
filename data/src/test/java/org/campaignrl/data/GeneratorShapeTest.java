package org.campaignrl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of a small run have the public mock dataset's layout and ranges. */
class GeneratorShapeTest {
    private static final int CUSTOMERS = 5_000;

    @TempDir
    static Path dir;

    static GenerationReport report;
    static List<String[]> users;
    static List<String[]> sends;
    static List<String[]> responses;

    @BeforeAll
    static void generate() throws IOException {
        report = new CampaignLogGenerator(new GeneratorSettings(CUSTOMERS, 11)).writeTo(dir, GenerationProgress.NONE);
        users = LogCells.rows(dir.resolve(CampaignLogGenerator.USERBASE));
        sends = LogCells.rows(dir.resolve(CampaignLogGenerator.SENT_EMAILS));
        responses = LogCells.rows(dir.resolve(CampaignLogGenerator.RESPONDED));
    }

    @Test
    void filesHaveTheExactHeadersUnixLineEndingsAndNoBom() throws IOException {
        assertFile(CampaignLogGenerator.USERBASE, "Customer_ID,Gender,Type,Email_Address,Age,Tenure");
        assertFile(CampaignLogGenerator.SENT_EMAILS, "Sent_Date,Customer_ID,SubjectLine_ID");
        assertFile(CampaignLogGenerator.RESPONDED, "Responded_Date,Customer_ID,SubjectLine_ID");
    }

    @Test
    void theReportCountsTheRows() {
        assertEquals(CUSTOMERS, report.customers());
        assertEquals(users.size(), report.customers());
        assertEquals(sends.size(), report.sends());
        assertEquals(responses.size(), report.responseRows());
        assertEquals(4.96, report.sendsPerCustomer(), 0.1);
    }

    @Test
    void customersHaveUniqueIdsAndAttributesInRange() {
        Set<Integer> ids = new HashSet<>();
        Set<String> domains = new HashSet<>();
        Set<String> genders = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (String[] row : users) {
            assertEquals(6, row.length);
            assertTrue(ids.add(Integer.parseInt(row[0])), "unique id " + row[0]);
            genders.add(row[1]);
            types.add(row[2]);
            assertTrue(row[3].matches("[a-z]+[0-9]{6}@[a-z]+\\.(com|net)"), row[3]);
            domains.add(row[3].substring(row[3].indexOf('@') + 1));
            int age = Integer.parseInt(row[4]);
            int tenure = Integer.parseInt(row[5]);
            assertTrue(age >= 16 && age <= 70, "age " + age);
            assertTrue(tenure >= 0 && tenure <= 40, "tenure " + tenure);
        }
        assertEquals(Set.of("F", "M"), genders);
        assertEquals(Set.of("B", "C"), types);
        assertEquals(new HashSet<>(Population.DOMAINS), domains);
    }

    @Test
    void sendsGoToKnownCustomersInTheFirstQuarterOf2016AndEachPairOnItsOwnWeekday() {
        Set<String> ids = new HashSet<>();
        users.forEach(row -> ids.add(row[0]));
        Map<String, Integer> weekdayOfPair = new HashMap<>();
        Set<String> subjects = new HashSet<>();
        Set<String> sendKeys = new HashSet<>();
        for (String[] row : sends) {
            LocalDate date = LocalDate.parse(row[0]);
            assertTrue(!date.isBefore(LocalDate.of(2016, 1, 1)) && !date.isAfter(LocalDate.of(2016, 3, 31)), row[0]);
            assertTrue(ids.contains(row[1]), "known customer " + row[1]);
            subjects.add(row[2]);
            String pair = row[2] + "/" + row[1];
            Integer weekday =
                    weekdayOfPair.putIfAbsent(pair, date.getDayOfWeek().getValue());
            assertTrue(weekday == null || weekday == date.getDayOfWeek().getValue(), "one weekday per pair " + pair);
            assertTrue(sendKeys.add(String.join(",", row)), "a pair is sent at most once a day");
        }
        assertEquals(Set.of("1", "2", "3"), subjects);
        assertEquals(weekdayOfPair.size(), report.pairs());
        Set<String> customerWeekdays = new HashSet<>();
        weekdayOfPair.forEach((pair, weekday) -> assertTrue(
                customerWeekdays.add(pair.substring(pair.indexOf('/') + 1) + "/" + weekday),
                "a customer's subject lines go out on different weekdays: " + pair));
    }

    @Test
    void everyResponseFollowsASendOfItsPairWithinAWeekAndSomeAreRepeats() {
        Map<String, List<LocalDate>> sendDates = new HashMap<>();
        for (String[] row : sends) {
            sendDates
                    .computeIfAbsent(row[2] + "/" + row[1], k -> new java.util.ArrayList<>())
                    .add(LocalDate.parse(row[0]));
        }
        Map<String, Integer> rowsPerPair = new HashMap<>();
        for (String[] row : responses) {
            String pair = row[2] + "/" + row[1];
            LocalDate responded = LocalDate.parse(row[0]);
            List<LocalDate> sent = sendDates.get(pair);
            assertNotNull(sent, "a response without a send: " + pair);
            assertTrue(
                    sent.stream().anyMatch(s -> {
                        long days = ChronoUnit.DAYS.between(s, responded);
                        return days >= 0 && days <= 7;
                    }),
                    "response " + String.join(",", row) + " follows a send within 7 days");
            rowsPerPair.merge(pair, 1, Integer::sum);
        }
        assertEquals(report.respondedPairs(), rowsPerPair.size());
        long respondedSends = rowsPerPair.keySet().stream()
                .mapToLong(pair -> sendDates.get(pair).size())
                .sum();
        assertEquals(report.respondedSends(), respondedSends);
        assertTrue(rowsPerPair.values().stream().anyMatch(n -> n >= 2), "repeated responses");
        assertTrue(responses.size() > respondedSends, "more response rows than responded sends: repeats");
    }

    private static void assertFile(String name, String header) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve(name));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(header + "\n"), name + " header");
        assertTrue(text.endsWith("\n"), name + " ends with a newline");
        assertEquals(-1, text.indexOf('\r'), name + " has no CR");
        assertEquals(-1, text.indexOf('"'), name + " has no quotes");
        for (byte b : bytes) {
            assertTrue(b > 0, name + " is plain ASCII (so UTF-8 without a BOM)");
        }
    }
}
