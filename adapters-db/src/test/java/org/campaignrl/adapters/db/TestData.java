package org.campaignrl.adapters.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.InputFile;
import org.campaignrl.application.model.TrainedModel;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.QTable;
import org.campaignrl.domain.RewardRule;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.TrainingStats;

/** Datasets and models with enough variety to catch a column mixed up or a value rounded. */
final class TestData {
    /** A moment in milliseconds, like the application's clock; one hour into a daylight-saving change in Europe. */
    static final Instant CREATED = Instant.parse("2024-03-31T01:30:00.123Z");

    private TestData() {}

    /** 3 subjects × 2 domains: 5 880 states, about one in nine sent to. */
    static StateSpace smallSpace() {
        return new StateSpace(new int[] {12, 3, 7}, List.of("yahoo.com", "gmail.com"));
    }

    /** The size of the real data's space: 3 subjects × 6 domains = 17 640 states. */
    static StateSpace fullSizeSpace() {
        return new StateSpace(
                new int[] {1, 2, 3},
                List.of("gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com"));
    }

    /** Some cells sent to, most not; responses from none to all of the sends. */
    static Cells cells(StateSpace space, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] sends = new long[space.size()];
        long[] responses = new long[space.size()];
        for (int state = 0; state < space.size(); state++) {
            if (random.nextInt(9) == 0 || state == space.size() - 1) {
                sends[state] = 1 + random.nextInt(5_000);
                responses[state] = random.nextLong(sends[state] + 1);
            }
        }
        sends[0] = 40;
        responses[0] = 40;
        return new Cells(space, sends, responses);
    }

    static IngestSummary summary() {
        // Not in alphabetical order, so that the stored order is what comes back; formats detected, given, unknown.
        return new IngestSummary(
                List.of(
                        new FileSummary(
                                "sent_emails.csv",
                                1_000,
                                990,
                                Map.of("bad date", 6L, "unknown customer", 4L),
                                new CsvFormat.Used("windows-1252", CsvFormat.EncodingChoice.NOT_UTF8, ';', false)),
                        new FileSummary(
                                "responded.csv",
                                300,
                                300,
                                Map.of(),
                                new CsvFormat.Used("UTF-16LE", CsvFormat.EncodingChoice.GIVEN, '\t', true)),
                        new FileSummary("userbase.csv", 50, 47, Map.of("age missing", 2L, "gender not F or M", 1L))),
                47,
                990,
                120,
                118,
                2,
                LocalDate.of(2023, 1, 2),
                LocalDate.of(2023, 6, 30),
                "/data/rejected_rows.csv");
    }

    static AggregatedLogs logs() {
        return new AggregatedLogs(cells(smallSpace(), 1), summary());
    }

    /** A dataset in which nothing was accepted: no cells sent to, no send dates, no rejects report. */
    static AggregatedLogs emptyLogs() {
        StateSpace space = new StateSpace(new int[] {1}, List.of("example.com"));
        IngestSummary summary = new IngestSummary(
                List.of(new FileSummary("sent_emails.csv", 2, 0, Map.of("bad date", 2L))),
                0,
                0,
                0,
                0,
                0,
                null,
                null,
                null);
        return new AggregatedLogs(new Cells(space, new long[space.size()], new long[space.size()]), summary);
    }

    /** A model over {@code space} with values of every sign and size, and a curve of awkward fractions. */
    static TrainedModel model(long datasetId, StateSpace space, long seed, Instant createdAt) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[space.size() * Action.COUNT];
        for (int i = 0; i < values.length; i++) {
            values[i] = (random.nextDouble() - 0.4) * Math.pow(10, random.nextInt(-5, 4));
        }
        values[0] = -0.0;
        values[1] = Double.MIN_VALUE;
        values[2] = -Double.MAX_VALUE;
        values[3] = -1.0 / 3;
        values[values.length - 1] = 29.999999999999996;
        List<TrainingStats.CurvePoint> curve = new ArrayList<>();
        for (int point = 1; point <= 100; point++) {
            curve.add(new TrainingStats.CurvePoint(point * 37, point / 3.0 / 100, 100.0 / (point + 6)));
        }
        return new TrainedModel(
                datasetId,
                // Odd seeds trained until converged, even ones for a fixed count: both must come back as stored.
                new Hyperparameters(seed % 2 == 1, 3_700, 0.1 + seed / 1e6, 1.0 / 7, 0.6, 99, seed * 1_000_003),
                new RewardRule(0.3, 10, 3.3333333333333335),
                space.size() - 1,
                new QTable(space.size(), values),
                new TrainingStats(3_700, 123_456_789_012L, 1_234, curve),
                createdAt.plus(seed, ChronoUnit.MILLIS),
                "ana.lyst@example " + seed);
    }

    /**
     * {@code size} customers of {@link #smallSpace()} with ids spread out (negative ones too), every code, and
     * addresses of every kind: non-ASCII, with a comma, a quote or a line break, empty, long.
     */
    static DatasetCustomers customers(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetCustomers.Builder builder = DatasetCustomers.builder(size);
        int id = -50 + random.nextInt(10);
        for (int i = 0; i < size; i++) {
            String address = switch (i % 7) {
                case 0 -> "";
                case 1 -> "zoë." + i + "@über.example";
                case 2 -> "\"odd, one\"@example.com";
                case 3 -> "line\nbreak" + i + "@yahoo.com";
                case 4 -> "x".repeat(300) + "@gmail.com";
                default -> "c" + i + "@gmail.com";
            };
            builder.add(
                    id,
                    random.nextInt(7),
                    random.nextInt(2),
                    random.nextInt(5),
                    random.nextInt(2),
                    random.nextInt(2),
                    address);
            id += 1 + random.nextInt(3);
        }
        return builder.build();
    }

    /** The three files of an ingest, as the application records them. */
    static List<InputFile> inputs() {
        return List.of(
                new InputFile(
                        "sent",
                        "/data/logs/sent_emails.csv",
                        49_852_467,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                new InputFile(
                        "responded",
                        "/data/logs/respondéd, 2024.csv",
                        0,
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                new InputFile(
                        "userbase",
                        "/data/logs/userbase.csv",
                        20_467_206L * 1_000,
                        "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"));
    }
}
