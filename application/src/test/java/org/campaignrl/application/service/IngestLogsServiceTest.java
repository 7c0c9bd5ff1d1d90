package org.campaignrl.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.campaignrl.application.Fixtures;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.memory.MemoryDatasetRepository;
import org.campaignrl.application.memory.MemoryRunLog;
import org.campaignrl.application.model.AggregatedLogs;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.IngestSummary;
import org.campaignrl.application.model.InputFile;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestOutcome;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.domain.Cells;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestLogsServiceTest {
    private final MemoryDatasetRepository datasets = new MemoryDatasetRepository();
    private final Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    private final RunRecorder runs = new RunRecorder(new MemoryRunLog(), MemoryRunLog.OWNER, clock);

    @TempDir
    Path folder;

    private IngestLogsCommand command;

    private final Cells cells = Fixtures.CellsBuilder.on(Fixtures.space())
            .at(new int[] {12, 0, 0, 0, 0, 0, 0}, 3, 1)
            .build();
    private final IngestSummary summary = new IngestSummary(
            List.of(new FileSummary("sent_emails.csv", 4, 3, Map.of("bad date", 1L))), 2, 3, 1, 1, 0, null, null, "");

    @BeforeEach
    void writeLogs() throws IOException {
        // The summary below rejects 1 send in 4: these tests are about storing, not the reject limit.
        command = IngestLogsCommand.inFolder(folder).withMaxRejectedShare(1.0);
        Files.writeString(command.sentEmails(), "abc");
        Files.writeString(command.responded(), "");
        Files.writeString(command.userbase(), "userbase\n");
    }

    @Test
    void theInputFilesAreRecordedWithSizesAndSha256() {
        CampaignLogSource source = (files, split, rejectsReport, listener) -> new AggregatedLogs(cells, summary);
        List<String> stages = new ArrayList<>();

        new IngestLogsService(source, datasets, runs, clock).ingest(command, (stage, done, total) -> stages.add(stage));

        assertEquals(
                List.of(
                        new InputFile(
                                "sent",
                                command.sentEmails().toAbsolutePath().toString(),
                                3,
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                        new InputFile(
                                "responded",
                                command.responded().toAbsolutePath().toString(),
                                0,
                                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                        new InputFile(
                                "userbase", command.userbase().toAbsolutePath().toString(), 9, sha256("userbase\n"))),
                datasets.loadLatest().orElseThrow().inputs());
        assertEquals(List.of(InputFileChecksums.STAGE), stages);
    }

    /** An engine that reads folders of parts or other file systems (Spark) is not held to local checksums. */
    @Test
    void aFolderOrAUriIsReadByTheEngineAndRecordedWithoutChecksum() throws IOException {
        Path parts = Files.createDirectory(folder.resolve("sent_emails.parquet"));
        Files.writeString(parts.resolve("part-0.parquet"), "PAR1");
        IngestLogsCommand elsewhere = new IngestLogsCommand(
                parts,
                Path.of("s3a://bucket/responded.csv"),
                command.userbase(),
                command.rejectsReport(),
                SendSplit.NONE,
                1.0);
        CampaignLogSource source = (files, split, rejectsReport, listener) -> new AggregatedLogs(cells, summary);

        new IngestLogsService(source, datasets, runs, clock).ingest(elsewhere, ProgressListener.NONE);

        assertEquals(
                List.of("userbase"),
                datasets.loadLatest().orElseThrow().inputs().stream()
                        .map(InputFile::role)
                        .toList());
    }

    @Test
    void aFileChangedWhileBeingIngestedStoresNothing() {
        CampaignLogSource source = (files, split, rejectsReport, listener) -> {
            try {
                Files.writeString(files.responded(), "a late line\n", StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new AggregatedLogs(cells, summary);
        };

        IngestRefusedException e = assertThrows(
                IngestRefusedException.class,
                () -> new IngestLogsService(source, datasets, runs, clock).ingest(command, ProgressListener.NONE));

        assertEquals(command.responded().toString(), e.file());
        assertTrue(e.getMessage().contains("changed while it was being ingested"), e.getMessage());
        assertTrue(datasets.all().isEmpty());
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theEncodingAndDelimiterOfTheCommandReachTheSource() {
        List<CampaignLogSource.LogFiles> seen = new ArrayList<>();
        CampaignLogSource source = (files, split, rejectsReport, listener) -> {
            seen.add(files);
            return new AggregatedLogs(cells, summary);
        };
        CsvFormat given = CsvFormat.of("UTF-16LE", "tab");

        new IngestLogsService(source, datasets, runs, clock).ingest(command.withFormat(given), ProgressListener.NONE);

        assertEquals(
                List.of(new CampaignLogSource.LogFiles(
                        command.sentEmails(), command.responded(), command.userbase(), given)),
                seen);
    }

    @Test
    void theAggregatedLogsAreStoredAsANewDatasetStampedByTheClock() {
        List<Object> seen = new ArrayList<>();
        ProgressListener progress = (stage, done, total) -> seen.add(stage + " " + done + "/" + total);
        CampaignLogSource source = (files, split, rejectsReport, listener) -> {
            seen.add(files);
            seen.add(rejectsReport);
            listener.progress("reading sent_emails.csv", 1, 2);
            return new AggregatedLogs(cells, summary);
        };

        IngestOutcome outcome = new IngestLogsService(source, datasets, runs, clock).ingest(command, progress);

        // What the source reports reaches the caller's listener (through the run's, which can stop the work).
        assertEquals(
                List.of(
                        new CampaignLogSource.LogFiles(command.sentEmails(), command.responded(), command.userbase()),
                        command.rejectsReport(),
                        "reading sent_emails.csv 1/2"),
                seen.subList(0, 3));
        assertEquals(1, outcome.datasetId());
        assertSame(summary, outcome.summary());
        DatasetVersion stored = datasets.loadLatest().orElseThrow();
        assertEquals(outcome.datasetId(), stored.id());
        assertEquals(cells, stored.cells());
        assertEquals(summary, stored.summary());
        assertEquals(Fixtures.NOW, stored.createdAt());
    }

    @Test
    void eachIngestIsANewVersion() {
        CampaignLogSource source = (files, split, rejectsReport, listener) -> new AggregatedLogs(cells, summary);
        IngestLogsService service = new IngestLogsService(source, datasets, runs, clock);

        long first = service.ingest(command, ProgressListener.NONE).datasetId();
        long second = service.ingest(command, ProgressListener.NONE).datasetId();

        assertTrue(second > first);
        assertEquals(2, datasets.all().size());
        assertEquals(second, datasets.loadLatest().orElseThrow().id());
    }

    @Test
    void aRefusedReadStoresNothing() {
        CampaignLogSource source = (files, split, rejectsReport, listener) -> {
            throw new IngestRefusedException("userbase.csv", 0, "missing header");
        };

        IngestRefusedException e = assertThrows(
                IngestRefusedException.class,
                () -> new IngestLogsService(source, datasets, runs, clock).ingest(command, ProgressListener.NONE));

        assertEquals("userbase.csv", e.file());
        assertTrue(datasets.all().isEmpty());
        assertTrue(datasets.loadLatest().isEmpty());
    }

    @Test
    void aRefusedReadLeavesTheCurrentDatasetCurrent() {
        long existing = datasets.save(cells);
        CampaignLogSource source = (files, split, rejectsReport, listener) -> {
            throw new IngestRefusedException("sent_emails.csv", 17, "unreadable");
        };

        assertThrows(
                IngestRefusedException.class,
                () -> new IngestLogsService(source, datasets, runs, clock).ingest(command, ProgressListener.NONE));

        assertEquals(1, datasets.all().size());
        assertEquals(existing, datasets.loadLatest().orElseThrow().id());
    }

    // The reject-ratio limit: for each file, rejected rows / rows read, compared with maxRejectedShare.

    private AggregatedLogs logsRejecting(long sentRead, long sentRejected, long userbaseRead, long userbaseRejected) {
        IngestSummary rejecting = new IngestSummary(
                List.of(
                        new FileSummary(
                                "userbase.csv",
                                userbaseRead,
                                userbaseRead - userbaseRejected,
                                userbaseRejected == 0 ? Map.of() : Map.of("unknown gender code", userbaseRejected)),
                        new FileSummary("responded.csv", 0, 0, Map.of()),
                        new FileSummary(
                                "sent_emails.csv",
                                sentRead,
                                sentRead - sentRejected,
                                sentRejected == 0 ? Map.of() : Map.of("bad date", sentRejected))),
                2,
                3,
                1,
                1,
                0,
                null,
                null,
                "");
        return new AggregatedLogs(cells, rejecting);
    }

    @Test
    void theDefaultLimitIsOnePercent() {
        assertEquals(0.01, IngestLogsCommand.inFolder(folder).maxRejectedShare());
        assertEquals(0.01, new IngestLogsCommand(folder, folder, folder, folder).maxRejectedShare());
        assertEquals(
                0.25,
                IngestLogsCommand.inFolder(folder)
                        .withMaxRejectedShare(0.25)
                        .withSplit(
                                org.campaignrl.application.model.SendSplit.byDate(java.time.LocalDate.of(2016, 3, 1)))
                        .maxRejectedShare(),
                "withSplit keeps the limit");
    }

    @Test
    void moreRejectedThanTheLimitIsRefusedNamingTheWorstFileAndStoresNothing() {
        long existing = datasets.save(cells);
        List<Path> reportsWritten = new ArrayList<>();
        CampaignLogSource source = (files, split, rejectsReport, listener) -> {
            reportsWritten.add(rejectsReport);
            return logsRejecting(1_000, 11, 200, 3); // sends 1.1 %, userbase 1.5 %: the userbase is worse
        };

        IngestRefusedException e = assertThrows(
                IngestRefusedException.class,
                () -> new IngestLogsService(source, datasets, runs, clock)
                        .ingest(IngestLogsCommand.inFolder(folder), ProgressListener.NONE));

        assertEquals(command.userbase().toString(), e.file());
        assertTrue(e.getMessage().contains("userbase.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("3 of 200 rows rejected (1.5 %)"), e.getMessage());
        assertTrue(e.getMessage().contains("maximum rejected share of 1 %"), e.getMessage());
        assertTrue(e.getMessage().contains(command.rejectsReport().toString()), e.getMessage());
        assertEquals(List.of(command.rejectsReport()), reportsWritten, "the rejects report is still written");
        assertEquals(1, datasets.all().size());
        assertEquals(existing, datasets.loadLatest().orElseThrow().id());
    }

    @Test
    void oneFileOverTheLimitIsEnoughToRefuse() {
        CampaignLogSource source = (files, split, rejectsReport, listener) -> logsRejecting(1_000, 11, 200, 0);

        IngestRefusedException e = assertThrows(
                IngestRefusedException.class,
                () -> new IngestLogsService(source, datasets, runs, clock)
                        .ingest(IngestLogsCommand.inFolder(folder), ProgressListener.NONE));

        assertEquals(command.sentEmails().toString(), e.file());
        assertTrue(e.getMessage().contains("11 of 1,000 rows rejected (1.1 %)"), e.getMessage());
        assertTrue(datasets.all().isEmpty());
    }

    @Test
    void exactlyTheLimitIsStored() {
        CampaignLogSource source = (files, split, rejectsReport, listener) -> logsRejecting(1_000, 10, 300, 3);

        long id = new IngestLogsService(source, datasets, runs, clock)
                .ingest(IngestLogsCommand.inFolder(folder), ProgressListener.NONE)
                .datasetId();

        assertEquals(id, datasets.loadLatest().orElseThrow().id());
    }

    @Test
    void aLimitOfOneAcceptsAnyShare() {
        CampaignLogSource source = (files, split, rejectsReport, listener) -> logsRejecting(1_000, 999, 10, 10);

        long id = new IngestLogsService(source, datasets, runs, clock)
                .ingest(IngestLogsCommand.inFolder(folder).withMaxRejectedShare(1.0), ProgressListener.NONE)
                .datasetId();

        assertEquals(id, datasets.loadLatest().orElseThrow().id());
    }

    @Test
    void aLimitOfZeroRefusesAnyRejection() {
        CampaignLogSource source = (files, split, rejectsReport, listener) -> logsRejecting(1_000, 1, 10, 0);

        assertThrows(
                IngestRefusedException.class,
                () -> new IngestLogsService(source, datasets, runs, clock)
                        .ingest(IngestLogsCommand.inFolder(folder).withMaxRejectedShare(0), ProgressListener.NONE));
        assertTrue(datasets.all().isEmpty());
    }
}
