package org.campaignrl.adapters.web;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static org.campaignrl.adapters.web.Access.API_CHANGE;
import static org.campaignrl.adapters.web.Access.API_EXPORT;
import static org.campaignrl.adapters.web.Access.API_OPEN;
import static org.campaignrl.adapters.web.Access.API_PLAN;
import static org.campaignrl.adapters.web.Access.API_READ;
import static org.campaignrl.adapters.web.Access.PAGE_CHANGE;
import static org.campaignrl.adapters.web.Access.PAGE_OPEN;
import static org.campaignrl.adapters.web.Access.PAGE_OPEN_CHANGE;
import static org.campaignrl.adapters.web.Access.PAGE_OWN_SESSION;
import static org.campaignrl.adapters.web.Access.PAGE_PLAN;
import static org.campaignrl.adapters.web.Access.PAGE_READ;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * Every HTTP route the server has, declared once: its method, its path and who may call it. Handlers are
 * registered through {@link #register}, which hands the access rule to Javalin as the route's role; the access
 * check reads it from there, and the OpenAPI document has one operation for each route that answers programs
 * ({@link Access#api()}) and derives its security from the rule. Static files are served without routes.
 */
enum Route {
    // The reference service's two endpoints.
    NEXT_ACTION(POST, "/get-next-action", API_READ),
    CAMPAIGN_AUDIENCE(GET, "/campaign-audience", API_READ),
    CAMPAIGN_AUDIENCE_BY_POST(POST, "/campaign-audience", API_READ),

    HEALTH(GET, "/health", API_OPEN),
    OPENAPI_DOCUMENT(GET, "/api/openapi.json", API_READ),
    /** The Swagger UI: a page, for people. */
    API_DOCS(GET, "/api/docs", PAGE_READ),

    MODELS(GET, Prefix.V1 + "/models", API_READ),
    COMPARE_MODELS(GET, Prefix.V1 + "/models/compare", API_READ),
    MODEL(GET, Prefix.V1 + "/models/{id}", API_READ),
    ACTIVATE_MODEL(POST, Prefix.V1 + "/models/{id}/activate", API_CHANGE),
    ROLL_BACK_MODEL(POST, Prefix.V1 + "/models/rollback", API_CHANGE),
    DELETE_MODEL(DELETE, Prefix.V1 + "/models/{id}", API_CHANGE),
    EVALUATE_MODEL(GET, Prefix.V1 + "/models/{id}/evaluation", API_READ),
    RETRAINING(GET, Prefix.V1 + "/retraining", API_READ),
    DATASETS(GET, Prefix.V1 + "/datasets", API_READ),
    DATASET(GET, Prefix.V1 + "/datasets/{id}", API_READ),
    DATASET_OVERVIEW(GET, Prefix.V1 + "/dataset/overview", API_READ),
    REJECTED_ROWS(GET, Prefix.V1 + "/rejected-rows", API_READ),
    RUNS(GET, Prefix.V1 + "/runs", API_READ),
    JOBS(GET, Prefix.V1 + "/jobs", API_READ),
    JOB(GET, Prefix.V1 + "/jobs/{id}", API_READ),
    CANCEL_JOB(POST, Prefix.V1 + "/jobs/{id}/cancel", API_CHANGE),
    START_TRAINING(POST, Prefix.V1 + "/training-jobs", API_CHANGE),
    START_INGEST(POST, Prefix.V1 + "/ingest-jobs", API_CHANGE),
    STATE(GET, Prefix.V1 + "/states/{state}", API_READ),
    AUDIENCES(GET, Prefix.V1 + "/audiences", API_READ),
    METRICS(GET, Prefix.V1 + "/metrics", API_READ),
    CAMPAIGNS(GET, Prefix.V1 + "/campaigns", API_READ),
    PLAN_CAMPAIGN(POST, Prefix.V1 + "/campaigns", API_PLAN),
    /** A plan's figures without storing it: a query, as the form's live figures ask it. */
    PREVIEW_CAMPAIGN(POST, Prefix.V1 + "/campaigns/preview", API_READ),
    CAMPAIGN(GET, Prefix.V1 + "/campaigns/{id}", API_READ),
    /** Customers' email addresses: only for the roles that may export them; the Campaigns page links here. */
    SEND_LIST(GET, Prefix.V1 + "/campaigns/{id}/send-list.csv", API_EXPORT),

    // The dashboard's pages and the forms they post.
    SIGN_IN_FORM(GET, "/login", PAGE_OPEN),
    SIGN_IN(POST, "/login", PAGE_OPEN_CHANGE),
    SIGN_OUT(POST, "/logout", PAGE_OWN_SESSION),
    OVERVIEW_PAGE(GET, "/", PAGE_READ),
    AUDIENCES_PAGE(GET, "/audiences", PAGE_READ),
    AUDIENCES_CSV(GET, "/audiences.csv", PAGE_READ),
    EXPLORER_PAGE(GET, "/explorer", PAGE_READ),
    MODELS_PAGE(GET, "/models", PAGE_READ),
    TRAIN_FORM(POST, "/models/train", PAGE_CHANGE),
    ROLL_BACK_FORM(POST, "/models/rollback", PAGE_CHANGE),
    ACTIVATE_FORM(POST, "/models/{id}/activate", PAGE_CHANGE),
    DELETE_FORM(POST, "/models/{id}/delete", PAGE_CHANGE),
    EVALUATION_PAGE(GET, "/evaluation", PAGE_READ),
    DATA_PAGE(GET, "/data", PAGE_READ),
    INGEST_FORM(POST, "/data/ingest", PAGE_CHANGE),
    UPLOAD_FORM(POST, "/data/upload", PAGE_CHANGE),
    CANCEL_JOB_FORM(POST, "/jobs/{id}/cancel", PAGE_CHANGE),
    CAMPAIGNS_PAGE(GET, "/campaigns", PAGE_READ),
    PLAN_FORM(POST, "/campaigns", PAGE_PLAN),
    CAMPAIGN_PAGE(GET, "/campaigns/{id}", PAGE_READ);

    /** Outside the enum: an enum's constants cannot read its own static fields while they are made. */
    private static final class Prefix {
        static final String V1 = "/api/v1";
    }

    private final HandlerType method;
    private final String path;
    private final Access access;

    Route(HandlerType method, String path, Access access) {
        this.method = method;
        this.path = path;
        this.access = access;
    }

    HandlerType method() {
        return method;
    }

    String path() {
        return path;
    }

    Access access() {
        return access;
    }

    /** The path with its one parameter filled in: {@code JOB.pathWith(7)} is {@code /api/v1/jobs/7}. */
    String pathWith(Object parameter) {
        return path.replaceFirst("\\{[^}]+}", String.valueOf(parameter));
    }

    /** Registers this route's handler, with its access rule as the route's role. */
    void register(RoutesConfig routes, Handler handler) {
        switch (method.name()) {
            case "GET" -> routes.get(path, handler, access);
            case "POST" -> routes.post(path, handler, access);
            case "DELETE" -> routes.delete(path, handler, access);
            default -> throw new IllegalStateException("no registration for " + method + " " + path);
        }
    }
}
