package org.campaignrl.adapters.web;

import static org.campaignrl.adapters.web.OpenApiSchemas.int64;
import static org.campaignrl.adapters.web.OpenApiSchemas.integer;
import static org.campaignrl.adapters.web.OpenApiSchemas.number;
import static org.campaignrl.adapters.web.OpenApiSchemas.text;
import static org.campaignrl.adapters.web.OpenApiSchemas.textOneOf;
import static org.campaignrl.adapters.web.RecordSchemas.arrayOf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.campaignrl.adapters.users.Role;
import org.campaignrl.application.NothingServedException;
import org.campaignrl.application.model.RetrainingDecision;
import org.campaignrl.application.model.Run;
import org.campaignrl.application.model.SendSplit;
import org.campaignrl.application.port.in.CampaignsUseCase;
import org.campaignrl.application.port.in.EvaluateModelUseCase.EvaluateModelCommand;
import org.campaignrl.application.port.in.JobsUseCase;
import org.campaignrl.application.port.in.RunsUseCase.RecentRunsCommand;
import org.campaignrl.domain.Attribute;

/**
 * The OpenAPI 3.0 document of every JSON endpoint the server registers: the two endpoints the reference
 * service's clients call, {@code /health}, this document, and everything under {@code /api/v1}.
 *
 * <p>Not in it, on purpose: the dashboard's HTML pages, their form posts, the CSV export, the static assets
 * and the Swagger UI at {@code /api/docs}: they are for browsers, not for programs. {@code OpenApiDocumentHttpTest}
 * names them as its one list of exclusions and checks that the document and the registered routes agree both
 * ways; a route added without its operation here fails that test.
 *
 * <p>Answers' schemas are read from the records that write them ({@link RecordSchemas}); request bodies and
 * answers written as maps are in {@link OpenApiSchemas}.
 */
final class OpenApiDocument {
    static final String RESPONSES = "#/components/responses/";
    static final String HEADERS = "#/components/headers/";
    /** The shared error answers, by status; each one's body is an {@code ApiError}. */
    static final Map<Integer, String> ERRORS = Map.ofEntries(
            Map.entry(400, "BadRequest"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "NotFound"),
            Map.entry(409, "Conflict"),
            Map.entry(413, "ContentTooLarge"),
            Map.entry(415, "UnsupportedMediaType"),
            Map.entry(421, "MisdirectedRequest"),
            Map.entry(429, "TooManyRequests"),
            Map.entry(500, "InternalError"),
            Map.entry(503, "NothingServed"));

    private static final String BEARER = "bearerAuth";
    private static final String COMPATIBLE = "compatible";
    private static final String SERVICE = "service";
    private static final String MODELS = "models";
    private static final String DATA = "data";
    private static final String JOBS = "jobs";
    private static final String EXPLORE = "explore";
    private static final String CAMPAIGNS = "campaigns";
    /** What the POSTs without a request body say of one. */
    private static final String NO_BODY = "Takes no body: none, or `{}`; a body with a field answers 400 naming it.";

    private final ObjectMapper mapper;
    private final ObjectNode document;
    private final ObjectNode paths;
    private final RecordSchemas schemas;
    private final Set<Route> documented = EnumSet.noneOf(Route.class);

    private OpenApiDocument(ObjectMapper mapper) {
        this.mapper = mapper;
        this.document = mapper.createObjectNode().put("openapi", "3.0.3");
        info();
        document.putArray("servers").addObject().put("url", "/").put("description", "this server");
        tags();
        this.paths = document.putObject("paths");
        ObjectNode components = document.putObject("components");
        ObjectNode schemaComponents = components.putObject("schemas");
        OpenApiSchemas.addTo(schemaComponents);
        this.schemas = new RecordSchemas(schemaComponents);
        errorResponses(components.putObject("responses"));
        components
                .putObject("securitySchemes")
                .putObject(BEARER)
                .put("type", "http")
                .put("scheme", "bearer")
                .put(
                        "description",
                        "A user's access token (`campaign-rl users add`). Needed only when the server "
                                + "has users; without users it listens on 127.0.0.1 and asks for none.");
        document.putArray("security").addObject().putArray(BEARER);
        headers(components.putObject("headers"));
    }

    static ObjectNode build(ObjectMapper mapper) {
        OpenApiDocument openApi = new OpenApiDocument(mapper);
        openApi.compatible();
        openApi.service();
        openApi.models();
        openApi.data();
        openApi.jobs();
        openApi.explore();
        openApi.campaigns();
        openApi.describeFields();
        openApi.checkEveryApiRouteIsDocumented();
        return openApi.document;
    }

    private void info() {
        document.putObject("info")
                .put("title", "campaign-rl")
                .put("version", "v1")
                .put("description", """
                        Decides which audience, and which day, to send a marketing email to, from a Q-learning \
                        model trained on past campaign logs.

                        A **state** is `[subject_id, day, tenure, domain, age, gender, type]`: the subject line's \
                        id, then one code per attribute (see `NextActionRequest`). Answers that come from a model \
                        name its version in the `X-Model-Version` header.

                        **Errors** all have one shape, `ApiError`: `{"status", "error", "field"?, "message"}`; \
                        `field` names the request field at fault. An unknown path answers 404, a known path with \
                        another method 405, a body over 1 MB 413, all in that shape.

                        **Access**: without users the server listens on 127.0.0.1 and asks for no token. With \
                        users, send `Authorization: Bearer <token>`; a `campaign-manager` reads, plans campaigns and \
                        downloads their send lists, an `ml-engineer` also ingests, trains, activates, rolls back and \
                        deletes, and plans, but never downloads email addresses. No token or an unknown one: 401; \
                        a role that may not: 403; too many unknown tokens from one address, or one token too often: 429.

                        The dashboard for people is at `/`.""");
    }

    private void tags() {
        var tags = document.putArray("tags");
        tags.addObject()
                .put("name", COMPATIBLE)
                .put("description", "The reference service's two endpoints, in " + "the shapes its clients expect.");
        tags.addObject().put("name", EXPLORE).put("description", "States with their Q values, ranked audiences.");
        tags.addObject()
                .put("name", MODELS)
                .put(
                        "description",
                        "The model registry: versions, the active one, "
                                + "comparison, evaluation, scheduled retraining.");
        tags.addObject()
                .put("name", DATA)
                .put("description", "Ingested datasets and the active dataset's " + "conversion by attribute.");
        tags.addObject()
                .put("name", JOBS)
                .put(
                        "description",
                        "Long work in the background: training and "
                                + "ingest. Start one, then poll `GET /api/v1/jobs/{id}` until it has finished. `GET /api/v1/runs` "
                                + "keeps every ingest and training, however started, across restarts.");
        tags.addObject()
                .put("name", CAMPAIGNS)
                .put(
                        "description",
                        "Campaign plans: who to email, when, and who to "
                                + "keep as control; their send lists, and their readouts after the next ingest.");
        tags.addObject().put("name", SERVICE).put("description", "Health, and this document.");
    }

    /** The shared error answers, each with a real example of its body. */
    private static void errorResponses(ObjectNode responses) {
        error(
                responses,
                HttpStatus.BAD_REQUEST,
                "The request is malformed or a value is out of range; `field` " + "names the culprit.",
                "state[3]",
                "Email Domain code 99 is out of range 0..5");
        error(
                responses,
                HttpStatus.UNAUTHORIZED,
                "The server has users and the request has no known token: send " + "`Authorization: Bearer <token>`.",
                "Authorization",
                "the bearer token is not known");
        error(
                responses,
                HttpStatus.FORBIDDEN,
                "The user's role may not do this (changes need `ml-engineer`, send "
                        + "lists a role that may export email addresses), or a browser's change came from another site's page, "
                        + "or a signed-in form lacked its CSRF token.",
                null,
                "ann is a campaign-manager: POST /api/v1/training-jobs needs the ml-engineer role");
        error(
                responses,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many unknown tokens from this address within a minute, or "
                        + "this unknown token tried too often from anywhere; `Retry-After` says when to try again.",
                "Authorization",
                "too many failed tokens from this address, or this token failed too often: try again in 42 s");
        error(
                responses,
                HttpStatus.NOT_FOUND,
                "Nothing has that id, or there is no dataset yet.",
                null,
                "no model with id 99");
        error(
                responses,
                HttpStatus.CONFLICT,
                "Refused in the current state: deleting the active model, rolling " + "back with nothing before.",
                null,
                "model 1 is the active model: activate another one (or roll back) before deleting it");
        error(
                responses,
                HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than 1 MB.",
                "body",
                WebServer.BODY_TOO_LARGE);
        error(
                responses,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "A charset in `Content-Type` that the server does not " + "know.",
                "Content-Type",
                "unknown charset 'bogus' in Content-Type: give a charset such as UTF-8, or none");
        error(
                responses,
                HttpStatus.MISDIRECTED_REQUEST,
                "A `Host` the server does not answer to (a guard against "
                        + "DNS rebinding): loopback names and addresses, `--host`, and the names of `--allowed-hosts`.",
                "Host",
                "this server does not answer to the host 'rebind.example': add it with --allowed-hosts if "
                        + "it is a name of this server");
        error(
                responses,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "A fault of the server's own; its log has the details.",
                null,
                "internal error; the server log has the details");
        error(
                responses,
                HttpStatus.SERVICE_UNAVAILABLE,
                "No model is active yet: ingest logs and train one first.",
                null,
                new NothingServedException().getMessage());
    }

    private static void error(
            ObjectNode responses, HttpStatus status, String description, String field, String message) {
        ObjectNode response = responses.putObject(ERRORS.get(status.getCode())).put("description", description);
        ObjectNode media = response.putObject("content").putObject(OpenApiOperation.JSON);
        media.set("schema", RecordSchemas.ref("ApiError"));
        ObjectNode example =
                media.putObject("example").put("status", status.getCode()).put("error", status.getMessage());
        if (field != null) {
            example.put("field", field);
        }
        example.put("message", message);
    }

    private static void headers(ObjectNode headers) {
        ObjectNode modelVersion =
                headers.putObject("ModelVersion").put("description", "Id of the model version that answered.");
        modelVersion.set("schema", int64());
        ObjectNode location =
                headers.putObject("JobLocation").put("description", "Where to follow the job: `/api/v1/jobs/{id}`.");
        location.set("schema", text());
    }

    // --- the operations, by tag

    private void compatible() {
        operation(
                        Route.CAMPAIGN_AUDIENCE,
                        COMPATIBLE,
                        "getCampaignAudience",
                        "The audience to send a subject line to, as the reference service answered it")
                .description("Follows the active model's greedy policy from `[subjectId, 0, 0, 0, 0, 0, 0]` until a "
                        + "goal, a repeated state or the step limit; each step's audience with its historical "
                        + "conversion.")
                .queryParameter("subjectId", true, "Id of the subject line, e.g. 2.", integer())
                .answers(
                        200,
                        "The greedy rollout's audiences.",
                        schemas.ref(CompatibleApi.CampaignAudienceView.class),
                        example("""
                                {"campaign-audience": {"Email Subject": "Email Subject 2", "Audience Permutations": [
                                  {"audience-profile": {"Age Group": "< 20", "Customer Type": "Business",
                                    "Day of Week": "Monday", "Email Domain": "gmail.com", "Gender": "Female",
                                    "Tenure Group": "< 5"}, "expected-conversions": 0.41}]}}"""))
                .withModelVersionHeader()
                .errors(400, 404, 503);
        operation(
                        Route.CAMPAIGN_AUDIENCE_BY_POST,
                        COMPATIBLE,
                        "postCampaignAudience",
                        "The same as GET, for clients that POST; the subject is still read from the query string")
                .queryParameter("subjectId", true, "Id of the subject line, e.g. 2.", integer())
                .answers(200, "The greedy rollout's audiences.", schemas.ref(CompatibleApi.CampaignAudienceView.class))
                .withModelVersionHeader()
                .errors(400, 404, 503);
        operation(Route.NEXT_ACTION, COMPATIBLE, "getNextAction", "The best action after applying an action to a state")
                .description("Applies `action` to `state`, then answers the greedy action (argmax Q, ties to the "
                        + "lowest) of the state reached.")
                .jsonBody(
                        true,
                        "A state and the action to apply to it.",
                        RecordSchemas.ref("NextActionRequest"),
                        example("{\"state\": [2, 4, 3, 1, 0, 0, 0], \"action\": 2}"))
                .answers(
                        200,
                        "The action to take next.",
                        schemas.ref(CompatibleApi.NextActionView.class),
                        example("{\"next_action\": 4}"))
                .withModelVersionHeader()
                .errors(400, 413, 503);
    }

    private void service() {
        operation(Route.HEALTH, SERVICE, "getHealth", "Whether the server is up and serving a model")
                .answers(200, "Up; `serving` tells whether a model is active.", RecordSchemas.ref("Health"));
        operation(Route.METRICS, SERVICE, "getMetrics", "Prometheus metrics")
                .description("Requests by method, route and status with latency histograms "
                        + "(`http_server_requests_seconds`), ingests and trainings by outcome with their durations "
                        + "(`campaignrl_ingests_seconds`, `campaignrl_trainings_seconds`) and the rows of stored "
                        + "ingests (`campaignrl_ingest_rows_total`, by `result`), the served model's version and "
                        + "quality figures (`campaignrl_served_model_version`, `campaignrl_served_model_figure`), "
                        + "background jobs queued and running (`campaignrl_jobs`), the database's connections "
                        + "(`campaignrl_db_connections_active`, `_max`), and the JVM's; any signed-in role.")
                .answersText(200, "Prometheus's text exposition format.", WebServer.PROMETHEUS_TEXT);
        operation(Route.OPENAPI_DOCUMENT, SERVICE, "getOpenApiDocument", "This document")
                .answers(
                        200,
                        "The OpenAPI 3 document; a browsable view is at `/api/docs`.",
                        OpenApiSchemas.object().put("additionalProperties", true));
    }

    private void models() {
        operation(Route.MODELS, MODELS, "listModels", "Every model version, with settings and quality figures")
                .answers(
                        200,
                        "The model versions; `active` marks the one served.",
                        arrayOf(schemas.ref(ModelsApi.ModelJson.class)));
        operation(Route.MODEL, MODELS, "getModel", "One model version, with its learning curve")
                .pathParameter("id", "Model id.", int64(), 1)
                .answers(200, "The model.", schemas.ref(ModelsApi.ModelDetailJson.class))
                .errors(400, 404);
        operation(
                        Route.COMPARE_MODELS,
                        MODELS,
                        "compareModels",
                        "Compare two models: states whose greedy action changes, figures side by side")
                .queryParameter("a", true, "The first model's id.", int64())
                .queryParameter("b", true, "The second model's id.", int64())
                .answers(200, "The comparison.", schemas.ref(ModelsApi.ComparisonJson.class))
                .errors(400, 404);
        operation(Route.ACTIVATE_MODEL, MODELS, "activateModel", "Serve this model from now on")
                .description(NO_BODY)
                .pathParameter("id", "Model id.", int64(), 1)
                .answers(200, "The model now served.", schemas.ref(ModelsApi.ModelJson.class))
                .withModelVersionHeader()
                .errors(400, 404);
        operation(Route.ROLL_BACK_MODEL, MODELS, "rollBackModel", "Serve again the model active before this one")
                .description(NO_BODY)
                .answers(200, "The model now served.", schemas.ref(ModelsApi.ModelJson.class))
                .withModelVersionHeader()
                .errors(400, 409);
        operation(Route.DELETE_MODEL, MODELS, "deleteModel", "Delete a model version (never the active one)")
                .pathParameter("id", "Model id.", int64(), 1)
                .answers(204, "Deleted.", null)
                .errors(400, 404, 409);
        operation(
                        Route.EVALUATE_MODEL,
                        MODELS,
                        "evaluateModel",
                        "Measure a model: policy quality, folds, held-out lift")
                .description("The same object as the CLI's `evaluate --json`. Computed on each call: it can take "
                        + "seconds on a large dataset.")
                .pathParameter("id", "Model id.", int64(), 1)
                .queryParameter(
                        "method",
                        false,
                        "Ranking of audiences measured on held-out sends.",
                        textOneOf(AudienceFinder.methods())
                                .put("default", evaluationDefaults().method().name()))
                .queryParameter(
                        "top",
                        false,
                        "How many top audiences are measured.",
                        integer().put("default", evaluationDefaults().topN()))
                .queryParameter(
                        "minSends",
                        false,
                        "Sends an audience needs to be ranked.",
                        int64().put("default", evaluationDefaults().minSends()))
                .queryParameter(
                        "confidence",
                        false,
                        "Confidence level of the intervals, within (0, 1).",
                        number().put("default", evaluationDefaults().confidence()))
                .queryParameter(
                        "bootstrap",
                        false,
                        "Bootstrap draws for the intervals.",
                        integer().put("default", evaluationDefaults().bootstrapSamples()))
                .queryParameter(
                        "seed",
                        false,
                        "Random seed.",
                        int64().put("default", evaluationDefaults().seed()))
                .answers(200, "The evaluation.", RecordSchemas.ref("Evaluation"))
                .errors(400, 404);
        operation(Route.RETRAINING, MODELS, "getRetraining", "The retraining schedule, its last run and its decisions")
                .description("`schedule` is null unless the server runs with `serve --retrain-every`.")
                .answers(200, "The schedule and decisions.", schemas.ref(ModelsApi.RetrainingJson.class));
    }

    private static EvaluateModelCommand evaluationDefaults() {
        return EvaluateModelCommand.defaults(Optional.empty());
    }

    private void data() {
        operation(Route.DATASETS, DATA, "listDatasets", "Every ingested dataset version")
                .answers(200, "The datasets.", arrayOf(schemas.ref(ModelsApi.DatasetJson.class)));
        operation(
                        Route.DATASET,
                        DATA,
                        "getDataset",
                        "One dataset: ingest summary, input files with checksums, models trained on it")
                .pathParameter("id", "Dataset id.", int64(), 1)
                .answers(200, "The dataset.", schemas.ref(ModelsApi.DatasetJson.class))
                .errors(400, 404);
        operation(
                        Route.DATASET_OVERVIEW,
                        DATA,
                        "getDatasetOverview",
                        "The active dataset's conversion by attribute, and subject × day of week")
                .answers(200, "The overview.", schemas.ref(DashboardApi.OverviewJson.class))
                .errors(404);
        operation(
                        Route.REJECTED_ROWS,
                        DATA,
                        "listRejectedRows",
                        "The rows an ingest rejected, with file, line, field and reason")
                .queryParameter("datasetId", false, "Dataset whose ingest is shown; the latest when left out.", int64())
                .queryParameter(
                        "limit",
                        false,
                        "How many of the first rejected rows, within 1..10000.",
                        integer().put("default", 100).put("minimum", 1).put("maximum", 10_000))
                .answers(
                        200,
                        "The first rejected rows, and how many there were in all.",
                        schemas.ref(DashboardApi.RejectedRowsJson.class))
                .errors(400, 404);
    }

    private void jobs() {
        operation(Route.RUNS, JOBS, "listRuns", "The recent ingests and trainings, however started and however ended")
                .description("Every ingest and training is recorded, whether the CLI, a job or scheduled retraining "
                        + "started it, with the process that ran it. One whose process died (killed, crashed) is "
                        + "failed with `" + Run.INTERRUPTED + "` when storage is next opened; one that a stopping "
                        + "server abandoned says `abandoned: the server was stopped`. Either way nothing of it was "
                        + "stored.")
                .queryParameter(
                        "limit",
                        false,
                        "How many, newest first.",
                        integer()
                                .put("default", RecentRunsCommand.DEFAULT_LIMIT)
                                .put("minimum", 1)
                                .put("maximum", RecentRunsCommand.MAX_LIMIT))
                .answers(200, "The runs, newest first.", arrayOf(schemas.ref(RunsApi.RunJson.class)))
                .errors(400);
        operation(Route.JOBS, JOBS, "listJobs", "Every background job since the server started")
                .answers(200, "The jobs.", arrayOf(schemas.ref(JobJson.class)));
        operation(Route.JOB, JOBS, "getJob", "One job and its progress")
                .pathParameter("id", "Job id.", int64(), 1)
                .answers(200, "The job.", schemas.ref(JobJson.class))
                .errors(400, 404);
        operation(Route.CANCEL_JOB, JOBS, "cancelJob", "Cancel a job")
                .description("A queued job never starts; a running one stops at its next progress report (an "
                        + "ingest every few megabytes, a training every hundredth of its episodes), storing nothing, "
                        + "so the dataset and model served before go on serving; its run is recorded as CANCELLED, "
                        + "\"cancelled: …\". A job already storing its result, or finished, is not changed. Follow "
                        + "it at `Location` until its state is `CANCELLED` (or what it ended as). " + NO_BODY)
                .pathParameter("id", "Job id.", int64(), 1)
                .answers(202, "Asked to stop; the job as it is now.", schemas.ref(JobJson.class))
                .withJobLocationHeader()
                .errors(400, 404);
        operation(Route.START_TRAINING, JOBS, "startTraining", "Train a new model in the background")
                .jsonBody(
                        false,
                        "Settings; an empty body trains with the defaults.",
                        RecordSchemas.ref("TrainingJobRequest"),
                        example("{\"episodes\": 20000, \"seed\": 7}"))
                .answers(202, "Started; follow it at `Location`.", schemas.ref(JobJson.class))
                .withJobLocationHeader()
                .errors(400, 413);
        operation(Route.START_INGEST, JOBS, "startIngest", "Ingest campaign logs from a folder on the server")
                .jsonBody(
                        true,
                        "The folder, and optionally how to hold sends out.",
                        RecordSchemas.ref("IngestJobRequest"),
                        example("{\"dataDir\": \"/srv/campaign-logs\"}"))
                .answers(202, "Started; follow it at `Location`.", schemas.ref(JobJson.class))
                .withJobLocationHeader()
                .errors(400, 413);
    }

    private void explore() {
        operation(
                        Route.STATE,
                        EXPLORE,
                        "getState",
                        "A state: its cell, the Q value of each action, the greedy path from it")
                .pathParameter(
                        "state",
                        "The seven codes separated by commas, as in `/get-next-action`.",
                        text().put("pattern", "^-?\\d+(,-?\\d+){6}$"),
                        "2,4,3,1,0,0,0")
                .answers(200, "The state under the active model.", schemas.ref(DashboardApi.StateJson.class))
                .withModelVersionHeader()
                .errors(400, 503);
        OpenApiOperation audiences = operation(
                        Route.AUDIENCES,
                        EXPLORE,
                        "rankAudiences",
                        "Audiences for a subject line, ranked by a conservative estimate of their conversion")
                .description("Cells (every attribute fixed) and segments (a few fixed, the rest any) of the active "
                        + "dataset, with conversion intervals and expected responses; the dashboard's audience "
                        + "finder and its CSV export read the same parameters.")
                .queryParameter("subjectId", false, "Subject line; the first one when left out.", integer())
                .queryParameter(
                        "method",
                        false,
                        "Ranking.",
                        textOneOf(AudienceFinder.methods()).put("default", AudienceFinder.DEFAULT_METHOD.name()))
                .queryParameter(
                        "minSends",
                        false,
                        "Sends an audience needs.",
                        int64().put("default", AudienceFinder.DEFAULT_MIN_SENDS))
                .queryParameter(
                        "confidence",
                        false,
                        "Confidence level of the intervals.",
                        number().put("default", AudienceFinder.DEFAULT_CONFIDENCE))
                .queryParameter(
                        "limit",
                        false,
                        "How many cells and segments.",
                        integer().put("default", AudienceFinder.DEFAULT_LIMIT))
                .queryParameter(
                        "emails",
                        false,
                        "Emails to send, for the expected responses.",
                        int64().put("default", AudienceFinder.DEFAULT_EMAILS))
                .queryParameter(
                        "maxFixed",
                        false,
                        "Most attributes a segment fixes.",
                        integer().put("default", AudienceFinder.DEFAULT_MAX_FIXED));
        for (int slot = 1; slot < Attribute.COUNT; slot++) {
            audiences.queryParameter(
                    ExplorerView.PARAMETERS.get(slot),
                    false,
                    "Keep only audiences whose "
                            + Attribute.atPosition(slot).displayName().toLowerCase(Locale.ROOT)
                            + " has this code (as in a "
                            + "state); `any` or left out: any.",
                    text().put("example", "any"));
        }
        audiences
                .answers(200, "The ranking.", schemas.ref(AudienceFinder.AudiencesJson.class))
                .errors(400, 404);
    }

    private void campaigns() {
        String plan = "{\"subjectId\": 2, \"budget\": 500, \"controlShare\": 0.1, \"startDate\": \"2026-12-07\"}";
        operation(Route.CAMPAIGNS, CAMPAIGNS, "listCampaigns", "Every campaign plan, newest first")
                .answers(200, "The plans.", arrayOf(schemas.ref(CampaignsApi.PlanJson.class)));
        operation(Route.PLAN_CAMPAIGN, CAMPAIGNS, "planCampaign", "Plan a campaign and store it")
                .description("Ranks the served dataset's audiences for the subject line, fills the budget from the "
                        + "best down with their real customers (each at most once), spends the exploration share on "
                        + "uncertain audiences and draws the control group at random; stores the plan with its "
                        + "customers. Every signed-in role may plan. A budget beyond the eligible customers, an "
                        + "unknown subject, a share out of range or a control share of 1 answer 400 naming the field.")
                .jsonBody(true, "What to plan.", RecordSchemas.ref("CampaignPlanRequest"), example(plan))
                .answers(201, "Stored; `Location` is the plan.", schemas.ref(CampaignsApi.PlanJson.class))
                .errors(400, 404, 413);
        operation(Route.PREVIEW_CAMPAIGN, CAMPAIGNS, "previewCampaign", "What a plan would expect, without storing it")
                .description("The same as planning, stored nowhere (`id` 0): the plan form's live figures.")
                .jsonBody(true, "What to plan.", RecordSchemas.ref("CampaignPlanRequest"), example(plan))
                .answers(200, "The plan's figures.", schemas.ref(CampaignsApi.PlanJson.class))
                .errors(400, 404, 413);
        operation(Route.CAMPAIGN, CAMPAIGNS, "getCampaign", "One plan and its newest readout")
                .description("`readout` is null until an ingest after the plan read it out; then it has each group's "
                        + "conversion with 95 % intervals, the lift over control and the incremental responses with "
                        + "intervals, and predicted against observed (`calibration`), or says that none of the "
                        + "plan's sends appeared (`sendsFound` false).")
                .pathParameter("id", "Plan id.", int64(), 1)
                .answers(200, "The plan.", schemas.ref(CampaignsApi.CampaignJson.class))
                .errors(400, 404);
        operation(Route.SEND_LIST, CAMPAIGNS, "getSendList", "The plan's send list, with email addresses, as CSV")
                .description("Streamed, ascending customer id: `" + CampaignsUseCase.SEND_LIST_HEADER
                        + "`; groups `target`, `explore`, `control` (a control "
                        + "that gets nothing is not on it). Email addresses are personal data: only roles that may "
                        + "export them (" + Role.exportingRoles() + ") may download it; "
                        + "any other role is refused with 403.")
                .pathParameter("id", "Plan id.", int64(), 1)
                .answersText(200, "The send list.", "text/csv")
                .errors(400, 404);
    }

    /** What a field's name alone does not tell. */
    private void describeFields() {
        schemas.oneOf(JobJson.class, "kind", JobsUseCase.Kind.class)
                .oneOf(JobJson.class, "state", JobsUseCase.State.class)
                .oneOf(ModelsApi.DecisionJson.class, "outcome", RetrainingDecision.Outcome.class)
                .oneOf(ModelsApi.SplitJson.class, "kind", SendSplit.Kind.class)
                .describe(
                        ModelsApi.FileJson.class,
                        "readAs",
                        "The encoding and delimiter the file was read with and "
                                + "how each was chosen, or \"not recorded\" for datasets ingested before this was stored.")
                .describe(JobJson.class, "stage", "What it is doing now.")
                .describe(JobJson.class, "fraction", "Progress within 0..1.")
                .describe(JobJson.class, "finished", "Null until the job has finished.")
                .describe(JobJson.class, "resultId", "The dataset or model it made; 0 until it succeeded.")
                .describe(JobJson.class, "outcome", "What happened, once finished.")
                .oneOf(RunsApi.RunJson.class, "kind", Run.Kind.class)
                .oneOf(RunsApi.RunJson.class, "status", Run.Status.class)
                .describe(
                        RunsApi.RunJson.class,
                        "subject",
                        "What it worked on: the logs' folder, or the dataset " + "and settings of a training.")
                .describe(RunsApi.RunJson.class, "host", "The host of the process that ran it.")
                .describe(RunsApi.RunJson.class, "pid", "The id of the process that ran it, on that host.")
                .describe(RunsApi.RunJson.class, "finishedAt", "Null while it runs.")
                .describe(RunsApi.RunJson.class, "resultId", "The dataset or model it made; null unless it succeeded.")
                .describe(RunsApi.RunJson.class, "message", "What it made, or why it failed; empty while it runs.")
                .describe(ModelsApi.ModelJson.class, "active", "Whether this is the model served.")
                .describe(
                        ModelsApi.ModelJson.class,
                        "metrics",
                        "Quality figures by name: `success_rate`, " + "`mean_abs_q_error`, `held_out_lift`, …")
                .describe(ModelsApi.TrainingJson.class, "goalRate", "Share of training episodes that reached a goal.")
                .describe(
                        DashboardApi.StateJson.class,
                        "bestAction",
                        "The greedy action: argmax Q, ties to the " + "lowest.")
                .describe(DashboardApi.StateJson.class, "pathEnd", "Why the greedy path stops.")
                .describe(
                        ModelsApi.DatasetJson.class,
                        "models",
                        "Ids of the models trained on it; only when " + "showing one dataset.")
                .describe(ModelsApi.DecisionJson.class, "id", "0 for a run that found nothing new (not recorded).")
                .describe(CampaignsApi.PlanJson.class, "id", "0 for a preview, which is not stored.")
                .describe(
                        CampaignsApi.PlanJson.class,
                        "modelId",
                        "The model served when it was planned; null when " + "none was.")
                .describe(
                        CampaignsApi.FiguresJson.class,
                        "eligible",
                        "Customers of the dataset with a profile the " + "plan could choose.")
                .describe(
                        CampaignsApi.FiguresJson.class,
                        "chosen",
                        "Target and explore together: the emails the " + "ranking chose.")
                .describe(
                        CampaignsApi.ExpectationJson.class,
                        "expected",
                        "Expected responses, with the interval "
                                + "`lower`..`upper` (posterior uncertainty and the sends' own noise), within 0..customers.")
                .describe(CampaignsApi.ReadoutJson.class, "message", "What the readout says, in words.")
                .describe(
                        CampaignsApi.GroupJson.class,
                        "group",
                        "`target`, `explore` or `control`, as the send " + "list writes it.")
                .describe(
                        CampaignsApi.GroupJson.class,
                        "sent",
                        "Customers whose send appeared in the logs (for a " + "control that got nothing: all of them).")
                .describe(
                        CampaignsApi.LiftJson.class,
                        "absolute",
                        "Target's conversion minus control's, with its " + "95 % interval.")
                .describe(
                        CampaignsApi.LiftJson.class,
                        "incremental",
                        "Responses the targeting added over control, " + "with its interval.");
        schemas.component(ModelsApi.StatesJson.class)
                .put(
                        "description",
                        "How many states both models know, in "
                                + "how many b's greedy action differs from a's, and which action b takes there.");
    }

    // --- plumbing

    /** The operation of a route that answers programs; who may call it is said from its access rule. */
    private OpenApiOperation operation(Route route, String tag, String operationId, String summary) {
        if (!route.access().api()) {
            throw new IllegalStateException(route + " is a page: it is not in the document");
        }
        if (!documented.add(route)) {
            throw new IllegalStateException(route + " is documented twice");
        }
        String path = route.path();
        ObjectNode pathItem = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        return new OpenApiOperation(
                pathItem.putObject(route.method().name().toLowerCase(Locale.ROOT)),
                tag,
                operationId,
                summary,
                route.access());
    }

    /** Every route that answers programs has its operation. */
    private void checkEveryApiRouteIsDocumented() {
        List<Route> missing = Arrays.stream(Route.values())
                .filter(route -> route.access().api() && !documented.contains(route))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("routes of the API without their operation in the document: " + missing);
        }
    }

    private JsonNode example(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an example in the OpenAPI document is not JSON: " + json, e);
        }
    }
}
