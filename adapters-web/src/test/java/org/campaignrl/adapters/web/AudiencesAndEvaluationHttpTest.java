package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.campaignrl.boot.Http;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The v1 audience ranking, its CSV export and a model's evaluation, over real HTTP. */
class AudiencesAndEvaluationHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static ServedApp served;

    @BeforeAll
    static void serve() throws Exception {
        served = ServedApp.trained(folder);
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return Http.send(served.baseUrl(), "GET", path, "");
    }

    @Test
    void audiences_are_ranked_by_their_lower_bound_and_respect_fixed_attributes() throws Exception {
        HttpResponse<String> response =
                get("/api/v1/audiences?subjectId=2&method=WILSON_LOWER_BOUND&minSends=5&day=5&limit=15");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        JsonNode cells = body.get("cells");
        assertTrue(cells.size() > 0 && cells.size() <= 15);
        double previous = Double.MAX_VALUE;
        for (JsonNode cell : cells) {
            assertEquals("Saturday", cell.get("labels").get(1).asText());
            assertTrue(cell.get("sends").asLong() >= 5);
            double lower = cell.get("conversionCi").get(0).asDouble();
            assertTrue(lower <= previous + 1e-12, "ranked by lower bound");
            assertTrue(lower <= cell.get("conversion").asDouble());
            previous = lower;
        }
        for (JsonNode segment : body.get("segments")) {
            assertEquals("Saturday", segment.get("labels").get(1).asText());
        }
        assertTrue(body.get("bestDay").isNull(), "the day is fixed, so there is no best day to pick");
    }

    @Test
    void audiences_are_ranked_by_the_held_out_best_method_unless_told_otherwise() throws Exception {
        HttpResponse<String> response = get("/api/v1/audiences?subjectId=2");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "SEGMENT_SHRUNK", JSON.readTree(response.body()).get("method").asText(), response.body());
    }

    @Test
    void bad_ranking_requests_name_the_field() throws Exception {
        for (String[] bad : new String[][] {
            {"subjectId=2&method=MAGIC", "method"},
            {"subjectId=2&confidence=2", "confidence"},
            {"subjectId=2&tenure=99", "fixed.tenure"},
            {"subjectId=x", "subjectId"}
        }) {
            HttpResponse<String> response = get("/api/v1/audiences?" + bad[0]);
            assertEquals(400, response.statusCode(), response.body());
            assertEquals(bad[1], JSON.readTree(response.body()).get("field").asText());
        }
        assertEquals(404, get("/api/v1/audiences?subjectId=99").statusCode());
    }

    @Test
    void the_csv_export_neutralises_nothing_it_need_not_and_has_a_row_per_audience() throws Exception {
        HttpResponse<String> response = get("/audiences.csv?subjectId=1&limit=5");
        assertEquals(200, response.statusCode());
        String[] lines = response.body().split("\n");
        assertTrue(lines[0].startsWith("kind,rank,Email Subject,Day of Week"), lines[0]);
        assertEquals(11, lines.length, response.body());
        assertTrue(lines[1].startsWith("cell,1,Email Subject 1,"), lines[1]);
    }

    @Test
    void a_models_evaluation_has_the_documented_figures() throws Exception {
        long model = served.storage.models().loadActive().orElseThrow().id();
        HttpResponse<String> response = get("/api/v1/models/" + model + "/evaluation?bootstrap=50");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        for (String field : new String[] {
            "success_rate", "mean_steps", "mean_optimal_steps", "mean_abs_q_error", "goal_cells", "states"
        }) {
            assertTrue(body.has(field), field);
        }
        double success = body.get("success_rate").asDouble();
        assertTrue(success >= 0 && success <= 1);
        assertEquals(5, body.get("folds").size());
        assertTrue(body.get("heldout").isNull(), "the test dataset kept no held-out part");
        assertEquals(404, get("/api/v1/models/999/evaluation").statusCode());
        assertEquals(400, get("/api/v1/models/x/evaluation").statusCode());
    }
}
