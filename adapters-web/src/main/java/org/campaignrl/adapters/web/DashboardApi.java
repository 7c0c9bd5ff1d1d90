package org.campaignrl.adapters.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.port.in.DatasetOverviewUseCase.AttributeBreakdown;
import org.campaignrl.application.port.in.DatasetOverviewUseCase.DatasetOverview;
import org.campaignrl.application.port.in.DatasetOverviewUseCase.ValueStats;
import org.campaignrl.application.port.in.ExploreStateUseCase.CellView;
import org.campaignrl.application.port.in.ExploreStateUseCase.ExploreStateCommand;
import org.campaignrl.application.port.in.ExploreStateUseCase.StateView;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.JobsUseCase.JobView;
import org.campaignrl.application.port.in.RejectedRowsUseCase.RejectedRowsCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;

/** {@code /api/v1}: jobs (training, ingest) and their progress, states with their Q values, the dataset overview. */
final class DashboardApi {
    private final CampaignRl app;
    private final ObjectMapper mapper;

    DashboardApi(CampaignRl app, ObjectMapper mapper) {
        this.app = app;
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        Route.JOBS.register(
                routes,
                ctx -> ctx.json(app.jobs().jobs().stream().map(JobJson::of).toList()));
        Route.JOB.register(routes, this::job);
        Route.CANCEL_JOB.register(routes, ctx -> {
            JsonBody.none(mapper, ctx.body());
            accepted(ctx, cancel(app, pathId(ctx, "id")));
        });
        Route.START_TRAINING.register(routes, this::startTraining);
        Route.START_INGEST.register(routes, this::startIngest);
        Route.STATE.register(routes, this::state);
        Route.DATASET_OVERVIEW.register(routes, this::overview);
        Route.REJECTED_ROWS.register(routes, this::rejectedRows);
    }

    private void job(Context ctx) {
        long id = pathId(ctx, "id");
        JobView job = app.jobs().job(id).orElseThrow(() -> new NotFoundException("no job with id " + id));
        ctx.json(JobJson.of(job));
    }

    /** Cancels a job (see {@code JobsUseCase.cancel}); the page's Cancel button comes here too. */
    static JobView cancel(CampaignRl app, long id) {
        return app.jobs().cancel(id).orElseThrow(() -> new NotFoundException("no job with id " + id));
    }

    /** Every field optional: what is left out takes the documented default. */
    private void startTraining(Context ctx) {
        JsonBody body = JsonBody.parseOrEmpty(mapper, ctx.body(), OpenApiSchemas.TRAINING_JOB_FIELDS);
        TrainModelCommand command = TrainingRequest.fromJson(body);
        accepted(ctx, app.jobs().startTraining(command.withStartedBy(AccessControl.startedBy(ctx, "api"))));
    }

    private void startIngest(Context ctx) {
        JsonBody body = JsonBody.parse(mapper, ctx.body(), OpenApiSchemas.INGEST_JOB_FIELDS);
        Path folder = Path.of(body.requiredText("dataDir"));
        if (!Files.isDirectory(folder)) {
            throw new InvalidCommandException("dataDir", "no such folder on the server: " + folder);
        }
        accepted(
                ctx,
                app.jobs()
                        .startIngest(IngestLogsCommand.inFolder(folder)
                                .withSplit(Pages.split(body.asFields()))
                                .withFormat(Pages.format(body.asFields()))));
    }

    private static void accepted(Context ctx, JobView job) {
        ctx.status(HttpStatus.ACCEPTED)
                .header("Location", Route.JOB.pathWith(job.id()))
                .json(JobJson.of(job));
    }

    private void state(Context ctx) {
        StateView view = app.exploreState().explore(new ExploreStateCommand(Pages.parseState(ctx.pathParam("state"))));
        ctx.header(CompatibleApi.MODEL_VERSION_HEADER, Long.toString(view.modelId()));
        ctx.json(StateJson.of(view));
    }

    private void overview(Context ctx) {
        ctx.json(OverviewJson.of(app.datasetOverview().overview()));
    }

    /** {@code ?datasetId=ID&limit=N}: the first rows the ingest of that dataset (default the latest) rejected. */
    private void rejectedRows(Context ctx) {
        Fields query = new Fields(ctx::queryParam);
        var rejected = app.rejectedRows()
                .rejectedRows(new RejectedRowsCommand(
                        query.text("datasetId") == null
                                ? Optional.empty()
                                : Optional.of(query.requiredLong("datasetId")),
                        query.text("limit") == null ? 100 : query.requiredInt("limit")));
        ctx.json(new RejectedRowsJson(
                rejected.datasetId(),
                rejected.report(),
                rejected.total(),
                rejected.rows().stream()
                        .map(r -> new RejectedRowJson(r.file(), r.line(), r.field(), r.reason(), r.value()))
                        .toList()));
    }

    record RejectedRowsJson(long datasetId, String report, long total, List<RejectedRowJson> rows) {}

    record RejectedRowJson(String file, long line, String field, String reason, String value) {}

    static long pathId(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new InvalidCommandException(name, "must be an integer, was '" + raw + "'");
        }
    }

    record CellJson(
            List<Integer> state, List<String> labels, long sends, long responses, double conversion, boolean goal) {
        static CellJson of(CellView c) {
            return new CellJson(c.state(), c.labels(), c.sends(), c.responses(), c.conversion(), c.goal());
        }
    }

    record ActionJson(int action, String attribute, double qValue, CellJson next) {}

    record StateJson(
            long modelVersion,
            CellJson cell,
            double rewardOnEntering,
            List<ActionJson> actions,
            int bestAction,
            List<CellJson> greedyPath,
            String pathEnd) {
        static StateJson of(StateView v) {
            return new StateJson(
                    v.modelId(),
                    CellJson.of(v.cell()),
                    v.rewardOnEntering(),
                    v.actions().stream()
                            .map(a -> new ActionJson(a.action(), a.attribute(), a.qValue(), CellJson.of(a.next())))
                            .toList(),
                    v.bestAction(),
                    v.greedyPath().stream().map(CellJson::of).toList(),
                    v.pathEnd());
        }
    }

    record ValueJson(String label, long sends, long responses, double conversion) {
        static ValueJson of(ValueStats v) {
            return new ValueJson(v.label(), v.sends(), v.responses(), v.conversion());
        }
    }

    record BreakdownJson(String attribute, List<ValueJson> values) {
        static BreakdownJson of(AttributeBreakdown b) {
            return new BreakdownJson(
                    b.attribute(), b.values().stream().map(ValueJson::of).toList());
        }
    }

    record OverviewJson(
            long datasetId,
            long sends,
            long respondedSends,
            double baseRate,
            List<BreakdownJson> byAttribute,
            List<String> subjects,
            List<String> days,
            List<List<ValueJson>> subjectByDay) {
        static OverviewJson of(DatasetOverview o) {
            var s = o.dataset().summary();
            return new OverviewJson(
                    o.dataset().id(),
                    s.sends(),
                    s.respondedSends(),
                    s.baseRate(),
                    o.byAttribute().stream().map(BreakdownJson::of).toList(),
                    o.subjectByDay().subjects(),
                    o.subjectByDay().days(),
                    o.subjectByDay().cells().stream()
                            .map(row -> row.stream().map(ValueJson::of).toList())
                            .toList());
        }
    }
}
