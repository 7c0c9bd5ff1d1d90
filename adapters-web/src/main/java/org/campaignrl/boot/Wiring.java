package org.campaignrl.boot;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import org.campaignrl.adapters.cli.CliRuntime;
import org.campaignrl.adapters.csv.CsvCampaignLogSource;
import org.campaignrl.adapters.csv.CsvCampaignOutcomeReader;
import org.campaignrl.adapters.csv.CsvCellsWriter;
import org.campaignrl.adapters.csv.CsvRejectsReader;
import org.campaignrl.adapters.db.Storage;
import org.campaignrl.adapters.serving.ServeSettings;
import org.campaignrl.adapters.serving.ServingProcess;
import org.campaignrl.adapters.web.Metrics;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.model.RunOwner;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.IngestLogsUseCase;
import org.campaignrl.application.port.in.TrainModelUseCase;
import org.campaignrl.application.port.out.CampaignLogSource;
import org.campaignrl.application.port.out.CampaignOutcomeReader;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.out.RetrainingHistory;
import org.campaignrl.application.port.out.RunLog;
import org.campaignrl.application.service.ActiveModel;
import org.campaignrl.application.service.CampaignAudienceService;
import org.campaignrl.application.service.CampaignReadouts;
import org.campaignrl.application.service.CampaignsService;
import org.campaignrl.application.service.DatasetOverviewService;
import org.campaignrl.application.service.DatasetRegistryService;
import org.campaignrl.application.service.EvaluateModelService;
import org.campaignrl.application.service.ExploreStateService;
import org.campaignrl.application.service.ExportCellsService;
import org.campaignrl.application.service.IngestLogsService;
import org.campaignrl.application.service.JobService;
import org.campaignrl.application.service.ManageModelsService;
import org.campaignrl.application.service.ModelRegistryService;
import org.campaignrl.application.service.NextActionService;
import org.campaignrl.application.service.PlanCampaignService;
import org.campaignrl.application.service.RankAudiencesService;
import org.campaignrl.application.service.RefreshServingService;
import org.campaignrl.application.service.RejectedRowsService;
import org.campaignrl.application.service.RetrainingGuard;
import org.campaignrl.application.service.RetrainingService;
import org.campaignrl.application.service.RetrainingService.QualityFigures;
import org.campaignrl.application.service.RunRecorder;
import org.campaignrl.application.service.RunsService;
import org.campaignrl.application.service.ServingStatusService;
import org.campaignrl.application.service.SweepService;
import org.campaignrl.application.service.TrainModelService;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationReport;
import org.campaignrl.data.GeneratorSettings;
import org.campaignrl.data.LogShape;
import org.campaignrl.data.PlanAnswer;
import org.campaignrl.data.TruthFile;

/** The composition root: the one place that names every adapter and wires them by hand. */
public final class Wiring implements CliRuntime {
    /** Set by the {@code ./campaign-rl} launcher to the project folder. */
    static final String HOME_VARIABLE = "CAMPAIGN_RL_HOME";
    /**
     * How long a stopping process waits for its running ingest or training to end: it stops at its next
     * progress report, within a second or two, unless it is already storing its result, which it finishes.
     */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final Path installFolder;

    public Wiring(Path installFolder) {
        this.installFolder = installFolder;
    }

    static Path installFolder() {
        String home = System.getenv(HOME_VARIABLE);
        return Path.of(home == null || home.isBlank() ? "." : home)
                .toAbsolutePath()
                .normalize();
    }

    /** The default database: an H2 file under {@code var/} of the install folder. */
    public Path defaultDatabaseFolder() {
        return installFolder.resolve("var");
    }

    /**
     * Wires the use cases at once over a database that opens in the background (see {@link OpeningStorage});
     * the first thing done with the open database is failing the runs that a dead process left running, before
     * this process records any of its own.
     */
    @Override
    public Session open(String jdbcUrl) {
        Clock clock = Clock.systemUTC();
        RunOwner owner = thisProcess();
        String url = jdbcUrl != null ? jdbcUrl : Storage.defaultH2Url(defaultDatabaseFolder());
        boolean databaseIsNew = Storage.wouldCreate(url);
        OpeningStorage storage =
                OpeningStorage.start(url, opened -> opened.runs().markInterrupted(owner, clock.instant()));
        Metrics metrics = new Metrics();
        Wired wired = wire(
                storage.port(DatasetRepository.class, Storage::datasets),
                storage.port(ModelRepository.class, Storage::models),
                storage.port(RetrainingHistory.class, Storage::retrainingHistory),
                storage.port(RunLog.class, Storage::runs),
                CampaignAdapters.csv(storage.port(CampaignRepository.class, Storage::campaigns)),
                owner,
                clock,
                metrics);
        metrics.observe(
                wired.app(),
                new Metrics.Pool(
                        () -> pool(storage, Storage::connectionsInUse), () -> pool(storage, Storage::maxConnections)));
        return new Session() {
            @Override
            public CampaignRl app() {
                return wired.app();
            }

            @Override
            public String storage() {
                return storage.storage().describe();
            }

            @Override
            public boolean databaseIsNew() {
                return databaseIsNew;
            }

            @Override
            public Metrics metrics() {
                return metrics;
            }

            @Override
            public void stop(String why) {
                wired.runs().abandon(why);
                long deadline = System.nanoTime() + STOP_WAIT.toNanos();
                try {
                    wired.jobs().close(STOP_WAIT);
                    wired.runs().awaitNoneRunning(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    storage.close();
                }
            }

            @Override
            public void close() {
                wired.jobs().close();
                storage.close();
            }
        };
    }

    /** A figure of the database's pool; empty while it is not open, or when it failed to open. */
    private static OptionalInt pool(OpeningStorage storage, java.util.function.Function<Storage, OptionalInt> figure) {
        try {
            return figure.apply(storage.storage());
        } catch (RuntimeException notOpen) {
            return OptionalInt.empty();
        }
    }

    /** This process, as the runs it records name it. */
    static RunOwner thisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // A host whose own name does not resolve: the name is still what the environment calls it.
            String fromEnvironment = System.getenv("HOSTNAME");
            host = fromEnvironment == null || fromEnvironment.isBlank() ? "localhost" : fromEnvironment;
        }
        return new RunOwner(host, ProcessHandle.current().pid());
    }

    /** Every use case over the given repositories, reading the logs as CSV, recording runs as this process. */
    public static CampaignRl wire(
            DatasetRepository datasets,
            ModelRepository models,
            RetrainingHistory retrainingHistory,
            RunLog runLog,
            CampaignRepository campaigns,
            Clock clock) {
        return wire(datasets, models, retrainingHistory, runLog, CampaignAdapters.csv(campaigns), clock);
    }

    /** Every use case over the given repositories and campaign adapters, recording runs as this process. */
    static CampaignRl wire(
            DatasetRepository datasets,
            ModelRepository models,
            RetrainingHistory retrainingHistory,
            RunLog runLog,
            CampaignAdapters campaigns,
            Clock clock) {
        return wire(datasets, models, retrainingHistory, runLog, campaigns, thisProcess(), clock, new Metrics())
                .app();
    }

    /**
     * What campaign plans need beside the datasets: the log source that hands over the customers, where plans are
     * kept, and the reader of their outcomes in later logs.
     */
    record CampaignAdapters(CampaignLogSource logs, CampaignRepository plans, CampaignOutcomeReader outcomes) {
        /** The CSV log source and outcome reader, plans kept in the given repository. */
        static CampaignAdapters csv(CampaignRepository plans) {
            return new CampaignAdapters(new CsvCampaignLogSource(), plans, new CsvCampaignOutcomeReader());
        }
    }

    /** The use cases, and what stopping them cleanly needs. */
    private record Wired(CampaignRl app, RunRecorder runs, JobService jobs) {}

    /** Every use case over the given repositories, serving the active model they hold. */
    private static Wired wire(
            DatasetRepository datasets,
            ModelRepository models,
            RetrainingHistory retrainingHistory,
            RunLog runLog,
            CampaignAdapters campaigns,
            RunOwner owner,
            Clock clock,
            Metrics metrics) {
        ActiveModel activeModel = new ActiveModel(models, datasets);
        RunRecorder runs = new RunRecorder(runLog, owner, clock);
        // Every caller gets the counted in-ports: the CLI, background jobs, scheduled retraining.
        IngestLogsUseCase ingestLogs = metrics.counting(new IngestLogsService(
                campaigns.logs(),
                datasets,
                runs,
                clock,
                new CampaignReadouts(campaigns.plans(), campaigns.outcomes(), clock)));
        TrainModelUseCase trainModel =
                metrics.counting(new TrainModelService(datasets, models, activeModel, runs, clock));
        JobService jobs = new JobService(ingestLogs, trainModel, clock);
        ManageModelsService manageModels = new ManageModelsService(models, activeModel);
        EvaluateModelService evaluateModel = new EvaluateModelService(models, datasets, TruthFile::probabilities);
        return new Wired(
                new CampaignRl(
                        ingestLogs,
                        trainModel,
                        new NextActionService(activeModel),
                        new CampaignAudienceService(activeModel),
                        new ExportCellsService(datasets, new CsvCellsWriter()),
                        new ServingStatusService(activeModel, datasets, models),
                        new ExploreStateService(activeModel),
                        new DatasetOverviewService(activeModel, datasets),
                        jobs,
                        new ModelRegistryService(models, datasets),
                        manageModels,
                        new DatasetRegistryService(datasets, models),
                        new RefreshServingService(models, activeModel),
                        evaluateModel,
                        new SweepService(datasets),
                        new RankAudiencesService(activeModel, datasets),
                        new RetrainingService(
                                ingestLogs,
                                trainModel,
                                manageModels,
                                datasets,
                                models,
                                retrainingHistory,
                                QualityFigures.evaluatedBy(evaluateModel),
                                RetrainingGuard.standard(0).watched(),
                                clock),
                        new RejectedRowsService(datasets, new CsvRejectsReader()),
                        new RunsService(runLog),
                        new PlanCampaignService(activeModel, datasets, campaigns.plans(), clock),
                        new CampaignsService(campaigns.plans(), datasets)),
                runs,
                jobs);
    }

    @Override
    public String generate(Path outDir, Generation generation, ProgressListener progress) throws Exception {
        GeneratorSettings preset = generation.preset() == GeneratorPreset.REAL_SHAPED
                ? GeneratorSettings.realShaped(generation.seed())
                : new GeneratorSettings(GeneratorSettings.DEFAULT_CUSTOMERS, generation.seed());
        LogShape shape = preset.shape();
        if (generation.order().isPresent()) {
            shape = shape.withOrder(LogShape.RowOrder.parse(generation.order().get()));
        }
        if (generation.sendsPerCustomer().isPresent()) {
            shape = shape.withSendsPerCustomer(generation.sendsPerCustomer().getAsDouble());
        }
        if (generation.responderShare().isPresent()) {
            shape = shape.withResponderShare(generation.responderShare().getAsDouble());
        }
        if (generation.responseRowsPerResponder().isPresent()) {
            shape = shape.withResponseRowsPerResponder(
                    generation.responseRowsPerResponder().getAsDouble());
        }
        GeneratorSettings settings =
                new GeneratorSettings(generation.customers().orElse(preset.customers()), generation.seed(), shape);
        GenerationReport report = new CampaignLogGenerator(settings)
                .writeTo(outDir, (done, total) -> progress.progress("generating", done, total));
        return report.summary(outDir, shape.order());
    }

    @Override
    public String answerPlan(Path sendList, Path truth, Path userbase, Path outDir, long seed) throws Exception {
        return PlanAnswer.answer(sendList, truth, userbase, outDir, seed).summary(outDir);
    }

    /** The database stays open until the serving process has stopped it, on the process's shutdown. */
    @Override
    public void serve(String jdbcUrl, ServeSettings settings, PrintWriter out, ProgressListener progress)
            throws InterruptedException {
        new ServingProcess(settings, out, progress).run(open(jdbcUrl));
    }

    @Override
    public Path bundledSampleDir() {
        return installFolder.resolve("data").resolve("sample");
    }
}
