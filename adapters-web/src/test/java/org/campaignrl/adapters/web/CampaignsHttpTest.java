package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.CampaignsUseCase;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.boot.Http;
import org.campaignrl.boot.ServedApp;
import org.campaignrl.boot.TestUsers;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.PlanAnswer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /api/v1/campaigns…} over real HTTP on 127.0.0.1, over in-memory storage that keeps customers and plans:
 * preview, plan, list, show, the send list, the readout after the generator answered the plan and its logs were
 * ingested, "its sends never appeared", every refusal a 400 naming its field, and who may call what.
 */
class CampaignsHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String START = "2026-12-07";

    @TempDir
    static Path folder;

    static ServedApp served;
    static OpenApiSchemaCheck schemas;
    static JsonNode document;
    static int subject;

    @BeforeAll
    static void serve() throws Exception {
        served = ServedApp.withCampaigns(folder.resolve("app"), WebSettings.inTemporaryFolder());
        document = JSON.readTree(
                Http.send(served.baseUrl(), "GET", "/api/openapi.json", "").body());
        schemas = new OpenApiSchemaCheck(document);
        subject = served.app
                .servingStatus()
                .status()
                .latestDataset()
                .orElseThrow()
                .subjectIds()
                .get(0);
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    private static String plan(int budget) {
        return "{\"subjectId\":" + subject + ",\"budget\":" + budget + ",\"startDate\":\"" + START + "\"}";
    }

    @Test
    void a_preview_expects_within_the_budget_and_stores_nothing() throws Exception {
        int before = served.app.campaigns().list().size();

        HttpResponse<String> preview = Http.send(served.baseUrl(), "POST", "/api/v1/campaigns/preview", plan(300));

        assertEquals(200, preview.statusCode(), preview.body());
        assertMatches("POST", "/api/v1/campaigns/preview", preview);
        JsonNode plan = JSON.readTree(preview.body());
        assertEquals(0, plan.get("id").asLong());
        JsonNode chosen = plan.get("figures").get("chosen");
        assertEquals(300, chosen.get("customers").asLong());
        assertTrue(
                chosen.get("lower").asDouble() <= chosen.get("expected").asDouble()
                        && chosen.get("expected").asDouble()
                                <= chosen.get("upper").asDouble()
                        && chosen.get("upper").asDouble() <= 300,
                chosen.toString());
        assertEquals(before, served.app.campaigns().list().size(), "a preview is not stored");
    }

    @Test
    void a_plan_is_stored_listed_shown_and_its_send_list_streams_each_customer_once() throws Exception {
        HttpResponse<String> made = Http.send(served.baseUrl(), "POST", "/api/v1/campaigns", plan(400));

        assertEquals(201, made.statusCode(), made.body());
        assertMatches("POST", "/api/v1/campaigns", made);
        JsonNode plan = JSON.readTree(made.body());
        long id = plan.get("id").asLong();
        assertEquals(
                "/api/v1/campaigns/" + id, made.headers().firstValue("Location").orElseThrow());
        assertEquals("SEGMENT_SHRUNK", plan.get("method").asText(), "the held-out best ranks unless told otherwise");

        HttpResponse<String> list = Http.send(served.baseUrl(), "GET", "/api/v1/campaigns", "");
        assertEquals(200, list.statusCode());
        assertMatches("GET", "/api/v1/campaigns", list);
        assertEquals(id, JSON.readTree(list.body()).get(0).get("id").asLong(), "newest first");

        HttpResponse<String> shown = Http.send(served.baseUrl(), "GET", "/api/v1/campaigns/" + id, "");
        assertEquals(200, shown.statusCode());
        assertMatches("GET", "/api/v1/campaigns/{id}", shown);
        assertTrue(JSON.readTree(shown.body()).get("readout").isNull(), "no readout before an ingest");

        HttpResponse<String> csv = Http.send(served.baseUrl(), "GET", "/api/v1/campaigns/" + id + "/send-list.csv", "");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow().contains("attachment"));
        List<String> rows = csv.body().lines().toList();
        assertEquals(CampaignsUseCase.SEND_LIST_HEADER, rows.get(0));
        assertEquals(
                plan.get("figures").get("customers").asLong(),
                rows.size() - 1,
                "target, explore and a business-as-usual control are all sent");
        Set<String> customers = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertTrue(customers.add(cells[0]), "customer " + cells[0] + " twice");
            assertTrue(cells[1].contains("@"), row);
            assertEquals(Integer.toString(subject), cells[2]);
            assertTrue(cells[3].compareTo(START) >= 0, row);
            groups.add(cells[4]);
        }
        assertEquals(Set.of("target", "explore", "control"), groups);
    }

    @Test
    void a_send_list_larger_than_the_servers_buffer_goes_out_as_it_is_written() throws Exception {
        long id = JSON.readTree(Http.send(served.baseUrl(), "POST", "/api/v1/campaigns", plan(3000))
                        .body())
                .get("id")
                .asLong();

        RawHttp.Response csv =
                RawHttp.send(served.server.port(), "GET", "/api/v1/campaigns/" + id + "/send-list.csv", null, null);

        assertEquals(200, csv.status(), csv.text());
        assertTrue(csv.body().length > 64 * 1024, "larger than Jetty's output buffer: " + csv.body().length);
        // Streamed: the answer started before its length was known (it goes out in chunks on a kept-alive connection,
        // to the close on this one), so the list never sat whole in memory first.
        assertEquals(null, csv.header("Content-Length"), csv.headers().toString());
        assertTrue(csv.text().startsWith(CampaignsUseCase.SEND_LIST_HEADER + "\n"));
    }

    @Test
    void the_readout_after_the_answered_plan_is_ingested_and_a_plan_whose_sends_never_appear_says_so()
            throws Exception {
        JsonNode plan = JSON.readTree(Http.send(served.baseUrl(), "POST", "/api/v1/campaigns", plan(600))
                .body());
        long id = plan.get("id").asLong();
        Path sendList = folder.resolve("send-list-" + id + ".csv");
        Files.writeString(
                sendList,
                Http.send(served.baseUrl(), "GET", "/api/v1/campaigns/" + id + "/send-list.csv", "")
                        .body());
        Path answered = folder.resolve("answered-" + id);
        PlanAnswer.answer(
                sendList,
                served.logs.resolve(CampaignLogGenerator.TRUTH),
                served.logs.resolve(CampaignLogGenerator.USERBASE),
                answered,
                11);

        served.app.ingestLogs().ingest(IngestLogsCommand.inFolder(answered), ProgressListener.NONE);

        HttpResponse<String> shown = Http.send(served.baseUrl(), "GET", "/api/v1/campaigns/" + id, "");
        assertMatches("GET", "/api/v1/campaigns/{id}", shown);
        JsonNode readout = JSON.readTree(shown.body()).get("readout");
        assertTrue(readout.get("sendsFound").asBoolean(), readout.toString());
        assertEquals(
                List.of("target", "explore", "control"), readout.get("groups").findValuesAsText("group"));
        JsonNode target = readout.get("groups").get(0);
        assertEquals(
                plan.get("figures").get("target").get("customers").asLong(),
                target.get("sent").asLong());
        assertTrue(
                target.get("lower").asDouble() <= target.get("conversion").asDouble()
                        && target.get("conversion").asDouble()
                                <= target.get("upper").asDouble(),
                target.toString());
        JsonNode lift = readout.get("lift");
        assertFalse(lift.isNull(), readout.toString());
        assertTrue(
                lift.get("absoluteLower").asDouble() <= lift.get("absolute").asDouble()
                        && lift.get("absolute").asDouble()
                                <= lift.get("absoluteUpper").asDouble(),
                lift.toString());
        assertFalse(readout.get("calibration").isEmpty(), readout.toString());

        // A plan made now, then logs that do not hold its sends (the original ones, years before its start).
        long later = JSON.readTree(Http.send(served.baseUrl(), "POST", "/api/v1/campaigns", plan(100))
                        .body())
                .get("id")
                .asLong();
        served.app.ingestLogs().ingest(IngestLogsCommand.inFolder(served.logs), ProgressListener.NONE);
        JsonNode never = JSON.readTree(Http.send(served.baseUrl(), "GET", "/api/v1/campaigns/" + later, "")
                        .body())
                .get("readout");
        assertFalse(never.get("sendsFound").asBoolean(), never.toString());
        assertEquals(CampaignsApi.NO_SENDS_FOUND, never.get("message").asText());
        JsonNode first = JSON.readTree(Http.send(served.baseUrl(), "GET", "/api/v1/campaigns/" + id, "")
                        .body())
                .get("readout");
        assertTrue(first.get("sendsFound").asBoolean(), "logs without its sends leave a found readout standing");
    }

    @ParameterizedTest(name = "{0} {1} → 400 {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/campaigns         | {\"subjectId\":{subject},\"budget\":100000000}                   | budget",
                "/api/v1/campaigns         | {\"subjectId\":99999,\"budget\":100}                             | subjectId",
                "/api/v1/campaigns         | {\"subjectId\":{subject},\"budget\":100,\"explorationShare\":-0.1} | explorationShare",
                "/api/v1/campaigns         | {\"subjectId\":{subject},\"budget\":100,\"controlShare\":-0.2}   | controlShare",
                "/api/v1/campaigns         | {\"subjectId\":{subject},\"budget\":100,\"controlShare\":1}      | controlShare",
                "/api/v1/campaigns         | {\"subjectId\":{subject},\"budget\":100,\"threshold\":0.3}       | threshold",
                "/api/v1/campaigns         | {\"subjectId\":{subject}}                                        | budget",
                "/api/v1/campaigns         | {\"subjectId\":{subject},\"budget\":0}                           | budget",
                "/api/v1/campaigns         | {\"subjectId\":{subject},\"budget\":1.5}                         | budget",
                "/api/v1/campaigns         | {\"subjectId\":{subject},\"budget\":100,\"day\":\"Caturday\"}    | day",
                "/api/v1/campaigns         | {\"subjectId\":{subject},\"budget\":100,\"method\":\"GUESS\"}    | method",
                "/api/v1/campaigns         | {\"subjectId\":{subject},\"budget\":100,\"control\":\"SOME\"}    | control",
                "/api/v1/campaigns         | {\"subjectId\":{subject},\"budget\":100,\"startDate\":\"soon\"}  | startDate",
                "/api/v1/campaigns         | {\"subjectId\":{subject},\"budgt\":100}                          | budgt",
                "/api/v1/campaigns         | {\"budget\":100}                                                 | subjectId",
                "/api/v1/campaigns         | {not json                                                        | body",
                "/api/v1/campaigns/preview | {\"subjectId\":{subject},\"budget\":100000000}                   | budget",
                "/api/v1/campaigns/preview | {\"subjectId\":{subject},\"budget\":100,\"controlShare\":1}      | controlShare",
                "/api/v1/campaigns/preview | {\"subjectId\":99999,\"budget\":100}                             | subjectId",
            })
    void bad_input_answers_400_naming_the_field(String path, String body, String field) throws Exception {
        int before = served.app.campaigns().list().size();

        HttpResponse<String> response =
                Http.send(served.baseUrl(), "POST", path, body.replace("{subject}", Integer.toString(subject)));

        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals(
                List.of(),
                schemas.problems(error, JSON.createObjectNode().put("$ref", "#/components/schemas/ApiError")),
                response.body());
        assertEquals(field, error.get("field").asText(), response.body());
        assertEquals(before, served.app.campaigns().list().size(), "a refused plan stores nothing");
    }

    @ParameterizedTest(name = "GET {0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/campaigns/999999               | 404",
                "/api/v1/campaigns/999999/send-list.csv | 404",
                "/api/v1/campaigns/abc                  | 400",
                "/api/v1/campaigns/abc/send-list.csv    | 400",
            })
    void an_unknown_or_malformed_plan_id_is_refused_in_the_shared_shape(String path, int status) throws Exception {
        HttpResponse<String> response = Http.send(served.baseUrl(), "GET", path, "");

        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals(status, JSON.readTree(response.body()).get("status").asInt());
    }

    @Test
    void the_plan_form_plans_without_scripts_and_shows_a_refusal_on_the_page() throws Exception {
        String form = "subjectId=" + subject + "&budget=120&threshold=&day=BEST&method=SEGMENT_SHRUNK"
                + "&explorationShare=0.1&controlShare=0.1&control=BUSINESS_AS_USUAL&startDate=" + START + "&seed=4";
        HttpResponse<String> planned = form("/campaigns", form);
        assertEquals(303, planned.statusCode(), planned.body());
        String location = planned.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/campaigns/\\d+"), location);

        HttpResponse<String> page = Http.send(served.baseUrl(), "GET", location, "");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"readout\" data-state=\"none\""), "no readout yet");
        assertTrue(page.body().contains("/send-list.csv"), "the send list's link");

        HttpResponse<String> refused = form("/campaigns", form.replace("budget=120", "budget=99999999"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"problem\"") && refused.body().contains("budget: "), refused.body());
        assertTrue(refused.body().contains("value=\"99999999\""), "the form keeps what was typed");

        assertEquals(
                404, Http.send(served.baseUrl(), "GET", "/campaigns/999999", "").statusCode());
        assertEquals(200, Http.send(served.baseUrl(), "GET", "/campaigns", "").statusCode());
    }

    private static HttpResponse<String> form(String path, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(served.baseUrl() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void campaign_managers_plan_read_and_export_engineers_plan_and_read_but_never_export() throws Exception {
        TestUsers users = TestUsers.fresh();
        try (ServedApp withUsers = ServedApp.withCampaigns(
                folder.resolve("users"), WebSettings.inTemporaryFolder().withUsers(users.directory()))) {
            String base = withUsers.baseUrl();
            HttpResponse<String> planned = bearer(base, "POST", "/api/v1/campaigns", plan(50), users.managerToken());
            assertEquals(201, planned.statusCode(), planned.body());
            String id = Long.toString(JSON.readTree(planned.body()).get("id").asLong());
            String sendList = "/api/v1/campaigns/" + id + "/send-list.csv";

            for (String token : List.of(users.managerToken(), users.engineerToken())) {
                assertEquals(
                        200, bearer(base, "GET", "/api/v1/campaigns", "", token).statusCode());
                assertEquals(
                        200,
                        bearer(base, "GET", "/api/v1/campaigns/" + id, "", token)
                                .statusCode());
                assertEquals(
                        200,
                        bearer(base, "POST", "/api/v1/campaigns/preview", plan(50), token)
                                .statusCode());
            }
            assertEquals(
                    201,
                    bearer(base, "POST", "/api/v1/campaigns", plan(50), users.engineerToken())
                            .statusCode());
            assertEquals(
                    200, bearer(base, "GET", sendList, "", users.managerToken()).statusCode());

            HttpResponse<String> refused = bearer(base, "GET", sendList, "", users.engineerToken());
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("may export email addresses (campaign-manager)"), refused.body());
            assertFalse(refused.body().contains("@"), "no address in a refusal");

            for (String path : List.of("/api/v1/campaigns", "/api/v1/campaigns/" + id, sendList)) {
                assertEquals(401, Http.send(base, "GET", path, "").statusCode(), path);
            }
            assertEquals(
                    401, Http.send(base, "POST", "/api/v1/campaigns", plan(50)).statusCode());
            assertEquals(
                    401,
                    Http.send(base, "POST", "/api/v1/campaigns/preview", plan(50))
                            .statusCode());
        }
    }

    @Test
    void signed_in_pages_plan_with_the_csrf_token_and_show_the_download_link_only_to_roles_that_may_export()
            throws Exception {
        TestUsers users = TestUsers.fresh();
        try (ServedApp withUsers = ServedApp.withCampaigns(
                folder.resolve("pages"), WebSettings.inTemporaryFolder().withUsers(users.directory()))) {
            String manager = signIn(withUsers, users.managerToken());
            String engineer = signIn(withUsers, users.engineerToken());
            String form = "subjectId=" + subject + "&budget=80&startDate=" + START;

            assertEquals(
                    403, page(withUsers, "POST", "/campaigns", form, manager).statusCode(), "no CSRF token");
            String csrf =
                    csrfToken(page(withUsers, "GET", "/campaigns", "", manager).body());
            HttpResponse<String> planned = page(withUsers, "POST", "/campaigns", form + "&csrf=" + csrf, manager);
            assertEquals(303, planned.statusCode(), planned.body());
            String plan = planned.headers().firstValue("Location").orElseThrow();

            String managerPage = page(withUsers, "GET", plan, "", manager).body();
            assertTrue(managerPage.contains("id=\"send-list\""), "a campaign manager may download the send list");
            String engineerPage = page(withUsers, "GET", plan, "", engineer).body();
            assertFalse(engineerPage.contains("id=\"send-list\""), "an engineer is not offered the download");
            assertTrue(engineerPage.contains("id=\"send-list-refused\""));
            String sendList = "/api/v1/campaigns/" + plan.substring(plan.lastIndexOf('/') + 1) + "/send-list.csv";
            assertEquals(200, page(withUsers, "GET", sendList, "", manager).statusCode(), "the link works signed in");
            assertEquals(403, page(withUsers, "GET", sendList, "", engineer).statusCode());
        }
    }

    /** Signs in through the form; answers the session cookie. */
    private static String signIn(ServedApp app, String token) throws Exception {
        HttpResponse<String> signedIn = CLIENT.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&next=/campaigns"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static HttpResponse<String> page(ServedApp app, String method, String path, String form, String cookie)
            throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .method(
                                method,
                                form.isEmpty()
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfToken(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(html);
        assertTrue(m.find(), "the plan form carries the session's CSRF token");
        return m.group(1);
    }

    private static HttpResponse<String> bearer(String base, String method, String path, String body, String token)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertMatches(String method, String template, HttpResponse<String> response) throws Exception {
        JsonNode answer = document.path("paths")
                .path(template)
                .path(method.toLowerCase(Locale.ROOT))
                .path("responses")
                .path(Integer.toString(response.statusCode()));
        assertFalse(answer.isMissingNode(), method + " " + template + " does not document " + response.statusCode());
        JsonNode schema =
                schemas.resolve(answer).path("content").path("application/json").path("schema");
        assertEquals(List.of(), schemas.problems(JSON.readTree(response.body()), schema), response.body());
    }
}
