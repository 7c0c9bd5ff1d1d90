package org.campaignrl.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before any model exists the server is up, says so, and answers 503 rather than failing. */
class EmptyServerHttpTest {
    @TempDir
    Path folder;

    @Test
    void queries_answer_503_until_a_model_is_trained() throws Exception {
        try (ServedApp served = ServedApp.empty(folder)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(served.baseUrl() + "/get-next-action"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"state\":[1,0,0,0,0,0,0],\"action\":0}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, next.statusCode(), next.body());
            assertTrue(new ObjectMapper().readTree(next.body()).get("message").asText().contains("no model"));

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(served.baseUrl() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertFalse(new ObjectMapper().readTree(health.body()).get("serving").asBoolean());

            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(served.baseUrl() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("No model is active yet"));
        }
    }
}
