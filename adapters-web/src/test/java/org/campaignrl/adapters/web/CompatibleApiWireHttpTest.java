package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the two compatible answers travel, now that they bypass Javalin's JSON mapper: the JSON type, the length,
 * and gzip for a client that asks for it once the answer is large enough to be worth it, as Javalin did; JSON is
 * named compressible up front in the server's compression strategy, which must not change that.
 */
class CompatibleApiWireHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path folder;

    static ServedApp served;

    @BeforeAll
    static void serveTrainedModel() throws Exception {
        served = ServedApp.trained(folder);
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    /** Javalin compresses answers from this size on, JSON included; smaller ones go out as they are. */
    private static final int MIN_SIZE_FOR_COMPRESSION = 1500;

    @Test
    void a_campaign_audience_is_json_with_its_length_and_gzip_when_accepted_and_large_enough() throws Exception {
        for (int subject : subjectIds()) {
            HttpResponse<byte[]> plain = send(get("/campaign-audience?subjectId=" + subject));
            HttpResponse<byte[]> zipped =
                    send(get("/campaign-audience?subjectId=" + subject).header("Accept-Encoding", "gzip"));

            assertEquals(200, plain.statusCode());
            assertEquals(Optional.of("application/json"), plain.headers().firstValue("Content-Type"));
            assertEquals(
                    Optional.of(Integer.toString(plain.body().length)),
                    plain.headers().firstValue("Content-Length"));
            assertEquals(
                    plain.headers().firstValue("X-Model-Version"),
                    zipped.headers().firstValue("X-Model-Version"));
            if (plain.body().length < MIN_SIZE_FOR_COMPRESSION) {
                assertEquals(Optional.empty(), zipped.headers().firstValue("Content-Encoding"));
                assertArrayEquals(plain.body(), zipped.body());
            } else {
                assertEquals(Optional.of("gzip"), zipped.headers().firstValue("Content-Encoding"));
                try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                    assertArrayEquals(plain.body(), unzipped.readAllBytes());
                }
            }
        }
    }

    /** The small data's rollouts stay under the threshold; this JSON answer, under the same strategy, does not. */
    @Test
    void a_large_json_answer_is_still_gzipped_for_a_client_that_accepts_it() throws Exception {
        HttpResponse<byte[]> plain = send(get("/api/openapi.json"));
        HttpResponse<byte[]> zipped = send(get("/api/openapi.json").header("Accept-Encoding", "gzip"));

        assertTrue(plain.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(plain.body().length >= MIN_SIZE_FOR_COMPRESSION);
        assertEquals(Optional.of("gzip"), zipped.headers().firstValue("Content-Encoding"));
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertArrayEquals(plain.body(), unzipped.readAllBytes());
        }
    }

    @Test
    void a_next_action_is_small_json_sent_as_is_even_to_a_client_that_accepts_gzip() throws Exception {
        HttpResponse<byte[]> response = send(post("/get-next-action", "{\"state\":[1,4,3,1,0,0,0],\"action\":2}")
                .header("Accept-Encoding", "gzip"));

        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        assertEquals(Optional.empty(), response.headers().firstValue("Content-Encoding"));
        assertTrue(new String(response.body()).matches("\\{\"next_action\":[0-6]}"), new String(response.body()));
    }

    private static int[] subjectIds() {
        long datasetId =
                served.storage.models().loadActive().orElseThrow().model().datasetId();
        return served.storage
                .datasets()
                .load(datasetId)
                .orElseThrow()
                .cells()
                .space()
                .subjectIds();
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(served.baseUrl() + path)).GET();
    }

    private static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(served.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
