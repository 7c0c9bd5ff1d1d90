package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.boot.Http;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenAPI document served at {@code /api/openapi.json}, held against the routes the running server really
 * registered: every API route is documented and every documented operation is registered. Every error answer,
 * in the document and over the wire, is the one {@code ApiError} shape; successful answers match their schemas.
 */
class OpenApiDocumentHttpTest {
    /**
     * Registered, but left out of the document on purpose: they are for browsers, not programs. The dashboard's
     * pages and the forms they post, the audience finder's CSV export, and the Swagger UI page. (Static files,
     * the UI's own included, are served without routes.) A new page goes here; a new API route goes in
     * {@code OpenApiDocument}.
     */
    static final Set<String> NOT_API = Set.of(
            "GET /",
            "GET /audiences",
            "GET /audiences.csv",
            "GET /explorer",
            "GET /evaluation",
            "GET /models",
            "POST /models/train",
            "POST /models/rollback",
            "POST /models/{id}/activate",
            "POST /models/{id}/delete",
            "GET /data",
            "POST /data/ingest",
            "POST /data/upload",
            "POST /jobs/{id}/cancel",
            "GET /api/docs",
            "GET /login",
            "POST /login",
            "POST /logout",
            "GET /campaigns",
            "POST /campaigns",
            "GET /campaigns/{id}");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_ERROR = "#/components/schemas/ApiError";

    @TempDir
    static Path folder;

    static ServedApp served;
    static JsonNode document;
    static OpenApiSchemaCheck schemas;
    static Map<String, String> ids;

    @BeforeAll
    static void serveTrainedModelAndFetchTheDocument() throws Exception {
        served = ServedApp.trained(folder);
        ModelVersion model = served.storage.models().loadActive().orElseThrow();
        DatasetVersion dataset =
                served.storage.datasets().load(model.model().datasetId()).orElseThrow();
        ids = Map.of(
                "{model}",
                Long.toString(model.id()),
                "{dataset}",
                Long.toString(dataset.id()),
                "{subject}",
                Integer.toString(dataset.cells().space().subjectIds()[0]));

        HttpResponse<String> response = send("GET", "/api/openapi.json", "");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        document = JSON.readTree(response.body());
        schemas = new OpenApiSchemaCheck(document);
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    // --- the document and the routes, both ways

    @Test
    void every_registered_route_is_documented_unless_it_is_a_page() {
        Set<String> undocumented = new TreeSet<>(registeredRoutes());
        undocumented.removeAll(documentedOperations());
        undocumented.removeAll(NOT_API);

        assertTrue(
                undocumented.isEmpty(),
                "registered but neither in the OpenAPI document (OpenApiDocument) nor " + "a page (NOT_API): "
                        + undocumented);
    }

    @Test
    void every_documented_operation_is_a_registered_route() {
        Set<String> unregistered = new TreeSet<>(documentedOperations());
        unregistered.removeAll(registeredRoutes());

        assertTrue(unregistered.isEmpty(), "in the OpenAPI document but not registered: " + unregistered);
    }

    @Test
    void the_pages_left_out_are_registered_and_not_documented() {
        Set<String> stale = new TreeSet<>(NOT_API);
        stale.removeAll(registeredRoutes());
        assertTrue(stale.isEmpty(), "NOT_API names routes the server no longer registers: " + stale);

        Set<String> both = new TreeSet<>(NOT_API);
        both.retainAll(documentedOperations());
        assertTrue(both.isEmpty(), "documented, yet listed as not API: " + both);
    }

    // --- the document's own consistency

    @Test
    void the_document_is_openapi_3_with_unique_operation_ids_declared_path_parameters_and_resolvable_references() {
        assertTrue(
                document.path("openapi").asText().startsWith("3."),
                document.path("openapi").asText());
        assertFalse(document.path("info").path("title").asText().isBlank());
        Set<String> operationIds = new TreeSet<>();
        forEachOperation((key, operation) -> {
            assertTrue(operationIds.add(operation.path("operationId").asText()), "operationId twice: " + key);
            assertFalse(operation.path("summary").asText().isBlank(), key + " has no summary");
            assertEquals(1, operation.path("tags").size(), key + " should have one tag");
            Set<String> declared = new TreeSet<>();
            operation.path("parameters").forEach(p -> {
                if ("path".equals(p.path("in").asText())) {
                    declared.add(p.path("name").asText());
                }
            });
            assertEquals(pathParameters(key.substring(key.indexOf(' ') + 1)), declared, key + " path parameters");
            assertTrue(
                    fieldNames(operation.path("responses")).stream().anyMatch(status -> status.startsWith("2")),
                    key + " documents no successful answer");
        });
        List<String> unresolved = new ArrayList<>();
        collectReferences(document, unresolved);
        assertTrue(unresolved.isEmpty(), "references that lead nowhere: " + unresolved);
    }

    @Test
    void every_documented_error_answer_is_the_shared_error_shape() {
        forEachOperation((key, operation) -> operation
                .path("responses")
                .fields()
                .forEachRemaining(entry -> {
                    if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                        JsonNode response = schemas.resolve(entry.getValue());
                        assertEquals(
                                API_ERROR,
                                response.path("content")
                                        .path("application/json")
                                        .path("schema")
                                        .path("$ref")
                                        .asText(),
                                key + " answers " + entry.getKey() + " in another shape");
                    }
                }));
        JsonNode apiError = schemas.resolve(JSON.createObjectNode().put("$ref", API_ERROR));
        assertEquals(
                Set.of("status", "error", "field", "message"), new TreeSet<>(fieldNames(apiError.path("properties"))));
    }

    @Test
    void every_example_in_the_document_matches_its_schema() {
        List<String> problems = new ArrayList<>();
        forEachOperation((key, operation) -> {
            operation
                    .path("parameters")
                    .forEach(parameter -> checkExample(
                            key + " parameter " + parameter.path("name").asText(), parameter, problems));
            operation
                    .path("requestBody")
                    .path("content")
                    .forEach(media -> checkExample(key + " body", media, problems));
            operation
                    .path("responses")
                    .fields()
                    .forEachRemaining(answer -> schemas.resolve(answer.getValue())
                            .path("content")
                            .forEach(media -> checkExample(key + " " + answer.getKey(), media, problems)));
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void checkExample(String where, JsonNode holder, List<String> problems) {
        if (holder.has("example")) {
            schemas.problems(holder.get("example"), holder.get("schema")).forEach(p -> problems.add(where + ": " + p));
        }
    }

    // --- real answers against the document

    @ParameterizedTest(name = "{0} {1} → {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "POST   | /get-next-action                | {\"state\":[{subject},4,3,99,0,0,0],\"action\":2} | 400 | /get-next-action",
                "POST   | /get-next-action                | {not json                                         | 400 | /get-next-action",
                "GET    | /campaign-audience?subjectId=x  | -                                                 | 400 | /campaign-audience",
                "GET    | /api/v1/models/abc              | -                                                 | 400 | /api/v1/models/{id}",
                "POST   | /api/v1/ingest-jobs             | {\"dataDir\":\"/no/such/folder\"}                 | 400 | /api/v1/ingest-jobs",
                "GET    | /api/v1/models/999999           | -                                                 | 404 | /api/v1/models/{id}",
                "GET    | /campaign-audience?subjectId=777| -                                                 | 404 | /campaign-audience",
                "GET    | /api/v1/jobs/999999             | -                                                 | 404 | /api/v1/jobs/{id}",
                "GET    | /api/v1/runs?limit=0            | -                                                 | 400 | /api/v1/runs",
                "GET    | /no-such-thing                  | -                                                 | 404 | -",
                "DELETE | /api/v1/models/{model}          | -                                                 | 409 | /api/v1/models/{id}",
                "GET    | /get-next-action                | -                                                 | 405 | -",
                "DELETE | /api/v1/jobs                    | -                                                 | 405 | -",
                "POST   | /get-next-action                | HUGE                                              | 413 | /get-next-action",
            })
    void real_error_answers_have_the_shared_shape(String method, String path, String body, int status, String template)
            throws Exception {
        String sent = "HUGE".equals(body) ? "{\"padding\":\"" + "x".repeat(2_000_000) + "\"}" : body;

        HttpResponse<String> response = send(method, withIds(path), sent == null ? "" : withIds(sent));

        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals(
                List.of(), schemas.problems(error, JSON.createObjectNode().put("$ref", API_ERROR)), response.body());
        assertEquals(status, error.get("status").asInt());
        if (template != null) {
            assertTrue(
                    operation(method, template).path("responses").has(Integer.toString(status)),
                    method + " " + template + " does not document " + status);
        }
    }

    @Test
    void without_a_model_the_compatible_endpoints_answer_503_in_the_shared_shape() throws Exception {
        try (ServedApp empty = ServedApp.empty(folder.resolve("empty"))) {
            HttpResponse<String> response =
                    Http.send(empty.baseUrl(), "POST", "/get-next-action", "{\"state\":[1,0,0,0,0,0,0],\"action\":0}");

            assertEquals(503, response.statusCode(), response.body());
            assertEquals(
                    List.of(),
                    schemas.problems(
                            JSON.readTree(response.body()),
                            JSON.createObjectNode().put("$ref", API_ERROR)));
            assertTrue(operation("POST", "/get-next-action").path("responses").has("503"));
        }
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "GET    | /health                          | /health                                  | -",
                "GET    | /api/openapi.json                | /api/openapi.json                        | -",
                "POST   | /get-next-action                 | /get-next-action                         | {\"state\":[{subject},4,3,1,0,0,0],\"action\":2}",
                "GET    | /campaign-audience               | /campaign-audience?subjectId={subject}   | -",
                "POST   | /campaign-audience               | /campaign-audience?subjectId={subject}   | -",
                "GET    | /api/v1/models                   | /api/v1/models                           | -",
                "GET    | /api/v1/models/{id}              | /api/v1/models/{model}                   | -",
                "GET    | /api/v1/models/compare           | /api/v1/models/compare?a={model}&b={model} | -",
                "POST   | /api/v1/models/{id}/activate     | /api/v1/models/{model}/activate          | -",
                "GET    | /api/v1/models/{id}/evaluation   | /api/v1/models/{model}/evaluation?bootstrap=20 | -",
                "GET    | /api/v1/retraining               | /api/v1/retraining                       | -",
                "GET    | /api/v1/datasets                 | /api/v1/datasets                         | -",
                "GET    | /api/v1/datasets/{id}            | /api/v1/datasets/{dataset}               | -",
                "GET    | /api/v1/dataset/overview         | /api/v1/dataset/overview                 | -",
                "GET    | /api/v1/rejected-rows            | /api/v1/rejected-rows?limit=5            | -",
                "GET    | /api/v1/jobs                     | /api/v1/jobs                             | -",
                "GET    | /api/v1/runs                     | /api/v1/runs?limit=5                     | -",
                "GET    | /api/v1/states/{state}           | /api/v1/states/{subject},0,0,0,0,0,0     | -",
                "GET    | /api/v1/audiences                | /api/v1/audiences?subjectId={subject}&minSends=1 | -",
            })
    void successful_answers_match_their_documented_schema(String method, String template, String path, String body)
            throws Exception {
        HttpResponse<String> response = send(method, withIds(path), body == null ? "" : withIds(body));

        assertEquals(200, response.statusCode(), response.body());
        assertMatchesDocument(method, template, response);
    }

    @Test
    void a_training_job_its_progress_and_deleting_its_model_match_the_document() throws Exception {
        HttpResponse<String> started = send("POST", "/api/v1/training-jobs", "{\"episodes\":300,\"activate\":false}");
        assertEquals(202, started.statusCode(), started.body());
        assertMatchesDocument("POST", "/api/v1/training-jobs", started);
        String location = started.headers().firstValue("Location").orElseThrow();

        JsonNode job = JSON.readTree(started.body());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Set.of("SUCCEEDED", "FAILED").contains(job.get("state").asText())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            HttpResponse<String> progress = send("GET", location, "");
            assertMatchesDocument("GET", "/api/v1/jobs/{id}", progress);
            job = JSON.readTree(progress.body());
        }
        assertEquals("SUCCEEDED", job.get("state").asText(), job.toString());

        HttpResponse<String> deleted =
                send("DELETE", "/api/v1/models/" + job.get("resultId").asLong(), "");
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertTrue(operation("DELETE", "/api/v1/models/{id}").path("responses").has("204"));
    }

    @Test
    void the_swagger_ui_page_and_everything_it_loads_come_from_this_server() throws Exception {
        HttpResponse<String> page = send("GET", "/api/docs", "");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));

        Matcher links = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        List<String> assets = new ArrayList<>();
        while (links.find()) {
            String link = links.group(1);
            assertTrue(link.startsWith("/"), "the page loads something from elsewhere: " + link);
            assets.add(link);
        }
        assertTrue(assets.contains("/api/docs/swagger-ui/swagger-ui-bundle.js"), assets.toString());
        for (String asset : assets) {
            HttpResponse<String> answer = send("GET", asset, "");
            assertEquals(200, answer.statusCode(), asset);
            if (asset.endsWith(".js")) {
                assertTrue(
                        answer.headers()
                                .firstValue("Content-Type")
                                .orElseThrow()
                                .contains("javascript"),
                        asset);
            }
        }
        String initializer =
                send("GET", "/api/docs/setup/swagger-initializer.js", "").body();
        assertTrue(initializer.contains("url: '/api/openapi.json'"), initializer);
    }

    // --- helpers

    private static void assertMatchesDocument(String method, String template, HttpResponse<String> response)
            throws Exception {
        JsonNode answer = operation(method, template).path("responses").path(Integer.toString(response.statusCode()));
        assertFalse(answer.isMissingNode(), method + " " + template + " does not document " + response.statusCode());
        JsonNode schema =
                schemas.resolve(answer).path("content").path("application/json").path("schema");
        assertFalse(schema.isMissingNode(), method + " " + template + " documents no JSON body");
        List<String> problems = schemas.problems(JSON.readTree(response.body()), schema);
        assertEquals(List.of(), problems, method + " " + template + " answered " + abbreviate(response.body()));
        JsonNode headers = schemas.resolve(answer).path("headers");
        headers.fieldNames()
                .forEachRemaining(header -> assertTrue(
                        response.headers().firstValue(header).isPresent(),
                        method + " " + template + " documents header " + header + " but did not send it"));
    }

    private static JsonNode operation(String method, String template) {
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        assertFalse(operation.isMissingNode(), method + " " + template + " is not in the document");
        return operation;
    }

    /** "METHOD /path" of every route registered, path parameters written {name} as in OpenAPI. */
    private static Set<String> registeredRoutes() {
        Set<String> routes = new TreeSet<>();
        for (String route : served.server.registeredRoutes()) {
            routes.add(route.replaceAll("<([^>]+)>", "{$1}"));
        }
        return routes;
    }

    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        forEachOperation((key, operation) -> operations.add(key));
        return operations;
    }

    private static void forEachOperation(BiConsumer<String, JsonNode> action) {
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                    if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
                            .contains(method.getKey())) {
                        action.accept(
                                method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue());
                    }
                }));
    }

    private static Set<String> pathParameters(String path) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static void collectReferences(JsonNode node, List<String> unresolved) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
                unresolved.add(ref);
            }
        }
        node.elements().forEachRemaining(child -> collectReferences(child, unresolved));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String withIds(String text) {
        String result = text;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            result = result.replace(id.getKey(), id.getValue());
        }
        return result;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 297) + "…" : text;
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return Http.send(served.baseUrl(), method, path, body);
    }
}
