package org.campaignrl.adapters.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.model.ConvergenceSummary;
import org.campaignrl.application.model.DatasetListing;
import org.campaignrl.application.model.FileSummary;
import org.campaignrl.application.model.InputFile;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.RetrainingDecision;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.in.DatasetRegistryUseCase;
import org.campaignrl.application.port.in.DatasetRegistryUseCase.DatasetDetails;
import org.campaignrl.application.port.in.DatasetRegistryUseCase.ShowDatasetCommand;
import org.campaignrl.application.port.in.ManageModelsUseCase;
import org.campaignrl.application.port.in.ManageModelsUseCase.ActivateModelCommand;
import org.campaignrl.application.port.in.ManageModelsUseCase.DeleteModelCommand;
import org.campaignrl.application.port.in.ModelRegistryUseCase;
import org.campaignrl.application.port.in.ModelRegistryUseCase.CompareModelsCommand;
import org.campaignrl.application.port.in.ModelRegistryUseCase.FigurePair;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ModelComparison;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ModelDetails;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ShowModelCommand;
import org.campaignrl.application.port.in.RetrainingUseCase;
import org.campaignrl.application.port.in.RetrainingUseCase.RetrainingStatus;
import org.campaignrl.application.port.in.RetrainingUseCase.Schedule;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.TrainingStats;

/**
 * The model and dataset registry under {@code /api/v1}: list and show models and datasets,
 * activate, roll back, compare, delete; and the retraining schedule with its decisions. Answers are this class's own JSON records; activating and
 * rolling back name the model now served in the {@code X-Model-Version} header, as queries do.
 */
final class ModelsApi {
    private final ModelRegistryUseCase registry;
    private final ManageModelsUseCase manage;
    private final DatasetRegistryUseCase datasets;
    private final RetrainingUseCase retraining;
    private final ObjectMapper mapper;

    private ModelsApi(
            ModelRegistryUseCase registry,
            ManageModelsUseCase manage,
            DatasetRegistryUseCase datasets,
            RetrainingUseCase retraining,
            ObjectMapper mapper) {
        this.registry = registry;
        this.manage = manage;
        this.datasets = datasets;
        this.retraining = retraining;
        this.mapper = mapper;
    }

    static void register(RoutesConfig routes, CampaignRl app, ObjectMapper mapper) {
        new ModelsApi(app.modelRegistry(), app.manageModels(), app.datasetRegistry(), app.retraining(), mapper)
                .register(routes);
    }

    private void register(RoutesConfig routes) {
        Route.MODELS.register(
                routes,
                ctx -> ctx.json(registry.models().stream().map(ModelJson::of).toList()));
        // Before /{id}: the first route registered that matches a path answers it.
        Route.COMPARE_MODELS.register(routes, this::compare);
        Route.ROLL_BACK_MODEL.register(routes, ctx -> {
            JsonBody.none(mapper, ctx.body());
            served(ctx, manage.rollback());
        });
        Route.MODEL.register(routes, this::show);
        Route.ACTIVATE_MODEL.register(routes, ctx -> {
            JsonBody.none(mapper, ctx.body());
            served(ctx, manage.activate(new ActivateModelCommand(DashboardApi.pathId(ctx, "id"))));
        });
        Route.DELETE_MODEL.register(routes, ctx -> {
            manage.delete(new DeleteModelCommand(DashboardApi.pathId(ctx, "id")));
            ctx.status(HttpStatus.NO_CONTENT);
        });
        Route.DATASETS.register(
                routes,
                ctx -> ctx.json(
                        datasets.datasets().stream().map(DatasetJson::of).toList()));
        Route.DATASET.register(
                routes,
                ctx -> ctx.json(
                        DatasetJson.of(datasets.dataset(new ShowDatasetCommand(DashboardApi.pathId(ctx, "id"))))));
        Route.RETRAINING.register(routes, ctx -> ctx.json(RetrainingJson.of(retraining.status())));
    }

    private void show(Context ctx) {
        ctx.json(ModelDetailJson.of(registry.model(new ShowModelCommand(DashboardApi.pathId(ctx, "id")))));
    }

    private void compare(Context ctx) {
        Fields query = new Fields(ctx::queryParam);
        ctx.json(ComparisonJson.of(
                registry.compare(new CompareModelsCommand(query.requiredLong("a"), query.requiredLong("b")))));
    }

    private static void served(Context ctx, ModelSummary model) {
        ctx.header(CompatibleApi.MODEL_VERSION_HEADER, Long.toString(model.id()));
        ctx.json(ModelJson.of(model));
    }

    // --- the JSON shapes

    record ModelJson(
            long id,
            long datasetId,
            String createdAt,
            String startedBy,
            boolean active,
            HyperparametersJson hyperparameters,
            RewardRuleJson rewardRule,
            TrainingJson training,
            ConvergenceJson convergence,
            Map<String, Double> metrics) {
        static ModelJson of(ModelSummary m) {
            var h = m.hyperparameters();
            var r = m.rewardRule();
            return new ModelJson(
                    m.id(),
                    m.datasetId(),
                    m.createdAt().toString(),
                    m.startedBy(),
                    m.active(),
                    new HyperparametersJson(
                            h.untilConverged(),
                            h.episodes(),
                            h.epsilon(),
                            h.alpha(),
                            h.gamma(),
                            h.maxSteps(),
                            h.seed()),
                    new RewardRuleJson(r.targetRate(), r.minSends(), r.rewardFactor()),
                    new TrainingJson(m.totalSteps(), m.trainingGoalRate()),
                    ConvergenceJson.of(m),
                    m.metrics());
        }
    }

    /** With {@code untilConverged}, {@code episodes} is the most the training could run. */
    record HyperparametersJson(
            boolean untilConverged,
            int episodes,
            double epsilon,
            double alpha,
            double gamma,
            int maxSteps,
            long seed) {}

    /**
     * @param converged null for a model stored before convergence was measured
     * @param summary   the same in words: "converged: 100 % of start states reach a goal, in 1.02 × the fewest steps"
     */
    record ConvergenceJson(Boolean converged, String summary) {
        static ConvergenceJson of(ModelSummary m) {
            ConvergenceSummary convergence = ConvergenceSummary.of(m.metrics());
            return new ConvergenceJson(convergence.converged().orElse(null), convergence.inWords());
        }
    }

    record RewardRuleJson(double targetRate, long minSends, double rewardFactor) {}

    /** {@code goalRate}: the share of training episodes that reached a goal cell. */
    record TrainingJson(long totalSteps, double goalRate) {}

    /** A model as listed, and its learning curve. */
    record ModelDetailJson(@JsonUnwrapped ModelJson model, List<CurvePointJson> curve) {
        static ModelDetailJson of(ModelDetails details) {
            return new ModelDetailJson(
                    ModelJson.of(details.summary()),
                    details.curve().stream().map(CurvePointJson::of).toList());
        }
    }

    record CurvePointJson(int episode, double goalRate, double meanSteps) {
        static CurvePointJson of(TrainingStats.CurvePoint point) {
            return new CurvePointJson(point.episode(), point.goalRate(), point.meanSteps());
        }
    }

    record ComparisonJson(ModelJson a, ModelJson b, StatesJson states, List<FigureJson> figures) {
        static ComparisonJson of(ModelComparison c) {
            List<ActionChangeJson> byAction = java.util.Arrays.stream(Action.values())
                    .map(action -> new ActionChangeJson(
                            action.code(), action.name(), c.changedByAction().get(action.code())))
                    .toList();
            return new ComparisonJson(
                    ModelJson.of(c.a()),
                    ModelJson.of(c.b()),
                    new StatesJson(
                            c.comparedStates(),
                            c.changedStates(),
                            c.changedShare(),
                            c.statesOnlyInA(),
                            c.statesOnlyInB(),
                            byAction),
                    c.figures().stream().map(FigureJson::of).toList());
        }
    }

    /** How many states both models know, in how many b's greedy action differs from a's, and which action b takes there. */
    record StatesJson(
            int compared,
            int changedGreedyAction,
            double changedShare,
            int onlyInA,
            int onlyInB,
            List<ActionChangeJson> changedToAction) {}

    record ActionChangeJson(int action, String name, int states) {}

    /** A figure a model lacks is null; so is the difference then. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FigureJson(String name, Double a, Double b, Double difference) {
        static FigureJson of(FigurePair pair) {
            return new FigureJson(pair.name(), pair.a(), pair.b(), pair.difference());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DatasetJson(
            long id,
            String createdAt,
            SummaryJson summary,
            SplitJson split,
            List<InputJson> inputs,
            List<FileJson> files,
            List<Integer> subjectIds,
            List<String> domains,
            int states,
            int cellsWithSends,
            List<Long> models) {
        static DatasetJson of(DatasetListing d) {
            return of(d, null);
        }

        static DatasetJson of(DatasetDetails details) {
            return of(details.dataset(), details.modelIds());
        }

        /** {@code models} only when showing one dataset: listing them all would cost a query per dataset. */
        private static DatasetJson of(DatasetListing d, List<Long> models) {
            var s = d.summary();
            return new DatasetJson(
                    d.id(),
                    d.createdAt().toString(),
                    new SummaryJson(
                            s.customers(),
                            s.sends(),
                            s.respondedSends(),
                            s.baseRate(),
                            s.distinctResponsePairs(),
                            s.responsePairsWithoutSend(),
                            s.firstSendDate() == null ? null : s.firstSendDate().toString(),
                            s.lastSendDate() == null ? null : s.lastSendDate().toString(),
                            s.rowsRead(),
                            s.rowsRejected(),
                            s.rejectsReport()),
                    SplitJson.of(d.split()),
                    d.inputs().stream().map(InputJson::of).toList(),
                    s.files().stream().map(FileJson::of).toList(),
                    d.subjectIds(),
                    d.domains(),
                    d.states(),
                    d.cellsWithSends(),
                    models);
        }
    }

    record SummaryJson(
            long customers,
            long sends,
            long respondedSends,
            double baseRate,
            long distinctResponsePairs,
            long responsePairsWithoutSend,
            String firstSendDate,
            String lastSendDate,
            long rowsRead,
            long rowsRejected,
            String rejectsReport) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SplitJson(String kind, String heldOutFrom, Double heldOutShare, Long seed, String description) {
        static SplitJson of(SendSplit split) {
            return new SplitJson(
                    split.kind().name(),
                    split.heldOutFrom() == null ? null : split.heldOutFrom().toString(),
                    split.kind() == SendSplit.Kind.RANDOM_PAIRS ? split.heldOutShare() : null,
                    split.kind() == SendSplit.Kind.RANDOM_PAIRS ? split.seed() : null,
                    split.describe());
        }
    }

    /** {@code schedule} is null when {@code serve} runs without {@code --retrain-every}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RetrainingJson(ScheduleJson schedule, DecisionJson lastRun, List<DecisionJson> decisions) {
        static RetrainingJson of(RetrainingStatus status) {
            return new RetrainingJson(
                    status.schedule().map(ScheduleJson::of).orElse(null),
                    status.lastRun().map(DecisionJson::of).orElse(null),
                    status.decisions().stream().map(DecisionJson::of).toList());
        }
    }

    record ScheduleJson(String every, long everySeconds, String watchDir, double tolerance, String nextRunAt) {
        static ScheduleJson of(Schedule s) {
            return new ScheduleJson(
                    s.every().toString(),
                    s.every().toSeconds(),
                    s.watchDir().toString(),
                    s.tolerance(),
                    s.nextRunAt().toString());
        }
    }

    /** {@code id} 0: a run that found nothing new, which is not recorded. */
    record DecisionJson(
            long id,
            String decidedAt,
            String outcome,
            Long datasetId,
            Long candidateModelId,
            Long activeModelId,
            String reason) {
        static DecisionJson of(RetrainingDecision d) {
            return new DecisionJson(
                    d.id(),
                    d.decidedAt().toString(),
                    d.outcome().name(),
                    d.datasetId().orElse(null),
                    d.candidateModelId().orElse(null),
                    d.activeModelId().orElse(null),
                    d.reason());
        }
    }

    record InputJson(String role, String path, long sizeBytes, String sha256) {
        static InputJson of(InputFile input) {
            return new InputJson(input.role(), input.path(), input.sizeBytes(), input.sha256());
        }
    }

    /** @param readAs the encoding and delimiter the file was read with, e.g. "UTF-8 (detected: valid UTF-8), delimiter ',' (detected)" */
    record FileJson(
            String file,
            long rowsRead,
            long accepted,
            long rejected,
            Map<String, Long> rejectedByReason,
            String readAs) {
        static FileJson of(FileSummary file) {
            return new FileJson(
                    file.file(),
                    file.rowsRead(),
                    file.accepted(),
                    file.rejected(),
                    file.rejectedByReason(),
                    file.describeFormat());
        }
    }
}
