package org.campaignrl.boot;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.campaignrl.adapters.cli.CliRuntime;
import org.campaignrl.adapters.csv.CsvCampaignLogSource;
import org.campaignrl.adapters.csv.CsvCellsWriter;
import org.campaignrl.adapters.csv.CsvRejectsReader;
import org.campaignrl.adapters.db.Storage;
import org.campaignrl.adapters.db.memory.InMemoryStorage;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.port.out.DatasetRepository;
import org.campaignrl.application.port.in.EvaluateModelUseCase.EvaluateModelCommand;
import org.campaignrl.application.port.in.EvaluateModelUseCase.Evaluation;
import org.campaignrl.application.port.out.ModelRepository;
import org.campaignrl.application.port.out.RetrainingHistory;
import org.campaignrl.application.port.out.ProgressListener;
import org.campaignrl.application.service.ActiveModel;
import org.campaignrl.application.service.CampaignAudienceService;
import org.campaignrl.application.service.DatasetOverviewService;
import org.campaignrl.application.service.DatasetRegistryService;
import org.campaignrl.application.service.EvaluateModelService;
import org.campaignrl.application.service.ManageModelsService;
import org.campaignrl.application.service.ModelRegistryService;
import org.campaignrl.application.service.RankAudiencesService;
import org.campaignrl.application.service.RejectedRowsService;
import org.campaignrl.application.service.RefreshServingService;
import org.campaignrl.application.service.RetrainingGuard;
import org.campaignrl.application.service.RetrainingService;
import org.campaignrl.application.service.SweepService;
import org.campaignrl.application.service.ExploreStateService;
import org.campaignrl.application.service.ExportCellsService;
import org.campaignrl.application.service.IngestLogsService;
import org.campaignrl.application.service.JobService;
import org.campaignrl.application.service.NextActionService;
import org.campaignrl.application.service.ServingStatusService;
import org.campaignrl.application.service.TrainModelService;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationReport;
import org.campaignrl.data.GeneratorSettings;
import org.campaignrl.data.TruthFile;

/** The composition root: the one place that names every adapter and wires them by hand. */
public final class Wiring implements CliRuntime {
    /** Set by the {@code ./campaign-rl} launcher to the project folder. */
    static final String HOME_VARIABLE = "CAMPAIGN_RL_HOME";

    private final Path installFolder;

    public Wiring(Path installFolder) {
        this.installFolder = installFolder;
    }

    static Path installFolder() {
        String home = System.getenv(HOME_VARIABLE);
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }

    /** The default database: an H2 file under {@code var/} of the install folder. */
    public Path defaultDatabaseFolder() {
        return installFolder.resolve("var");
    }

    @Override
    public Session open(String jdbcUrl) {
        Storage storage = Storage.open(jdbcUrl != null ? jdbcUrl : Storage.defaultH2Url(defaultDatabaseFolder()));
        try {
            CampaignRl app = wire(storage.datasets(), storage.models(), storage.retrainingHistory(), Clock.systemUTC());
            return new Session() {
                @Override
                public CampaignRl app() {
                    return app;
                }

                @Override
                public String storage() {
                    return storage.describe();
                }

                @Override
                public void close() {
                    storage.close();
                }
            };
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /** Every use case over the given repositories; retraining decisions are kept in memory only. */
    public static CampaignRl wire(DatasetRepository datasets, ModelRepository models, Clock clock) {
        return wire(datasets, models, new InMemoryStorage().retrainingHistory(), clock);
    }

    /** Every use case over the given repositories, serving the active model they hold. */
    public static CampaignRl wire(DatasetRepository datasets, ModelRepository models,
                                  RetrainingHistory retrainingHistory, Clock clock) {
        ActiveModel activeModel = new ActiveModel(models, datasets);
        activeModel.reload();
        IngestLogsService ingestLogs = new IngestLogsService(new CsvCampaignLogSource(), datasets, clock);
        TrainModelService trainModel = new TrainModelService(datasets, models, activeModel, clock);
        ManageModelsService manageModels = new ManageModelsService(models, activeModel);
        EvaluateModelService evaluateModel = new EvaluateModelService(models, datasets, TruthFile::probabilities);
        return new CampaignRl(
                ingestLogs,
                trainModel,
                new NextActionService(activeModel),
                new CampaignAudienceService(activeModel),
                new ExportCellsService(datasets, new CsvCellsWriter()),
                new ServingStatusService(activeModel, datasets, models),
                new ExploreStateService(activeModel),
                new DatasetOverviewService(activeModel, datasets),
                new JobService(ingestLogs, trainModel, clock),
                new ModelRegistryService(models, datasets),
                manageModels,
                new DatasetRegistryService(datasets, models),
                new RefreshServingService(models, activeModel),
                evaluateModel,
                new SweepService(datasets),
                new RankAudiencesService(activeModel, datasets),
                new RetrainingService(ingestLogs, trainModel, manageModels, datasets, models, retrainingHistory,
                        modelId -> qualityFigures(evaluateModel, modelId), RetrainingGuard.standard(0).watched(),
                        clock),
                new RejectedRowsService(datasets, new CsvRejectsReader()));
    }

    /** What the retraining guard compares: the evaluation's figures, and the held-out lift when there is one. */
    private static Map<String, Double> qualityFigures(EvaluateModelService evaluateModel, long modelId) {
        Evaluation evaluation = evaluateModel.evaluate(EvaluateModelCommand.defaults(Optional.of(modelId)));
        Map<String, Double> figures = new LinkedHashMap<>(evaluation.quality());
        evaluation.heldOut().ifPresent(heldOut -> figures.put("held_out_lift", heldOut.lift().value()));
        return figures;
    }

    @Override
    public String generate(Path outDir, int customers, long seed, ProgressListener progress) throws Exception {
        GenerationReport report = new CampaignLogGenerator(new GeneratorSettings(customers, seed))
                .writeTo(outDir, (done, total) -> progress.progress("generating", done, total));
        return String.format("Wrote %,d customers, %,d sends and %,d response rows to %s", report.customers(),
                report.sends(), report.responseRows(), outDir);
    }

    @Override
    public Path bundledSampleDir() {
        return installFolder.resolve("data").resolve("sample");
    }
}
