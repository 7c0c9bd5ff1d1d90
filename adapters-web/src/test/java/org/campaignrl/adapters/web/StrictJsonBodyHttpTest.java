package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.campaignrl.boot.Http;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every JSON body of the API holds only the fields its schema names, each once. Before, an unknown field was
 * ignored (a typo, {@code {"episode": 5}}, started a training with the defaults and activated it) and a repeated
 * key took its last value.
 */
class StrictJsonBodyHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static ServedApp served;

    @BeforeAll
    static void serve() {
        served = ServedApp.empty(folder);
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @ParameterizedTest(name = "{0} {1} → 400 {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/training-jobs | {\"episode\": 5}                                   | episode",
                "/api/v1/training-jobs | {\"episodes\": 5, \"Seed\": 7}                     | Seed",
                "/api/v1/training-jobs | {\"episodes\": 5, \"episodes\": 6}                 | episodes",
                "/api/v1/training-jobs | {\"seed\": 1, \"activate\": false, \"seed\": 2}     | seed",
                "/api/v1/ingest-jobs   | {\"dataDir\": \"{folder}\", \"holdoutshare\": 0.3} | holdoutshare",
                "/api/v1/ingest-jobs   | {\"dataDir\": \"{folder}\", \"dataDir\": \"/\"}     | dataDir",
                "/get-next-action      | {\"state\": [1,4,3,1,0,0,0], \"action\": 2, \"actions\": 3} | actions",
                "/get-next-action      | {\"state\": [1,4,3,1,0,0,0], \"action\": 2, \"action\": 3}  | action",
            })
    void a_body_with_an_unknown_or_repeated_field_is_refused_naming_it(String path, String body, String field)
            throws Exception {
        int jobsBefore = jobs();
        HttpResponse<String> response =
                Http.send(served.baseUrl(), "POST", path, body.replace("{folder}", folder.toString()));

        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals(400, error.get("status").asInt());
        assertEquals(field, error.get("field").asText(), response.body());
        assertTrue(error.get("message").asText().contains("'" + field + "'"), response.body());
        assertEquals(jobsBefore, jobs(), "nothing was started");
    }

    /** Rolling back, activating, cancelling: a field would have meant something, e.g. which model to roll back to. */
    @ParameterizedTest(name = "{0} {1} → 400 {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/models/rollback   | {\"modelId\": 3}  | modelId",
                "/api/v1/models/1/activate | {\"activate\": 1} | activate",
                "/api/v1/jobs/1/cancel     | {\"force\": true} | force",
            })
    void a_request_that_takes_no_body_refuses_one_with_a_field(String path, String body, String field)
            throws Exception {
        HttpResponse<String> response = Http.send(served.baseUrl(), "POST", path, body);

        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals(field, error.get("field").asText(), response.body());
        assertEquals(
                "unknown field '" + field + "': this request takes no body",
                error.get("message").asText());
        assertEquals(
                409,
                Http.send(served.baseUrl(), "POST", "/api/v1/models/rollback", "{}")
                        .statusCode(),
                "an empty object passes: nothing to roll back to on an empty server");
    }

    @Test
    void every_unknown_field_is_named_with_the_fields_the_body_takes() throws Exception {
        HttpResponse<String> response = Http.send(
                served.baseUrl(), "POST", "/api/v1/training-jobs", "{\"episode\": 5, \"epsilon\": 0.2, \"sed\": 3}");

        assertEquals(400, response.statusCode(), response.body());
        String message = JSON.readTree(response.body()).get("message").asText();
        assertTrue(message.startsWith("unknown fields 'episode', 'sed': the fields of this body are "), message);
        assertTrue(message.contains("episodes") && message.contains("seed"), message);
    }

    @Test
    void the_documented_request_bodies_say_they_take_no_other_field() throws Exception {
        JsonNode schemas = JSON.readTree(Http.send(served.baseUrl(), "GET", "/api/openapi.json", "")
                        .body())
                .get("components")
                .get("schemas");
        for (String name : new String[] {"NextActionRequest", "TrainingJobRequest", "IngestJobRequest"}) {
            assertEquals(false, schemas.get(name).get("additionalProperties").asBoolean(true), name);
        }
    }

    @Test
    void the_known_fields_still_go_through() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("empty-folder"));
        HttpResponse<String> ingest = Http.send(
                served.baseUrl(),
                "POST",
                "/api/v1/ingest-jobs",
                "{\"dataDir\": \"" + logs + "\", \"holdoutShare\": 0.3, \"holdoutSeed\": 1, \"encoding\": \"auto\", "
                        + "\"delimiter\": \"auto\", \"maxLineBytes\": 1000}");
        assertEquals(202, ingest.statusCode(), ingest.body());
        served.finishedJob(JSON.readTree(ingest.body()).get("id").asLong());
    }

    private static int jobs() throws Exception {
        return JSON.readTree(
                        Http.send(served.baseUrl(), "GET", "/api/v1/jobs", "").body())
                .size();
    }
}
