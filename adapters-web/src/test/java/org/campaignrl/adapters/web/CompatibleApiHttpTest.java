package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.campaignrl.application.model.DatasetVersion;
import org.campaignrl.application.model.ModelVersion;
import org.campaignrl.boot.Http;
import org.campaignrl.boot.ServedApp;
import org.campaignrl.domain.Action;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two endpoints existing clients call, over real HTTP against a trained model in H2. */
class CompatibleApiHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static ServedApp served;
    static ModelVersion model;
    static DatasetVersion dataset;

    @BeforeAll
    static void serveTrainedModel() throws Exception {
        served = ServedApp.trained(folder);
        model = served.storage.models().loadActive().orElseThrow();
        dataset = served.storage.datasets().load(model.model().datasetId()).orElseThrow();
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void next_action_applies_the_action_then_answers_the_best_action_of_the_state_reached() throws Exception {
        StateSpace space = dataset.cells().space();
        int subject = space.subjectIds()[space.subjectIds().length - 1];
        int[] state = {subject, 4, 3, 1, 0, 0, 0};

        HttpResponse<String> response =
                post("/get-next-action", "{\"state\":[" + subject + ",4,3,1,0,0,0],\"action\":2}");

        assertEquals(200, response.statusCode(), response.body());
        int reached = space.advance(space.indexOfVector(state), Action.NEXT_DOMAIN.attribute());
        assertEquals(
                bestActionByHand(reached),
                JSON.readTree(response.body()).get("next_action").asInt());
        assertEquals(List.of("next_action"), fieldNames(JSON.readTree(response.body())));
        assertEquals(
                Long.toString(model.id()),
                response.headers().firstValue("X-Model-Version").orElseThrow());
    }

    @Test
    void every_state_and_action_answers_the_argmax_of_the_stored_q_table() throws Exception {
        StateSpace space = dataset.cells().space();
        for (int index = 0; index < space.size(); index += 997) {
            int[] vector = space.vectorOf(index);
            for (int action = 0; action < Action.COUNT; action++) {
                String body = "{\"state\":" + java.util.Arrays.toString(vector) + ",\"action\":" + action + "}";
                JsonNode answer = JSON.readTree(post("/get-next-action", body).body());
                int reached = space.advance(index, Action.ofCode(action).attribute());
                assertEquals(
                        bestActionByHand(reached), answer.get("next_action").asInt(), body);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"GET", "POST"})
    void campaign_audience_is_the_greedy_rollout_with_historical_conversion(String method) throws Exception {
        StateSpace space = dataset.cells().space();
        int subject = space.subjectIds()[0];

        HttpResponse<String> response = send(method, "/campaign-audience?subjectId=" + subject, "");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body()).get("campaign-audience");
        assertEquals("Email Subject " + subject, body.get("Email Subject").asText());
        JsonNode permutations = body.get("Audience Permutations");
        assertTrue(permutations.size() >= 1);
        JsonNode first = permutations.get(0).get("audience-profile");
        assertEquals(
                List.of("Age Group", "Customer Type", "Day of Week", "Email Domain", "Gender", "Tenure Group"),
                fieldNames(first));
        assertEquals("Monday", first.get("Day of Week").asText());
        assertEquals("< 5", first.get("Tenure Group").asText());
        assertEquals(space.domains().get(0), first.get("Email Domain").asText());
        assertEquals("< 20", first.get("Age Group").asText());
        assertEquals("Female", first.get("Gender").asText());
        assertEquals("Business", first.get("Customer Type").asText());

        // Walk the same rollout by hand over the stored Q table and check each step's conversion.
        Cells cells = dataset.cells();
        int state = space.indexOfCodes(0, 0, 0, 0, 0, 0, 0);
        for (JsonNode permutation : permutations) {
            JsonNode profile = permutation.get("audience-profile");
            assertEquals(
                    space.label(Attribute.DAY, space.code(state, Attribute.DAY)),
                    profile.get("Day of Week").asText());
            assertEquals(
                    space.label(Attribute.DOMAIN, space.code(state, Attribute.DOMAIN)),
                    profile.get("Email Domain").asText());
            assertEquals(
                    cells.conversion(state),
                    permutation.get("expected-conversions").asDouble(),
                    0.00005);
            state = space.advance(state, Action.ofCode(bestActionByHand(state)).attribute());
        }
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{not json                                   | 400 | body",
                "[1,2,3]                                     | 400 | body",
                "''                                          | 400 | body",
                "{\"action\":2}                              | 400 | state",
                "{\"state\":[1,4,3,1,0,0,0]}                 | 400 | action",
                "{\"state\":[1,4,3,1,0,0],\"action\":2}      | 400 | state",
                "{\"state\":[1,4,3,1,0,0,0,0],\"action\":2}  | 400 | state",
                "{\"state\":\"1,4,3\",\"action\":2}          | 400 | state",
                "{\"state\":[1,4,\"x\",1,0,0,0],\"action\":2}| 400 | state[2]",
                "{\"state\":[1,4,3.5,1,0,0,0],\"action\":2}  | 400 | state[2]",
                "{\"state\":[1,9,3,1,0,0,0],\"action\":2}    | 400 | state[1]",
                "{\"state\":[1,4,3,99,0,0,0],\"action\":2}   | 400 | state[3]",
                "{\"state\":[1,4,3,1,0,-1,0],\"action\":2}   | 400 | state[5]",
                "{\"state\":[777,4,3,1,0,0,0],\"action\":2}  | 400 | state[0]",
                "{\"state\":[1,4,3,1,0,0,0],\"action\":7}    | 400 | action",
                "{\"state\":[1,4,3,1,0,0,0],\"action\":42}   | 400 | action",
                "{\"state\":[1,4,3,1,0,0,0],\"action\":-1}   | 400 | action",
                "{\"state\":[1,4,3,1,0,0,0],\"action\":\"2\"}| 400 | action",
                "{\"state\":[1,4,3,1,0,0,0],\"action\":99999999999}| 400 | action",
            })
    void bad_next_action_requests_get_a_json_error_naming_the_field(String body, int status, String field)
            throws Exception {
        HttpResponse<String> response = post("/get-next-action", body);

        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals(field, error.get("field").asText(), response.body());
        assertEquals(status, error.get("status").asInt());
        assertFalse(error.get("message").asText().isBlank());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "/campaign-audience, 400",
        "/campaign-audience?subjectId=, 400",
        "/campaign-audience?subjectId=two, 400",
        "/campaign-audience?subjectId=99999999999, 400",
        "/campaign-audience?subjectId=777, 404"
    })
    void bad_campaign_audience_requests_get_a_json_error(String path, int status) throws Exception {
        for (String method : List.of("GET", "POST")) {
            HttpResponse<String> response = send(method, path, "");
            assertEquals(status, response.statusCode(), method + " " + response.body());
            JsonNode error = JSON.readTree(response.body());
            assertNotNull(error.get("message"), response.body());
            if (status == 400) {
                assertEquals("subjectId", error.get("field").asText());
            }
        }
    }

    @Test
    void unknown_endpoint_wrong_method_and_oversized_body_are_client_errors_in_json() throws Exception {
        HttpResponse<String> unknown = send("GET", "/no-such-thing", "");
        assertEquals(404, unknown.statusCode());
        assertEquals(404, JSON.readTree(unknown.body()).get("status").asInt());

        HttpResponse<String> wrongMethod = send("GET", "/get-next-action", "");
        assertEquals(405, wrongMethod.statusCode(), wrongMethod.body());
        assertEquals(405, JSON.readTree(wrongMethod.body()).get("status").asInt());

        String huge = "{\"state\":[1,4,3,1,0,0,0],\"action\":2,\"padding\":\"" + "x".repeat(2_000_000) + "\"}";
        HttpResponse<String> tooLarge = post("/get-next-action", huge);
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertEquals("body", JSON.readTree(tooLarge.body()).get("field").asText(), tooLarge.body());
    }

    /**
     * A client that writes a body over the limit whole before reading (no {@code Expect: 100-continue}) still reads
     * its 413: the server reads what it refuses, up to a bound, before answering (closing with the body unread
     * resets the connection under the answer: a CI run lost it once).
     */
    @Test
    void an_oversized_body_written_whole_before_reading_gets_its_answer() throws Exception {
        byte[] body = ("{\"padding\":\"" + "x".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = socket()) {
            socket.getOutputStream().write(postHead(body.length));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"field\":\"body\""), answer);
        }
    }

    /** Beyond what the server reads of a refused body, it answers at once, before the body comes. */
    @Test
    void a_body_declared_far_over_the_limit_is_answered_before_it_is_sent() throws Exception {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(postHead(RequestRefusal.OVERSIZED_BODY_READ_BYTES + 1));
            socket.getOutputStream().flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", status);
        }
    }

    private static Socket socket() throws Exception {
        URI base = URI.create(served.baseUrl());
        return new Socket(base.getHost(), base.getPort());
    }

    private static byte[] postHead(long contentLength) {
        URI base = URI.create(served.baseUrl());
        return ("POST /get-next-action HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + contentLength
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void health_and_home_page_say_what_is_served() throws Exception {
        HttpResponse<String> health = send("GET", "/health", "");
        assertEquals(200, health.statusCode());
        assertTrue(JSON.readTree(health.body()).get("serving").asBoolean());

        HttpResponse<String> home = send("GET", "/", "");
        assertEquals(200, home.statusCode());
        assertTrue(home.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(home.body().contains("<dd id=\"model-version\">" + model.id() + "</dd>"), home.body());
        assertTrue(home.body()
                .contains(String.format(
                        java.util.Locale.ROOT, "%,d", dataset.summary().sends())));
    }

    private static int bestActionByHand(int state) {
        int best = 0;
        for (int action = 1; action < Action.COUNT; action++) {
            if (model.model().qTable().value(state, action)
                    > model.model().qTable().value(state, best)) {
                best = action;
            }
        }
        return best;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return Http.send(served.baseUrl(), method, path, body);
    }
}
