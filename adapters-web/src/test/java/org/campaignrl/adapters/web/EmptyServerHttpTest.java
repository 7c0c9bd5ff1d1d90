package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.campaignrl.boot.Http;
import org.campaignrl.boot.ServedApp;
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
            HttpResponse<String> next = http.send(
                    HttpRequest.newBuilder(URI.create(served.baseUrl() + "/get-next-action"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"state\":[1,0,0,0,0,0,0],\"action\":0}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, next.statusCode(), next.body());
            assertTrue(new ObjectMapper()
                    .readTree(next.body())
                    .get("message")
                    .asText()
                    .contains("no model"));

            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(served.baseUrl() + "/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertFalse(
                    new ObjectMapper().readTree(health.body()).get("serving").asBoolean());

            HttpResponse<String> home = http.send(
                    HttpRequest.newBuilder(URI.create(served.baseUrl() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("No model is active yet"));
        }
    }

    @Test
    void a_server_listening_while_its_first_model_is_prepared_answers_503_with_retry_after_until_ready()
            throws Exception {
        try (ServedApp served = ServedApp.empty(folder)) {
            WebServer preparing =
                    new WebServer(served.app, WebSettings.inTemporaryFolder()).startPreparing("127.0.0.1", 0);
            try {
                String baseUrl = "http://127.0.0.1:" + preparing.port();
                for (HttpResponse<String> early : List.of(
                        Http.send(baseUrl, "GET", "/health", ""),
                        Http.send(baseUrl, "POST", "/get-next-action", "{\"state\":[1,0,0,0,0,0,0],\"action\":0}"),
                        Http.send(baseUrl, "GET", "/", ""))) {
                    assertEquals(503, early.statusCode(), early.body());
                    assertEquals(Optional.of("1"), early.headers().firstValue("Retry-After"));
                    assertEquals(Optional.of("nosniff"), early.headers().firstValue("X-Content-Type-Options"));
                    assertTrue(
                            new ObjectMapper()
                                    .readTree(early.body())
                                    .get("message")
                                    .asText()
                                    .startsWith("the server is starting"),
                            early.body());
                }

                preparing.ready();

                assertEquals(200, Http.send(baseUrl, "GET", "/health", "").statusCode());
            } finally {
                preparing.stop();
            }
        }
    }
}
