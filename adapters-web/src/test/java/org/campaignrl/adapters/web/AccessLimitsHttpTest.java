package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.campaignrl.boot.ServedApp;
import org.campaignrl.boot.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits around access: failed tokens are rate-limited, uploads are bounded, other sites cannot post. */
class AccessLimitsHttpTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void after_five_failed_tokens_a_client_is_refused_with_429_even_with_a_good_one() throws Exception {
        TestUsers users = TestUsers.fresh();
        String token = users.engineerToken();
        try (ServedApp served =
                ServedApp.empty(folder, WebSettings.inTemporaryFolder().withUsers(users.directory()))) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertEquals(
                        401,
                        get(served, "/api/v1/models", "Bearer crl_guess" + attempt)
                                .statusCode());
            }

            HttpResponse<String> refused = get(served, "/api/v1/models", "Bearer " + token);
            HttpResponse<String> signIn = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(served.baseUrl() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(429, refused.statusCode(), refused.body());
            assertEquals(429, JSON.readTree(refused.body()).get("status").asInt());
            long retryAfter =
                    Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertEquals(429, signIn.statusCode(), "the sign-in form shares the limit");
        }
    }

    /**
     * Behind a reverse proxy every request came from the proxy's address, so five bad tokens locked out everyone.
     * With the proxy trusted, the limit is the client's, the one in {@code X-Forwarded-For}.
     */
    @Test
    void behind_a_trusted_proxy_five_failed_tokens_lock_out_their_client_only() throws Exception {
        TestUsers users = TestUsers.fresh();
        try (ServedApp served = ServedApp.empty(folder, behindLocalProxy(users))) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertEquals(
                        401,
                        forwarded(served, "10.0.0.1", "Bearer crl_guess" + attempt)
                                .statusCode());
            }

            assertEquals(
                    429,
                    forwarded(served, "10.0.0.1", "Bearer " + users.engineerToken())
                            .statusCode());
            HttpResponse<String> other = forwarded(served, "10.0.0.2", "Bearer " + users.managerToken());
            assertEquals(200, other.statusCode(), other.body());
            assertEquals(401, forwarded(served, "10.0.0.3", "Bearer crl_other").statusCode(), "not locked either");
        }
    }

    @Test
    void a_token_that_failed_five_times_is_refused_from_every_address_and_others_are_not() throws Exception {
        TestUsers users = TestUsers.fresh();
        try (ServedApp served = ServedApp.empty(folder, behindLocalProxy(users))) {
            for (int client = 1; client <= 5; client++) {
                assertEquals(
                        401,
                        forwarded(served, "10.0.1." + client, "Bearer crl_revoked")
                                .statusCode());
            }

            HttpResponse<String> refused = forwarded(served, "10.0.1.6", "Bearer crl_revoked");
            assertEquals(429, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertEquals(
                    401, forwarded(served, "10.0.1.6", "Bearer crl_another").statusCode());
            assertEquals(
                    200,
                    forwarded(served, "10.0.1.6", "Bearer " + users.engineerToken())
                            .statusCode());
        }
    }

    @Test
    void x_forwarded_for_from_a_client_that_is_no_trusted_proxy_is_ignored() throws Exception {
        TestUsers users = TestUsers.fresh();
        try (ServedApp served =
                ServedApp.empty(folder, WebSettings.inTemporaryFolder().withUsers(users.directory()))) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertEquals(
                        401,
                        forwarded(served, "10.0.2." + attempt, "Bearer crl_guess" + attempt)
                                .statusCode());
            }

            assertEquals(
                    429,
                    forwarded(served, "10.0.2.9", "Bearer " + users.engineerToken())
                            .statusCode(),
                    "the connection's address counts: a client cannot pick another");
        }
    }

    @Test
    void an_upload_larger_than_the_limit_answers_413_and_starts_nothing() throws Exception {
        WebSettings settings = new WebSettings(folder.resolve("uploads"), "").withMaxUploadBytes(50_000);
        try (ServedApp served = ServedApp.empty(folder, settings)) {
            String boundary = "----campaign-rl-test";
            StringBuilder body = new StringBuilder();
            for (String part : new String[] {"sent", "responded", "userbase"}) {
                body.append("--")
                        .append(boundary)
                        .append("\r\n")
                        .append("Content-Disposition: form-data; name=\"")
                        .append(part)
                        .append("\"; filename=\"")
                        .append(part)
                        .append(".csv\"\r\n")
                        .append("Content-Type: text/csv\r\n\r\n")
                        .append("x".repeat(40_000))
                        .append("\r\n");
            }
            body.append("--").append(boundary).append("--\r\n");
            HttpRequest request = HttpRequest.newBuilder(URI.create(served.baseUrl() + "/data/upload"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                    .build();

            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

            assertEquals(413, response.statusCode(), response.body());
            assertTrue(served.app.jobs().jobs().isEmpty(), "no ingest started");
            try (var uploads = Files.list(folder.resolve("uploads"))) {
                assertEquals(0, uploads.mapToLong(AccessLimitsHttpTest::filesIn).sum(), "no upload kept");
            } catch (java.nio.file.NoSuchFileException none) {
                // nothing was ever written
            }
        }
    }

    @Test
    void without_users_a_change_from_another_sites_page_is_refused_and_a_same_site_one_is_not() throws Exception {
        try (ServedApp served = ServedApp.empty(folder)) {
            HttpResponse<String> crossSite = post(served, "/api/v1/models/rollback", "https://evil.example");
            HttpResponse<String> sameSite = post(served, "/api/v1/models/rollback", served.baseUrl());

            assertEquals(403, crossSite.statusCode(), crossSite.body());
            assertEquals(409, sameSite.statusCode(), "reaches the handler: nothing to roll back to");
            assertEquals(403, fetched(served, "cross-site").statusCode());
            assertEquals(403, fetched(served, "same-site").statusCode(), "another port of this host is not us");
            assertEquals(409, fetched(served, "same-origin").statusCode());
        }
    }

    private static long filesIn(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The test client stands for a reverse proxy on this machine. */
    private static WebSettings behindLocalProxy(TestUsers users) {
        return WebSettings.inTemporaryFolder()
                .withUsers(users.directory())
                .withTrustedProxies(List.of("127.0.0.1", "::1"));
    }

    private static HttpResponse<String> forwarded(ServedApp served, String client, String authorization)
            throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(served.baseUrl() + "/api/v1/models"))
                        .header("Authorization", authorization)
                        .header("X-Forwarded-For", "203.0.113.9, " + client)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ServedApp served, String path, String authorization) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(served.baseUrl() + path))
                        .header("Authorization", authorization)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A modern browser's post, which says where it came from in Sec-Fetch-Site (and Origin: null, no referrer). */
    private static HttpResponse<String> fetched(ServedApp served, String site) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(served.baseUrl() + "/api/v1/models/rollback"))
                        .header("Sec-Fetch-Site", site)
                        .header("Origin", "null")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(ServedApp served, String path, String origin) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(served.baseUrl() + path))
                        .header("Origin", origin)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
