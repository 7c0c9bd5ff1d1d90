package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.campaignrl.boot.ServedApp;
import org.campaignrl.boot.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may do what, over real HTTP against a server with two users: a campaign manager who reads and an ML
 * engineer who also changes; bearer tokens for the API, the sign-in form, session cookie and CSRF for pages.
 */
class AccessControlHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path folder;

    static ServedApp served;
    static String managerToken;
    static String engineerToken;

    @BeforeAll
    static void serve() throws Exception {
        TestUsers users = TestUsers.fresh();
        managerToken = users.managerToken();
        engineerToken = users.engineerToken();
        served = ServedApp.trained(folder, WebSettings.inTemporaryFolder().withUsers(users.directory()));
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @ParameterizedTest(name = "{0} {1} without a token: 401")
    @CsvSource({
        "GET, /api/v1/models",
        "POST, /get-next-action",
        "GET, /campaign-audience?subjectId=1",
        "POST, /api/v1/training-jobs",
        "GET, /api/openapi.json"
    })
    void the_api_without_a_token_answers_401_in_the_shared_shape(String method, String path) throws Exception {
        HttpResponse<String> response = send(method, path, "{}", null);

        assertEquals(401, response.statusCode(), response.body());
        assertEquals(
                "Bearer realm=\"campaign-rl\"",
                response.headers().firstValue("WWW-Authenticate").orElse(""));
        JsonNode error = JSON.readTree(response.body());
        assertEquals(401, error.get("status").asInt());
        assertEquals("Authorization", error.get("field").asText());
    }

    @Test
    void an_unknown_or_malformed_token_answers_401() throws Exception {
        assertEquals(
                401,
                send("GET", "/api/v1/models", "", "Bearer crl_not-a-real-token").statusCode());
        assertEquals(
                401, send("GET", "/api/v1/models", "", "Basic " + engineerToken).statusCode());
    }

    @Test
    void health_and_assets_need_no_token() throws Exception {
        assertEquals(200, send("GET", "/health", "", null).statusCode());
        assertEquals(200, send("GET", "/assets/style.css", "", null).statusCode());
    }

    @Test
    void a_campaign_manager_reads_and_asks_for_next_actions() throws Exception {
        String bearer = "Bearer " + managerToken;
        assertEquals(200, send("GET", "/api/v1/models", "", bearer).statusCode());
        assertEquals(
                200, send("GET", "/campaign-audience?subjectId=1", "", bearer).statusCode());
        HttpResponse<String> next =
                send("POST", "/get-next-action", "{\"state\":[1,0,0,0,0,0,0],\"action\":0}", bearer);
        assertEquals(200, next.statusCode(), next.body());
    }

    @ParameterizedTest(name = "a campaign manager may not {0} {1}")
    @CsvSource({
        "POST, /api/v1/training-jobs",
        "POST, /api/v1/ingest-jobs",
        "POST, /api/v1/models/rollback",
        "POST, /api/v1/models/1/activate",
        "DELETE, /api/v1/models/1"
    })
    void a_campaign_manager_cannot_change_anything(String method, String path) throws Exception {
        int modelsBefore = served.app.modelRegistry().models().size();

        HttpResponse<String> response = send(method, path, "{}", "Bearer " + managerToken);

        assertEquals(403, response.statusCode(), response.body());
        assertTrue(JSON.readTree(response.body()).get("message").asText().contains("needs the ml-engineer role"));
        assertEquals(modelsBefore, served.app.modelRegistry().models().size());
    }

    @Test
    void an_ml_engineer_trains() throws Exception {
        HttpResponse<String> response = send(
                "POST", "/api/v1/training-jobs", "{\"episodes\":500,\"activate\":false}", "Bearer " + engineerToken);

        assertEquals(202, response.statusCode(), response.body());
    }

    @Test
    void pages_send_a_stranger_to_the_sign_in_form_and_back() throws Exception {
        HttpResponse<String> page = send("GET", "/models?a=1", "", null);

        assertEquals(303, page.statusCode());
        assertEquals(
                "/login?next=%2Fmodels%3Fa%3D1",
                page.headers().firstValue("Location").orElse(""));
        HttpResponse<String> signedIn = form("/login", "token=" + managerToken + "&next=%2Fmodels", null);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals("/models", signedIn.headers().firstValue("Location").orElse(""));
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_strict_and_secure_behind_tls() throws Exception {
        String plain = form("/login", "token=" + managerToken, null)
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow();
        assertTrue(plain.contains("HttpOnly"), plain);
        assertTrue(plain.contains("SameSite=Strict"), plain);
        assertFalse(plain.contains("Secure"), "no Secure over plain HTTP, or the browser would drop it: " + plain);

        HttpRequest behindProxy = HttpRequest.newBuilder(URI.create(served.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + managerToken))
                .build();
        String tls = CLIENT.send(behindProxy, HttpResponse.BodyHandlers.ofString())
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow();
        assertTrue(tls.contains("Secure"), tls);
    }

    @Test
    void a_wrong_token_at_sign_in_is_refused_with_401() throws Exception {
        HttpResponse<String> response = form("/login", "token=crl_wrong", null);

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("that token is not known"), response.body());
        assertTrue(response.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void a_form_without_its_csrf_token_is_refused_with_403_and_changes_nothing() throws Exception {
        String cookie = signIn(engineerToken);
        long activeBefore = activeModel();

        HttpResponse<String> without = form("/models/rollback", "", cookie);
        HttpResponse<String> wrong = form("/models/rollback", "csrf=forged", cookie);

        assertEquals(403, without.statusCode(), without.body());
        assertEquals("csrf", JSON.readTree(without.body()).get("field").asText());
        assertEquals(403, wrong.statusCode(), wrong.body());
        assertEquals(activeBefore, activeModel());
    }

    @Test
    void a_form_with_its_csrf_token_goes_through() throws Exception {
        String cookie = signIn(engineerToken);
        String csrf = csrfToken(send("GET", "/models", "", null, cookie).body());

        HttpResponse<String> trained = form(
                "/models/train",
                "csrf=" + csrf + "&episodes=300&epsilon=0.9&alpha=0.5"
                        + "&gamma=0.9&maxSteps=20&seed=3&targetRate=0.4&minSends=10&rewardFactor=10",
                cookie);

        assertEquals(303, trained.statusCode(), trained.body());
        assertTrue(trained.headers().firstValue("Location").orElse("").startsWith("/models?job="));
    }

    @Test
    void a_campaign_managers_pages_show_no_forms_that_change_and_their_posts_are_refused() throws Exception {
        String cookie = signIn(managerToken);
        String models = send("GET", "/models", "", null, cookie).body();
        String data = send("GET", "/data", "", null, cookie).body();

        assertFalse(models.contains("id=\"train-form\""));
        assertFalse(models.contains("data-activate"));
        assertFalse(data.contains("id=\"upload-form\""));
        assertTrue(models.contains("ann · campaign-manager"), "the header names who is signed in");
        String csrf = csrfToken(models);
        assertEquals(403, form("/models/rollback", "csrf=" + csrf, cookie).statusCode());
    }

    @Test
    void signing_out_ends_the_session() throws Exception {
        String cookie = signIn(managerToken);
        String csrf = csrfToken(send("GET", "/", "", null, cookie).body());

        assertEquals(303, form("/logout", "csrf=" + csrf, cookie).statusCode());
        assertEquals(303, send("GET", "/", "", null, cookie).statusCode(), "back to the sign-in form");
    }

    @Test
    void a_change_posted_from_another_sites_page_is_refused_even_with_a_session() throws Exception {
        String cookie = signIn(engineerToken);
        String csrf = csrfToken(send("GET", "/models", "", null, cookie).body());
        HttpRequest request = HttpRequest.newBuilder(URI.create(served.baseUrl() + "/models/rollback"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf))
                .build();

        assertEquals(
                403, CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void the_sign_in_form_only_returns_to_pages_of_this_server() throws Exception {
        for (String next : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example"}) {
            HttpResponse<String> response = form(
                    "/login",
                    "token=" + managerToken + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                    null);
            assertEquals("/", response.headers().firstValue("Location").orElse(""), next);
        }
    }

    @Test
    void without_users_the_server_refuses_to_listen_beyond_loopback() {
        ServedApp local = served;
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> new WebServer(local.app).start("0.0.0.0", 0));

        assertTrue(refused.getMessage().contains("no users are configured"), refused.getMessage());
        assertTrue(WebServer.isLoopback("127.0.0.1"));
        assertTrue(WebServer.isLoopback("::1"));
        assertFalse(WebServer.isLoopback("0.0.0.0"));
    }

    private static long activeModel() {
        return served.app.servingStatus().status().activeModel().orElseThrow().id();
    }

    /** Signs in through the form and returns the session cookie as a Cookie header value. */
    private static String signIn(String token) throws Exception {
        String setCookie = form("/login", "token=" + token, null)
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrfToken(String page) {
        Matcher matcher = CSRF_FIELD.matcher(page);
        assertTrue(matcher.find(), "the page carries a CSRF field");
        return matcher.group(1);
    }

    private static HttpResponse<String> form(String path, String body, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(served.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, String body, String authorization)
            throws Exception {
        return send(method, path, body, authorization, null);
    }

    private static HttpResponse<String> send(
            String method, String path, String body, String authorization, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(served.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertNotNull(response.headers().firstValue("Content-Security-Policy").orElse(null));
        return response;
    }
}
