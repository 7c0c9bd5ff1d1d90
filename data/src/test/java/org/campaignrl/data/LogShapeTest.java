package org.campaignrl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shapes of real exports: random order, fewer sends per customer, more responders, more rows per responder. */
class LogShapeTest {
    private static final int CUSTOMERS = 60_000;
    private static final List<String> CSV_FILES =
            List.of(CampaignLogGenerator.USERBASE, CampaignLogGenerator.SENT_EMAILS, CampaignLogGenerator.RESPONDED);

    @TempDir
    static Path tmp;

    static GeneratorSettings realShaped;
    static GenerationReport random;
    static GenerationReport grouped;

    @BeforeAll
    static void generate() throws IOException {
        realShaped = new GeneratorSettings(CUSTOMERS, 3, LogShape.REAL_SHAPED);
        random = new CampaignLogGenerator(realShaped).writeTo(tmp.resolve("random"), GenerationProgress.NONE);
        grouped = new CampaignLogGenerator(
                        new GeneratorSettings(CUSTOMERS, 3, LogShape.REAL_SHAPED.withOrder(LogShape.RowOrder.GROUPED)))
                .writeTo(tmp.resolve("grouped"), GenerationProgress.NONE);
    }

    @Test
    void theRandomOrderHoldsTheGroupedOrdersRowsShuffled() throws IOException {
        assertEquals(grouped, random);
        for (String file : CSV_FILES) {
            List<String> inRandomOrder =
                    Files.readAllLines(tmp.resolve("random").resolve(file));
            List<String> inGroupedOrder =
                    Files.readAllLines(tmp.resolve("grouped").resolve(file));
            assertEquals(inGroupedOrder.get(0), inRandomOrder.get(0), file + ": the header first");
            assertNotEquals(inGroupedOrder, inRandomOrder, file);
            List<String> sortedRandom = new ArrayList<>(inRandomOrder.subList(1, inRandomOrder.size()));
            List<String> sortedGrouped = new ArrayList<>(inGroupedOrder.subList(1, inGroupedOrder.size()));
            sortedRandom.sort(null);
            sortedGrouped.sort(null);
            assertEquals(sortedGrouped, sortedRandom, file + ": the same rows");
        }
        try (var files = Files.list(tmp.resolve("random"))) {
            assertEquals(
                    Set.of("userbase.csv", "sent_emails.csv", "responded.csv", "truth.json"),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "no bucket file left behind");
        }
    }

    /** In a random order, the first customers' rows are spread over the whole file, not at its start. */
    @Test
    void theRandomOrderIsNotGroupedByCustomer() throws IOException {
        List<String> sends = Files.readAllLines(tmp.resolve("random").resolve(CampaignLogGenerator.SENT_EMAILS));
        List<String> users = Files.readAllLines(tmp.resolve("grouped").resolve(CampaignLogGenerator.USERBASE));
        Set<String> firstTenth = new HashSet<>();
        for (String user : users.subList(1, 1 + CUSTOMERS / 10)) {
            firstTenth.add(user.substring(0, user.indexOf(',')));
        }
        int half = sends.size() / 2;
        long inSecondHalf = sends.subList(half, sends.size()).stream()
                .filter(row -> firstTenth.contains(row.split(",")[1]))
                .count();
        long inAll = sends.stream()
                .skip(1)
                .filter(row -> firstTenth.contains(row.split(",")[1]))
                .count();
        assertEquals(0.5, (double) inSecondHalf / inAll, 0.03, "the first tenth's sends, half of them in each half");
    }

    @Test
    void sameSettingsGiveByteIdenticalFilesInTheRandomOrderToo() throws IOException {
        GeneratorSettings small = new GeneratorSettings(3_000, 9, LogShape.REAL_SHAPED);
        new CampaignLogGenerator(small).writeTo(tmp.resolve("a"), GenerationProgress.NONE);
        new CampaignLogGenerator(small).writeTo(tmp.resolve("b"), GenerationProgress.NONE);
        for (String file : List.of(
                CampaignLogGenerator.USERBASE,
                CampaignLogGenerator.SENT_EMAILS,
                CampaignLogGenerator.RESPONDED,
                CampaignLogGenerator.TRUTH)) {
            assertEquals(
                    -1,
                    Files.mismatch(
                            tmp.resolve("a").resolve(file), tmp.resolve("b").resolve(file)),
                    file);
        }
    }

    @Test
    void theRealShapeHasItsSendsRespondersAndResponseRows() {
        LogShape shape = LogShape.REAL_SHAPED;
        // sends per pair are capped at 13, which a mean under 1 almost never reaches
        assertEquals(shape.sendsPerCustomer(), random.sendsPerCustomer(), 0.03);
        double share = shape.responderShare().getAsDouble();
        assertEquals(share, random.responderShare(), 4 * Math.sqrt(share * (1 - share) / CUSTOMERS));
        assertEquals(
                shape.responseRowsPerResponder().getAsDouble(),
                random.responseRowsPerResponder(),
                0.03 * shape.responseRowsPerResponder().getAsDouble());
    }

    @Test
    void truthJsonHoldsTheMovedModelWhichTheLogsFollow() throws IOException {
        Path dir = tmp.resolve("random");
        Cells cells = LogCells.aggregate(dir);
        StateSpace space = cells.space();
        double[] truth = TruthFile.probabilities(dir.resolve(CampaignLogGenerator.TRUTH), space);
        double[] unmoved = ResponseModel.DEFAULT.probabilities(space);
        double expectedResponded = 0;
        for (int state = 0; state < space.size(); state++) {
            assertTrue(truth[state] > unmoved[state], "every cell more likely to respond");
            expectedResponded += cells.sends(state) * truth[state];
        }
        assertEquals(random.respondedSends(), cells.totalResponses());
        double rate = (double) random.respondedSends() / random.sends();
        assertEquals(expectedResponded / random.sends(), rate, 0.01);
        assertEquals(random.expectedRespondedSendRate(), rate, 0.01);
        String text = Files.readString(dir.resolve(CampaignLogGenerator.TRUTH), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"order\": \"random\""), "truth.json says the order");
        assertTrue(
                text.contains("\"responderShare\": "
                        + LogShape.REAL_SHAPED.responderShare().getAsDouble()),
                "truth.json says the share of responders");
    }

    @Test
    void targetsOutOfReachAreRefusedWithTheReason() {
        LogShape fewSends = LogShape.GENERATOR.withSendsPerCustomer(0.2).withResponderShare(0.5);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new CampaignLogGenerator(new GeneratorSettings(10, 1, fewSends)));
        assertTrue(e.getMessage().contains("get a send at all"), e.getMessage());
        LogShape fewRows = LogShape.GENERATOR.withResponseRowsPerResponder(1.0);
        e = assertThrows(
                IllegalArgumentException.class, () -> new CampaignLogGenerator(new GeneratorSettings(10, 1, fewRows)));
        assertTrue(e.getMessage().contains("at least the"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogShape.GENERATOR.withResponderShare(1.0));
        assertThrows(IllegalArgumentException.class, () -> LogShape.GENERATOR.withSendsPerCustomer(0));
        assertThrows(IllegalArgumentException.class, () -> LogShape.RowOrder.parse("sorted"));
        assertEquals(LogShape.RowOrder.RANDOM, LogShape.RowOrder.parse(" Random"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new LogShape(null, 1, OptionalDouble.empty(), OptionalDouble.empty()));
    }

    /** The default shape keeps the model as it is; its expected share of responders is what the logs have. */
    @Test
    void theDefaultShapeKeepsTheModel() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(CUSTOMERS, 3);
        GenerationReport report =
                new CampaignLogGenerator(settings).writeTo(tmp.resolve("default"), GenerationProgress.NONE);
        StateSpace space = new StateSpace(ResponseModel.DEFAULT.subjectIds(), Population.DOMAINS);
        ShapeCalibration calibration = ShapeCalibration.of(ResponseModel.DEFAULT, space, LogShape.GENERATOR, 13);
        assertEquals(0.0, calibration.offset());
        double share = calibration.expectedResponderShare();
        assertEquals(share, report.responderShare(), 4 * Math.sqrt(share * (1 - share) / CUSTOMERS));
        assertEquals(
                calibration.expectedResponseRowsPerCustomer() * CUSTOMERS,
                report.responseRows(),
                0.03 * report.responseRows());
    }
}
