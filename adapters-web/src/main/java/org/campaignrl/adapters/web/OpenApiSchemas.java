package org.campaignrl.adapters.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.campaignrl.application.model.CsvFormat;
import org.campaignrl.application.port.in.EvaluateModelUseCase.EvaluateModelCommand;
import org.campaignrl.application.port.in.PlanCampaignUseCase.PlanCampaignCommand;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Hyperparameters;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.ControlTreatment;

/**
 * The schemas that no record describes: the error shape, request bodies read field by field, and the
 * answers written as maps ({@code /health}, an evaluation). Defaults come from the commands' own defaults.
 */
final class OpenApiSchemas {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    // The fields each request body may hold, read from its schema: the parser refuses the rest (JsonBody).
    static final Set<String> NEXT_ACTION_FIELDS = fieldsOf(nextActionRequest());
    static final Set<String> TRAINING_JOB_FIELDS = fieldsOf(trainingJobRequest());
    static final Set<String> INGEST_JOB_FIELDS = fieldsOf(ingestJobRequest());
    static final Set<String> CAMPAIGN_PLAN_FIELDS = fieldsOf(campaignPlanRequest());

    private OpenApiSchemas() {}

    /** Adds every hand-written schema to {@code components.schemas}. */
    static void addTo(ObjectNode components) {
        components.set("ApiError", apiError());
        components.set("Health", health());
        components.set("NextActionRequest", nextActionRequest());
        components.set("TrainingJobRequest", trainingJobRequest());
        components.set("IngestJobRequest", ingestJobRequest());
        components.set("CampaignPlanRequest", campaignPlanRequest());
        components.set("Evaluation", evaluation());
        components.set("EvaluationFold", evaluationFold());
        components.set("HeldOutEvaluation", heldOutEvaluation());
        components.set("HeldOutMethod", heldOutMethod());
        components.set("TruthComparison", truthComparison());
    }

    // --- building blocks

    static ObjectNode integer() {
        return JSON.objectNode().put("type", "integer").put("format", "int32");
    }

    static ObjectNode int64() {
        return JSON.objectNode().put("type", "integer").put("format", "int64");
    }

    static ObjectNode number() {
        return JSON.objectNode().put("type", "number").put("format", "double");
    }

    static ObjectNode text() {
        return JSON.objectNode().put("type", "string");
    }

    static ObjectNode bool() {
        return JSON.objectNode().put("type", "boolean");
    }

    static ObjectNode textOneOf(List<String> values) {
        ObjectNode schema = text();
        values.forEach(schema.putArray("enum")::add);
        return schema;
    }

    /** An object with the given required properties; add the properties with {@link #property}. */
    static ObjectNode object(String... required) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        schema.putObject("properties");
        if (required.length > 0) {
            Arrays.stream(required).forEach(schema.putArray("required")::add);
        }
        return schema;
    }

    static ObjectNode property(ObjectNode object, String name, ObjectNode schema, String description) {
        if (description != null) {
            schema.put("description", description);
        }
        ((ObjectNode) object.get("properties")).set(name, schema);
        return object;
    }

    /** A request body that holds only its properties, each once: the parser refuses any other field. */
    private static ObjectNode closed(ObjectNode object) {
        return object.put("additionalProperties", false);
    }

    private static Set<String> fieldsOf(ObjectNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.get("properties").fieldNames().forEachRemaining(names::add);
        return Collections.unmodifiableSet(names);
    }

    static ObjectNode described(ObjectNode schema, String description) {
        return schema.put("description", description);
    }

    // --- the error shape

    private static ObjectNode apiError() {
        ObjectNode error = object("status", "error", "message");
        described(error, "The one shape of every error answer, whatever the endpoint.");
        property(error, "status", integer(), "The HTTP status code again, e.g. 400.");
        property(error, "error", text(), "The status's name, e.g. \"Bad Request\".");
        property(
                error,
                "field",
                text(),
                "The request field at fault, when there is one: `state[3]`, `subjectId`, " + "`body`, …");
        property(error, "message", text(), "What is wrong, for a person to read.");
        return error;
    }

    private static ObjectNode health() {
        ObjectNode health = object("status", "serving");
        property(health, "status", textOneOf(List.of("up")), "Always `up` when the server answers.");
        property(health, "serving", bool(), "Whether a model is active, so that the compatible endpoints answer.");
        return health;
    }

    // --- request bodies

    private static ObjectNode nextActionRequest() {
        ObjectNode state = arrayOfIntegers().put("minItems", Attribute.COUNT).put("maxItems", Attribute.COUNT);
        ObjectNode request = closed(object("state", "action"));
        property(
                request,
                "state",
                state,
                "`[subject_id, day, tenure, domain, age, gender, type]`: the subject "
                        + "line's id, then codes: day 0..6 = Monday..Sunday; tenure group 0..6 = <5, 5–9, …, ≥30 years; "
                        + "domain = index in the sorted list of email domains present; age group 0..4 = <20, 20–24, 25–34, "
                        + "35–44, ≥45; gender 0 = F, 1 = M; type 0 = Business, 1 = Consumer.");
        property(
                request,
                "action",
                integer().put("minimum", 0).put("maximum", Action.COUNT - 1),
                "The action applied to the state first: " + actions() + ". Each moves its attribute to its next "
                        + "value, wrapping around.");
        return request;
    }

    private static String actions() {
        StringBuilder text = new StringBuilder();
        for (Action action : Action.values()) {
            text.append(text.length() == 0 ? "" : ", ")
                    .append(action.code())
                    .append(" = ")
                    .append(action.name());
        }
        return text.toString();
    }

    private static ObjectNode trainingJobRequest() {
        TrainModelCommand d = TrainModelCommand.defaults();
        ObjectNode request = closed(object());
        described(request, "Every field is optional: what is left out takes the default shown.");
        ObjectNode episodes = JSON.objectNode();
        episodes.putArray("oneOf")
                .add(integer().put("minimum", 1))
                .add(textOneOf(List.of(TrainingRequest.UNTIL_CONVERGED)));
        episodes.put("default", d.untilConverged() ? TrainingRequest.UNTIL_CONVERGED : String.valueOf(d.episodes()));
        property(
                request,
                "episodes",
                episodes,
                "\"" + TrainingRequest.UNTIL_CONVERGED + "\": train until the "
                        + "greedy policy is the exact optimum's (at most " + Hyperparameters.DEFAULT_MAX_EPISODES
                        + " episodes); a number: exactly that many episodes from random starts, as the original service did.");
        property(
                request,
                "epsilon",
                number().put("default", d.epsilon()),
                "Exploration rate of ε-greedy; with a " + "number of episodes the default is "
                        + Hyperparameters.ORIGINAL_EPSILON + ".");
        property(
                request,
                "alpha",
                number().put("default", d.alpha()),
                "Learning rate; with a number of episodes " + "the default is " + Hyperparameters.ORIGINAL_ALPHA + ".");
        property(request, "gamma", number().put("default", d.gamma()), "Discount factor.");
        property(request, "maxSteps", integer().put("default", d.maxSteps()), "Step cap of every episode.");
        property(
                request,
                "seed",
                int64().put("default", d.seed()),
                "Random seed: the same seed and inputs give " + "the same Q table.");
        property(
                request,
                "targetRate",
                number().put("default", d.targetRate()),
                "A cell whose conversion beats " + "this on more than `minSends` sends is a goal.");
        property(request, "minSends", int64().put("default", d.minSends()), "Sends a goal cell needs.");
        property(
                request,
                "rewardFactor",
                number().put("default", d.rewardFactor()),
                "Entering a goal pays " + "`rewardFactor × 10`.");
        property(
                request,
                "startState",
                arrayOfIntegers(),
                "State of the first episode, as in " + "`/get-next-action`; later episodes start at random states.");
        property(request, "datasetId", int64(), "Dataset to train on; the latest when left out.");
        property(request, "activate", bool().put("default", d.activate()), "Serve the new model when done.");
        return request;
    }

    private static ObjectNode ingestJobRequest() {
        ObjectNode request = closed(object("dataDir"));
        described(
                request,
                "Ingests the three logs `sent_emails.csv`, `responded.csv` and `userbase.csv` of a "
                        + "folder on the server. Give `holdoutFrom` or `holdoutShare` (not both) to hold sends out for "
                        + "evaluation.");
        property(request, "dataDir", text(), "Folder on the server holding the three logs.");
        property(request, "holdoutFrom", text().put("format", "date"), "Sends on or after this date are held out.");
        property(
                request,
                "holdoutShare",
                number().put("exclusiveMinimum", true)
                        .put("minimum", 0)
                        .put("exclusiveMaximum", true)
                        .put("maximum", 1),
                "Share of (subject, customer) pairs held out at " + "random.");
        property(request, "holdoutSeed", int64().put("default", 42), "Seed of the random held-out pairs.");
        property(
                request,
                "encoding",
                text().put("default", CsvFormat.AUTO),
                "Encoding of the three logs: `auto` "
                        + "(a byte order mark decides, else UTF-8 when the bytes are valid UTF-8, else windows-1252, in each "
                        + "file) or a charset name such as `UTF-8`, `windows-1252`, `ISO-8859-1`, `UTF-16LE`.");
        property(
                request,
                "delimiter",
                text().put("default", CsvFormat.AUTO),
                "Delimiter of the three logs: `auto` "
                        + "(the one that splits each file's header into its columns) or one of `,` `;` `|` `tab` (also "
                        + "written `\\t`, `comma`, `semicolon`, `pipe`).");
        property(
                request,
                "maxLineBytes",
                integer()
                        .put("default", CsvFormat.DEFAULT_MAX_LINE_BYTES)
                        .put("minimum", 1)
                        .put("maximum", CsvFormat.MAX_MAX_LINE_BYTES),
                "The most bytes one row may hold (its line, or the "
                        + "lines a quoted value spans): a longer data row is rejected (`line too long`), a longer header "
                        + "refuses its file, so that reading takes the same memory whatever a file holds.");
        return request;
    }

    private static ObjectNode campaignPlanRequest() {
        ObjectNode request = closed(object("subjectId"));
        described(
                request,
                "A campaign for one subject line on the served dataset's customers: a `budget` of emails "
                        + "or a `threshold` of predicted rate (one of them), each customer at most once; a random control "
                        + "group drawn from every eligible customer. Numbers may also be given as strings, as the plan form "
                        + "sends them.");
        property(request, "subjectId", integer(), "The subject line's id, as in the data.");
        property(
                request,
                "budget",
                int64().put("minimum", 1),
                "Emails the ranking spends (target + explore); at " + "most the eligible customers.");
        property(
                request,
                "threshold",
                number().put("exclusiveMinimum", true)
                        .put("minimum", 0)
                        .put("exclusiveMaximum", true)
                        .put("maximum", 1),
                "Instead of a budget: every audience whose " + "predicted rate is at least this.");
        List<String> days = new ArrayList<>(List.of(CampaignRequest.BEST_DAY));
        Arrays.stream(DayOfWeek.values()).map(Enum::name).forEach(days::add);
        property(
                request,
                "day",
                textOneOf(days).put("default", CampaignRequest.BEST_DAY),
                "The day every send " + "goes out, or `" + CampaignRequest.BEST_DAY
                        + "`: each audience on its own best day.");
        property(
                request,
                "method",
                textOneOf(AudienceFinder.methods()).put("default", CampaignSettings.DEFAULT_METHOD.name()),
                "How audiences are ranked; the default is the one the held-out evaluation finds best.");
        property(
                request,
                "explorationShare",
                number().put("minimum", 0)
                        .put("maximum", 1)
                        .put("default", PlanCampaignCommand.DEFAULT_EXPLORATION_SHARE),
                "Share of the emails spent on "
                        + "uncertain audiences by Thompson sampling, so that the next model learns about them.");
        property(
                request,
                "controlShare",
                number().put("minimum", 0)
                        .put("exclusiveMaximum", true)
                        .put("maximum", 1)
                        .put("default", PlanCampaignCommand.DEFAULT_CONTROL_SHARE),
                "Share of the plan's customers drawn at " + "random as the control group; below 1.");
        property(
                request,
                "control",
                textOneOf(Arrays.stream(ControlTreatment.values())
                                .map(Enum::name)
                                .toList())
                        .put("default", "BUSINESS_AS_USUAL"),
                "What the control group gets: the " + "same subject line on the business-as-usual day, or nothing.");
        property(
                request,
                "seed",
                int64().put("default", PlanCampaignCommand.DEFAULT_SEED),
                "Seeds the control "
                        + "draw and the exploration: the same request on the same data gives the same plan.");
        property(
                request,
                "startDate",
                text().put("format", "date"),
                "The campaign's first day; each send is "
                        + "planned on the first date on or after it that falls on its day. Today (UTC) when left out.");
        return request;
    }

    static ObjectNode arrayOfIntegers() {
        return RecordSchemas.arrayOf(integer());
    }

    // --- an evaluation, written as a map by EvaluationJson

    private static ObjectNode evaluation() {
        EvaluateModelCommand d = EvaluateModelCommand.defaults(Optional.empty());
        ObjectNode evaluation = object("model_id", "dataset_id", "folds", "folds_caveat", "heldout", "truth");
        described(
                evaluation,
                "A model's quality: the policy's figures (`success_rate`, `mean_abs_q_error`, … as "
                        + "further number properties, null where undefined), the fold report in the existing users' layout, "
                        + "and, when the dataset holds sends out, the top-" + d.topN() + " audiences' held-out lift.");
        property(evaluation, "model_id", int64(), null);
        property(evaluation, "dataset_id", int64(), null);
        property(evaluation, "folds", RecordSchemas.arrayOf(RecordSchemas.ref("EvaluationFold")), null);
        property(evaluation, "folds_caveat", text(), "What the fold figures can and cannot say.");
        property(
                evaluation,
                "heldout",
                RecordSchemas.nullable(RecordSchemas.ref("HeldOutEvaluation")),
                "Null when the dataset holds no sends out.");
        property(
                evaluation,
                "truth",
                RecordSchemas.nullable(RecordSchemas.ref("TruthComparison")),
                "Null unless a generator's truth file was given (the CLI's `evaluate --truth`).");
        evaluation.set("additionalProperties", nullableNumber());
        return evaluation;
    }

    private static ObjectNode evaluationFold() {
        ObjectNode fold = object(
                "fold",
                "cells",
                "starts",
                "visits",
                "average_conversion",
                "median_conversion",
                "minimum_conversion",
                "maximum_conversion");
        property(fold, "fold", integer(), "Fold number, from 0.");
        property(fold, "cells", integer(), "Non-empty cells in the fold.");
        property(fold, "starts", integer(), "Rollouts run.");
        property(fold, "visits", integer(), "Cell visits whose rates were collected.");
        for (String figure : List.of("average", "median", "minimum", "maximum")) {
            property(fold, figure + "_conversion", nullableNumber(), null);
        }
        return fold;
    }

    private static ObjectNode heldOutEvaluation() {
        ObjectNode heldOut = object("split", "method", "top_n", "min_sends", "bootstrap_samples", "methods");
        described(heldOut, "Each figure `x` comes with `x_ci`, its interval as [lower, upper].");
        property(heldOut, "split", text(), "How sends were held out.");
        property(heldOut, "method", text(), "The ranking measured.");
        property(heldOut, "top_n", integer(), null);
        property(heldOut, "min_sends", int64(), null);
        property(heldOut, "bootstrap_samples", integer(), null);
        for (String figure : List.of("base_rate", "top10_conversion", "oracle_top10_conversion", "lift", "regret")) {
            estimate(heldOut, figure);
        }
        property(
                heldOut,
                "methods",
                RecordSchemas.arrayOf(RecordSchemas.ref("HeldOutMethod")),
                "Every ranking " + "method side by side.");
        return heldOut;
    }

    private static ObjectNode heldOutMethod() {
        ObjectNode method = object("method");
        property(method, "method", text(), null);
        for (String figure : List.of("top10_conversion", "lift", "regret")) {
            estimate(method, figure);
        }
        return method;
    }

    private static ObjectNode truthComparison() {
        ObjectNode truth = object("file", "methods");
        property(truth, "file", text(), "The truth file compared with.");
        ObjectNode method = object("method", "chosen_true_mean", "best_true_mean", "regret");
        property(method, "method", text(), null);
        property(method, "chosen_true_mean", nullableNumber(), null);
        property(method, "best_true_mean", nullableNumber(), null);
        property(method, "regret", nullableNumber(), null);
        property(truth, "methods", RecordSchemas.arrayOf(method), null);
        estimate(truth, "truth_best_heldout_conversion");
        return truth;
    }

    /** A point estimate {@code name} and its interval {@code name_ci}; null where undefined. */
    private static void estimate(ObjectNode object, String name) {
        property(object, name, nullableNumber(), null);
        property(
                object,
                name + "_ci",
                RecordSchemas.arrayOf(nullableNumber()).put("minItems", 2).put("maxItems", 2),
                null);
    }

    private static ObjectNode nullableNumber() {
        return number().put("nullable", true);
    }
}
