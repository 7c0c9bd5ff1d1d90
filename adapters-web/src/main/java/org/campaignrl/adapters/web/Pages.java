package org.campaignrl.adapters.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.ConflictException;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.NothingServedException;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.model.ModelSummary;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.in.DatasetOverviewUseCase.DatasetOverview;
import org.campaignrl.application.port.in.EvaluateModelUseCase.EvaluateModelCommand;
import org.campaignrl.application.port.in.ExploreStateUseCase.ExploreStateCommand;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.application.port.in.JobsUseCase;
import org.campaignrl.application.port.in.JobsUseCase.JobView;
import org.campaignrl.application.port.in.ManageModelsUseCase.ActivateModelCommand;
import org.campaignrl.application.port.in.ManageModelsUseCase.DeleteModelCommand;
import org.campaignrl.application.port.in.ModelRegistryUseCase.CompareModelsCommand;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ModelComparison;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ModelDetails;
import org.campaignrl.application.port.in.ModelRegistryUseCase.ShowModelCommand;
import org.campaignrl.application.port.in.RejectedRowsUseCase.RejectedRows;
import org.campaignrl.application.port.in.RejectedRowsUseCase.RejectedRowsCommand;
import org.campaignrl.application.port.in.ServingStatusUseCase.DatasetSummary;
import org.campaignrl.application.port.in.ServingStatusUseCase.ServingStatus;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.domain.Attribute;

/** The dashboard's server-rendered pages and the forms they post. Forms start jobs and redirect to watch them. */
final class Pages {
    private final CampaignRl app;
    private final TemplateEngine templates;
    private final WebSettings settings;
    private final Uploads uploads;

    Pages(CampaignRl app, TemplateEngine templates, WebSettings settings) {
        this.app = app;
        this.templates = templates;
        this.settings = settings;
        this.uploads = new Uploads(settings.uploadsFolder());
    }

    void register(RoutesConfig routes) {
        Route.OVERVIEW_PAGE.register(routes, this::overview);
        Route.EXPLORER_PAGE.register(routes, this::explorer);
        Route.MODELS_PAGE.register(routes, ctx -> models(ctx, null));
        Route.TRAIN_FORM.register(routes, this::train);
        Route.ROLL_BACK_FORM.register(routes, this::rollback);
        Route.ACTIVATE_FORM.register(routes, this::activate);
        Route.DELETE_FORM.register(routes, this::delete);
        Route.EVALUATION_PAGE.register(routes, this::evaluation);
        Route.DATA_PAGE.register(routes, ctx -> data(ctx, null));
        Route.INGEST_FORM.register(routes, this::ingestFolder);
        Route.UPLOAD_FORM.register(routes, this::upload);
        Route.CANCEL_JOB_FORM.register(routes, this::cancelJob);
    }

    private void overview(Context ctx) {
        DatasetOverview overview;
        try {
            overview = app.datasetOverview().overview();
        } catch (NotFoundException noDataset) {
            overview = null;
        }
        render(ctx, "overview.jte", OverviewView.of(app.servingStatus().status(), overview));
    }

    private void explorer(Context ctx) {
        ServingStatus status = app.servingStatus().status();
        Optional<DatasetSummary> dataset = status.activeDataset();
        if (dataset.isEmpty()) {
            render(
                    ctx,
                    "explorer.jte",
                    ExplorerView.problem(List.of(), List.of(), null, new NothingServedException().getMessage()));
            return;
        }
        List<Integer> subjects = dataset.get().subjectIds();
        List<String> domains = dataset.get().domains();
        int[] state = new int[Attribute.COUNT];
        state[0] = subjects.get(0);
        try {
            Fields fields = new Fields(ctx::queryParam);
            for (int slot = 0; slot < Attribute.COUNT; slot++) {
                String name = ExplorerView.PARAMETERS.get(slot);
                if (fields.text(name) != null) {
                    state[slot] = fields.requiredInt(name);
                }
            }
            render(
                    ctx,
                    "explorer.jte",
                    ExplorerView.of(app.exploreState().explore(new ExploreStateCommand(state)), subjects, domains));
        } catch (InvalidCommandException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, "explorer.jte", ExplorerView.problem(subjects, domains, state, e.field() + ": " + e.problem()));
        }
    }

    private void models(Context ctx, String problem) {
        List<ModelSummary> models = app.modelRegistry().models();
        ModelComparison comparison = null;
        String a = ctx.queryParam("a");
        String b = ctx.queryParam("b");
        if (problem == null && a != null && b != null) {
            try {
                Fields query = new Fields(ctx::queryParam);
                comparison = app.modelRegistry()
                        .compare(new CompareModelsCommand(query.requiredLong("a"), query.requiredLong("b")));
            } catch (InvalidCommandException e) {
                ctx.status(HttpStatus.BAD_REQUEST);
                problem = e.field() + ": " + e.problem();
            } catch (NotFoundException e) {
                ctx.status(HttpStatus.NOT_FOUND);
                problem = e.getMessage();
            }
        }
        ModelDetails active = models.stream()
                .filter(ModelSummary::active)
                .findFirst()
                .map(m -> app.modelRegistry().model(new ShowModelCommand(m.id())))
                .orElse(null);
        render(
                ctx,
                "models.jte",
                ModelsPageView.of(
                        models,
                        watchedJob(ctx),
                        comparison,
                        active,
                        app.retraining().status(),
                        problem,
                        ctx.queryParam("done")));
    }

    private void evaluation(Context ctx) {
        try {
            Fields query = new Fields(ctx::queryParam);
            Optional<Long> model =
                    query.text("model") == null ? Optional.empty() : Optional.of(query.requiredLong("model"));
            render(
                    ctx,
                    "evaluation.jte",
                    EvaluationView.of(app.evaluateModel().evaluate(EvaluateModelCommand.defaults(model))));
        } catch (InvalidCommandException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, "evaluation.jte", EvaluationView.problem(e.field() + ": " + e.problem()));
        } catch (NotFoundException | NothingServedException e) {
            ctx.status(e instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.OK);
            render(ctx, "evaluation.jte", EvaluationView.problem(e.getMessage()));
        }
    }

    private void activate(Context ctx) {
        long id = DashboardApi.pathId(ctx, "id");
        afterChange(
                ctx,
                () -> "model "
                        + app.manageModels()
                                .activate(new ActivateModelCommand(id))
                                .id() + " is active");
    }

    private void rollback(Context ctx) {
        afterChange(
                ctx, () -> "rolled back: model " + app.manageModels().rollback().id() + " is active");
    }

    private void delete(Context ctx) {
        long id = DashboardApi.pathId(ctx, "id");
        afterChange(ctx, () -> {
            app.manageModels().delete(new DeleteModelCommand(id));
            return "model " + id + " deleted";
        });
    }

    /** Post, then redirect, so that a reload does not repeat the change; a refused change shows why. */
    private void afterChange(Context ctx, java.util.function.Supplier<String> change) {
        try {
            String done = change.get();
            ctx.redirect(
                    "/models?done=" + java.net.URLEncoder.encode(done, java.nio.charset.StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
        } catch (ConflictException e) {
            ctx.status(HttpStatus.CONFLICT);
            models(ctx, e.getMessage());
        } catch (NotFoundException e) {
            ctx.status(HttpStatus.NOT_FOUND);
            models(ctx, e.getMessage());
        }
    }

    /** Back to the page that shows the job, where it ends as cancelled. */
    private void cancelJob(Context ctx) {
        JobView job = DashboardApi.cancel(app, DashboardApi.pathId(ctx, "id"));
        ctx.redirect(
                (job.kind() == JobsUseCase.Kind.INGEST ? "/data" : "/models") + "?job=" + job.id(),
                HttpStatus.SEE_OTHER);
    }

    private void train(Context ctx) {
        Fields form = new Fields(ctx::formParam);
        try {
            TrainModelCommand command = TrainingRequest.fromForm(form);
            JobView job = app.jobs().startTraining(command.withStartedBy(AccessControl.startedBy(ctx, "dashboard")));
            ctx.redirect("/models?job=" + job.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidCommandException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            models(ctx, e.field() + ": " + e.problem());
        }
    }

    private void data(Context ctx, String problem) {
        DatasetSummary latest = app.servingStatus().status().latestDataset().orElse(null);
        RejectedRows rejected = latest == null
                ? null
                : app.rejectedRows().rejectedRows(new RejectedRowsCommand(Optional.of(latest.id()), 100));
        render(
                ctx,
                "data.jte",
                DataPageView.of(latest, watchedJob(ctx), settings.suggestedDataFolder(), problem, rejected));
    }

    private void ingestFolder(Context ctx) {
        Fields form = new Fields(ctx::formParam);
        try {
            Path folder = Path.of(form.requiredText("dataDir"));
            if (!Files.isDirectory(folder)) {
                throw new InvalidCommandException("dataDir", "no such folder on the server: " + folder);
            }
            JobView job = app.jobs()
                    .startIngest(IngestLogsCommand.inFolder(folder)
                            .withSplit(split(form))
                            .withFormat(format(form)));
            ctx.redirect("/data?job=" + job.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidCommandException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            data(ctx, e.field() + ": " + e.problem());
        }
    }

    /** The three files go to a fresh folder under the uploads folder, outside anything served. */
    private void upload(Context ctx) throws Exception {
        try {
            String[][] parts = {
                {"sent", "sent_emails.csv"}, {"responded", "responded.csv"}, {"userbase", "userbase.csv"}
            };
            // All three checked (and the body parsed, within the upload limit) before anything is written.
            UploadedFile[] files = new UploadedFile[parts.length];
            for (int i = 0; i < parts.length; i++) {
                files[i] = ctx.uploadedFile(parts[i][0]);
                if (files[i] == null || files[i].size() == 0) {
                    throw new InvalidCommandException(parts[i][0], "a non-empty " + parts[i][1] + " is required");
                }
            }
            CsvFormat format = format(new Fields(ctx::formParam)); // checked before anything is written
            Path folder = uploads.newFolder();
            try {
                for (int i = 0; i < parts.length; i++) {
                    try (InputStream content = files[i].content()) {
                        Files.copy(content, folder.resolve(parts[i][1]), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException | RuntimeException e) {
                uploads.removeLogs(folder);
                throw e;
            }
            JobView job = app.jobs()
                    .startIngest(
                            IngestLogsCommand.inFolder(folder).withFormat(format), () -> uploads.removeLogs(folder));
            ctx.redirect("/data?job=" + job.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidCommandException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            data(ctx, e.field() + ": " + e.problem());
        } catch (Exception e) {
            MultipartRefusal.Refusal refusal = MultipartRefusal.of(e).orElseThrow(() -> e);
            ctx.status(refusal.status());
            data(ctx, refusal.message());
        }
    }

    /** Removes the uploaded logs a killed process left (see {@link Uploads}); how many uploads had some. */
    int removeLeftoverUploads() {
        return uploads.removeLeftovers();
    }

    /**
     * The optional {@code encoding} and {@code delimiter} fields (left out, blank or "auto": detected in each
     * file) and {@code maxLineBytes} (left out or blank: {@link CsvFormat#DEFAULT_MAX_LINE_BYTES}).
     */
    static CsvFormat format(Fields form) {
        CsvFormat format = CsvFormat.of(form.text("encoding"), form.text("delimiter"));
        return form.text("maxLineBytes") == null ? format : format.withMaxLineBytes(form.requiredInt("maxLineBytes"));
    }

    static SendSplit split(Fields form) {
        String from = form.text("holdoutFrom");
        Double share = form.optionalDouble("holdoutShare");
        if (from != null && share != null) {
            throw new InvalidCommandException("holdoutShare", "give a held-out date or a share, not both");
        }
        if (from != null) {
            try {
                return SendSplit.byDate(LocalDate.parse(from));
            } catch (DateTimeParseException e) {
                throw new InvalidCommandException("holdoutFrom", "must be a date yyyy-MM-dd, was '" + from + "'");
            }
        }
        if (share != null) {
            if (!(share > 0 && share < 1)) {
                throw new InvalidCommandException("holdoutShare", "must be within (0, 1), was " + share);
            }
            String seed = form.text("holdoutSeed");
            return SendSplit.randomPairs(share, seed == null ? 42 : form.requiredLong("holdoutSeed"));
        }
        return SendSplit.NONE;
    }

    private JobView watchedJob(Context ctx) {
        String id = ctx.queryParam("job");
        if (id == null) {
            return null;
        }
        try {
            return app.jobs().job(Long.parseLong(id)).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    void render(Context ctx, String template, Object view) {
        StringOutput html = new StringOutput();
        templates.render(template, Map.of("view", view, "viewer", AccessControl.viewer(ctx)), html);
        ctx.html(html.toString());
    }

    static int[] parseState(String text) {
        try {
            return Arrays.stream(text.split(",", -1))
                    .map(String::trim)
                    .mapToInt(Integer::parseInt)
                    .toArray();
        } catch (NumberFormatException e) {
            throw new InvalidCommandException("state", "must be 7 integers separated by commas, was '" + text + "'");
        }
    }
}
