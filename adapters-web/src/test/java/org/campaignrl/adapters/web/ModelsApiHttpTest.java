package org.campaignrl.adapters.web;

import static org.campaignrl.boot.RegistryHttp.json;
import static org.campaignrl.boot.RegistryHttp.modelVersion;
import static org.campaignrl.boot.RegistryHttp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.campaignrl.application.memory.InMemoryStorage;
import org.campaignrl.boot.RegistryApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /api/v1/models…} and {@code /api/v1/datasets…} over real HTTP, on the in-memory adapter. */
class ModelsApiHttpTest {
    @TempDir
    static Path folder;

    private final InMemoryStorage storage = new InMemoryStorage();
    private RegistryApp served;
    private long datasetId;
    private long one;
    private long two;
    private long three;

    @BeforeEach
    void threeModelsTheSecondActive() throws Exception {
        served = new RegistryApp(storage.datasets(), storage.models());
        Path logs = folder.resolve("logs-3");
        if (!Files.isDirectory(logs)) {
            RegistryApp.logs(folder, 3);
        }
        datasetId = served.ingest(logs);
        one = served.train(1, true, "ana");
        two = served.train(2, true, "ben");
        three = served.train(3, false, "api");
        storage.models().saveMetrics(two, Map.of("success_rate", 0.5, "mean_q_error", 2.0));
        storage.models().saveMetrics(three, Map.of("success_rate", 0.625));
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private String url(String path) {
        return served.url(path);
    }

    @Test
    void theListIsNewestFirstWithWhoStartedEachAndTheirMetrics() throws Exception {
        HttpResponse<String> response = send("GET", url("/api/v1/models"));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode models = json(response);
        assertEquals(List.of(three, two, one), ids(models));
        assertEquals(List.of(false, true, false), flags(models, "active"));
        JsonNode second = models.get(1);
        assertEquals("ben", second.get("startedBy").asText());
        assertEquals(datasetId, second.get("datasetId").asLong());
        assertEquals(1_500, second.get("hyperparameters").get("episodes").asInt());
        assertEquals(0.3, second.get("rewardRule").get("targetRate").asDouble());
        assertTrue(second.get("training").get("goalRate").isNumber());
        assertEquals(0.5, second.get("metrics").get("success_rate").asDouble());
        assertTrue(
                second.get("createdAt").asText().endsWith("Z"),
                second.get("createdAt").asText());
    }

    @Test
    void oneModelIsShownWithItsCurve() throws Exception {
        HttpResponse<String> response = send("GET", url("/api/v1/models/" + two));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode model = json(response);
        assertEquals(two, model.get("id").asLong());
        assertTrue(model.get("active").asBoolean());
        assertTrue(model.get("curve").size() > 0);
        assertTrue(model.get("curve").get(0).has("goalRate"));
    }

    @Test
    void activatingSwitchesWhatIsServedAtOnce() throws Exception {
        HttpResponse<String> activated = send("POST", url("/api/v1/models/" + three + "/activate"));

        assertEquals(200, activated.statusCode(), activated.body());
        assertEquals(Long.toString(three), modelVersion(activated));
        assertEquals(three, json(activated).get("id").asLong());
        assertTrue(json(activated).get("active").asBoolean());
        assertEquals(Long.toString(three), modelVersion(nextAction()));
        assertEquals(List.of(true, false, false), flags(json(send("GET", url("/api/v1/models"))), "active"));
    }

    @Test
    void rollingBackServesThePreviousModelsUntilThereIsNoneBefore() throws Exception {
        send("POST", url("/api/v1/models/" + three + "/activate"));

        HttpResponse<String> back = send("POST", url("/api/v1/models/rollback"));
        assertEquals(200, back.statusCode(), back.body());
        assertEquals(two, json(back).get("id").asLong());
        assertEquals(Long.toString(two), modelVersion(nextAction()));
        assertEquals(
                one,
                json(send("POST", url("/api/v1/models/rollback"))).get("id").asLong());

        HttpResponse<String> nothingBefore = send("POST", url("/api/v1/models/rollback"));
        assertEquals(409, nothingBefore.statusCode(), nothingBefore.body());
        assertEquals(409, json(nothingBefore).get("status").asInt());
        assertTrue(json(nothingBefore).get("message").asText().contains("nothing to roll back to"));
        assertEquals(Long.toString(one), modelVersion(nextAction()));
    }

    @Test
    void comparingPutsChangedStatesAndFiguresSideBySide() throws Exception {
        HttpResponse<String> response = send("GET", url("/api/v1/models/compare?a=" + two + "&b=" + three));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode comparison = json(response);
        assertEquals(two, comparison.get("a").get("id").asLong());
        assertEquals(three, comparison.get("b").get("id").asLong());
        JsonNode states = comparison.get("states");
        int changed = states.get("changedGreedyAction").asInt();
        assertTrue(changed > 0 && changed < states.get("compared").asInt(), states.toString());
        int byAction = 0;
        for (JsonNode action : states.get("changedToAction")) {
            byAction += action.get("states").asInt();
        }
        assertEquals(changed, byAction);
        // Training stores the quality figures too; the ones this test set are found by name.
        JsonNode meanQError = figure(comparison.get("figures"), "mean_q_error");
        assertTrue(meanQError.get("b").isNull());
        assertEquals(
                0.125,
                figure(comparison.get("figures"), "success_rate")
                        .get("difference")
                        .asDouble(),
                1e-12);
    }

    @Test
    void deletingRemovesAnInactiveModelButNeverTheActiveOne() throws Exception {
        HttpResponse<String> active = send("DELETE", url("/api/v1/models/" + two));
        assertEquals(409, active.statusCode(), active.body());
        assertTrue(json(active).get("message").asText().contains("active"));

        HttpResponse<String> deleted = send("DELETE", url("/api/v1/models/" + one));
        assertEquals(204, deleted.statusCode(), deleted.body());

        assertEquals(404, send("GET", url("/api/v1/models/" + one)).statusCode());
        assertEquals(404, send("DELETE", url("/api/v1/models/" + one)).statusCode());
        assertEquals(List.of(three, two), ids(json(send("GET", url("/api/v1/models")))));
    }

    @Test
    void datasetsShowTheirFilesWithChecksumsAndTheirModels() throws Exception {
        HttpResponse<String> list = send("GET", url("/api/v1/datasets"));
        assertEquals(200, list.statusCode(), list.body());
        JsonNode listed = json(list).get(0);
        assertEquals(datasetId, listed.get("id").asLong());
        assertFalse(listed.has("models"));
        assertEquals(List.of("sent", "responded", "userbase"), texts(listed.get("inputs"), "role"));
        JsonNode sent = listed.get("inputs").get(0);
        assertEquals(
                Files.size(folder.resolve("logs-3/sent_emails.csv")),
                sent.get("sizeBytes").asLong());
        assertTrue(sent.get("sha256").asText().matches("[0-9a-f]{64}"), sent.toString());
        assertEquals(3, listed.get("files").size());
        assertEquals("NONE", listed.get("split").get("kind").asText());
        assertTrue(listed.get("summary").get("sends").asLong() > 0);

        HttpResponse<String> one = send("GET", url("/api/v1/datasets/" + datasetId));
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(List.of(three, two, this.one), ids(json(one).get("models")));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "GET, /api/v1/models/999, 404, ",
        "GET, /api/v1/models/abc, 400, id",
        "GET, /api/v1/models/0, 400, id",
        "POST, /api/v1/models/999/activate, 404, ",
        "POST, /api/v1/models/x/activate, 400, id",
        "DELETE, /api/v1/models/abc, 400, id",
        "GET, /api/v1/models/compare?a=1, 400, b",
        "GET, /api/v1/models/compare?a=1&b=two, 400, b",
        "GET, /api/v1/models/compare?a=1&b=999, 404, ",
        "GET, /api/v1/datasets/999, 404, ",
        "GET, /api/v1/datasets/-3, 400, id",
        "PUT, /api/v1/models/1, 405, "
    })
    void clientMistakesAreJsonErrorsNeverA500(String method, String path, int status, String field) throws Exception {
        HttpResponse<String> response = send(method, url(path));

        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = json(response);
        assertEquals(status, error.get("status").asInt());
        assertTrue(error.get("message").asText().length() > 0);
        if (field != null) {
            assertEquals(field, error.get("field").asText(), response.body());
        }
    }

    private HttpResponse<String> nextAction() throws Exception {
        int subject =
                served.app.datasetRegistry().datasets().get(0).subjectIds().get(0);
        HttpResponse<String> response =
                send("POST", url("/get-next-action"), "{\"state\":[" + subject + ",0,0,0,0,0,0],\"action\":0}");
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(
                node -> ids.add(node.isNumber() ? node.asLong() : node.get("id").asLong()));
        return ids;
    }

    private static List<Boolean> flags(JsonNode array, String field) {
        List<Boolean> flags = new ArrayList<>();
        array.forEach(node -> flags.add(node.get(field).asBoolean()));
        return flags;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }

    private static JsonNode figure(JsonNode figures, String name) {
        for (JsonNode figure : figures) {
            if (name.equals(figure.get("name").asText())) {
                return figure;
            }
        }
        throw new AssertionError("no figure " + name + " in " + figures);
    }
}
