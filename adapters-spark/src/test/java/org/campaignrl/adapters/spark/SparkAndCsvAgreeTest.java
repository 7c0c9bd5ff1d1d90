package org.campaignrl.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.campaignrl.adapters.csv.CsvCampaignLogSource;
import org.campaignrl.adapters.csv.ValidTrio;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.out.CampaignLogSource.LogFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Spark ingest against the CSV ingest (the reference), by {@link LogSourceAgreement}: the bundled sample,
 * whole and with either split, and every file of the CSV adapter's bad-input corpus in place of its log in a
 * valid trio (the corpus's own table, BadInputCorpusTest, says what the CSV adapter makes of each).
 */
class SparkAndCsvAgreeTest {
    static final Path SAMPLE = Path.of("..", "data", "sample");
    static final Path CORPUS = Path.of("..", "adapters-csv", "src", "test", "resources", "bad-inputs");
    /** The valid trio the corpus files take the places in: BadInputCorpusTest's. */
    static final String USERBASE = ValidTrio.USERBASE;

    static final String RESPONDED = ValidTrio.RESPONDED;
    static final String SENT = ValidTrio.SENT;

    private final CsvCampaignLogSource csv = new CsvCampaignLogSource();

    @TempDir
    Path dir;

    static LogFiles sample() {
        return new LogFiles(
                SAMPLE.resolve("sent_emails.csv"), SAMPLE.resolve("responded.csv"), SAMPLE.resolve("userbase.csv"));
    }

    @Test
    void theSampleGivesTheSameCellsAccountAndSummary() throws IOException {
        AggregatedLogs logs = LogSourceAgreement.assertAgree(csv, SharedSpark.source(), sample(), SendSplit.NONE, dir);
        assertTrue(logs.summary().sends() > 100_000, "the sample was read: " + logs.summary());
    }

    @Test
    void theSampleSplitByPairsOrByDateGivesTheSameTrainingAndHeldOutCells() throws IOException {
        LogSourceAgreement.assertAgree(csv, SharedSpark.source(), sample(), SendSplit.randomPairs(0.3, 7), dir);
        LogSourceAgreement.assertAgree(
                csv, SharedSpark.source(), sample(), SendSplit.byDate(LocalDate.of(2016, 3, 1)), dir);
    }

    @Test
    void givenEncodingAndDelimiterAreUsedAlike() throws IOException {
        LogFiles given = new LogFiles(
                sample().sentEmails(), sample().responded(), sample().userbase(), CsvFormat.of("UTF-8", ","));
        LogSourceAgreement.assertAgree(csv, SharedSpark.source(), given, SendSplit.NONE, dir);
        LogFiles wrong = new LogFiles(
                sample().sentEmails(), sample().responded(), sample().userbase(), CsvFormat.of("auto", ";"));
        LogSourceAgreement.assertAgree(csv, SharedSpark.source(), wrong, SendSplit.NONE, dir);
    }

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadInputHasTheSameOutcome(String resource) throws IOException {
        LogFiles files = new LogFiles(
                Files.writeString(dir.resolve("sent_emails.csv"), SENT),
                Files.writeString(dir.resolve("responded.csv"), RESPONDED),
                Files.writeString(dir.resolve("userbase.csv"), USERBASE));
        Files.copy(
                CORPUS.resolve(resource),
                dir.resolve(resource.substring(0, resource.indexOf('-')) + ".csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        LogSourceAgreement.assertAgree(csv, SharedSpark.source(), files, SendSplit.NONE, dir);
    }

    @Test
    void aQuoteThatNeverClosesIsRefusedAtTheSameLine() throws IOException {
        LogFiles files = new LogFiles(
                Files.writeString(dir.resolve("sent_emails.csv"), SENT + "2016-01-07,\"1,1\n2016-01-08,2,2\n"),
                Files.writeString(dir.resolve("responded.csv"), RESPONDED),
                Files.writeString(dir.resolve("userbase.csv"), USERBASE));
        LogSourceAgreement.assertAgree(csv, SharedSpark.source(), files, SendSplit.NONE, dir);
    }

    @Test
    void aMissingFileIsRefusedAlike() throws IOException {
        LogFiles files = new LogFiles(dir.resolve("nowhere.csv"), sample().responded(), sample().userbase());
        LogSourceAgreement.assertAgree(csv, SharedSpark.source(), files, SendSplit.NONE, dir);
    }

    @Test
    void theCorpusIsThere() throws IOException {
        List<String> files = corpus().toList();
        assertEquals(30, files.size(), "the corpus files: " + files);
    }
}
