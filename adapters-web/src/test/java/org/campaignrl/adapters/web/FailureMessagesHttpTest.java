package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.campaignrl.boot.Http;
import org.campaignrl.boot.ServedApp;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationProgress;
import org.campaignrl.data.GeneratorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused ingest's reason is shown to every role that may read runs and jobs ({@code /api/v1/runs}), campaign
 * managers included; the file may be one they may not read, reached by a link. Before, its first line was quoted.
 */
class FailureMessagesHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "root:$6$saltsalt$secrethash:19000:0:99999:7:::";

    @TempDir
    Path folder;

    @Test
    void a_refused_file_reached_by_a_link_is_named_but_its_contents_are_not_quoted() throws Exception {
        Path logs = folder.resolve("logs");
        new CampaignLogGenerator(new GeneratorSettings(200, 3)).writeTo(logs, GenerationProgress.NONE);
        Path secret = Files.writeString(folder.resolve("shadow"), SECRET + "\nbin:*:19000:0:99999:7:::\n");
        Files.delete(logs.resolve("userbase.csv"));
        Files.createSymbolicLink(logs.resolve("userbase.csv"), secret);

        try (ServedApp served = ServedApp.empty(folder)) {
            JsonNode started = JSON.readTree(Http.send(
                            served.baseUrl(),
                            "POST",
                            "/api/v1/ingest-jobs",
                            "{\"dataDir\": " + JSON.writeValueAsString(logs.toString()) + "}")
                    .body());
            JsonNode job = served.finishedJob(started.get("id").asLong());
            String runs = Http.send(served.baseUrl(), "GET", "/api/v1/runs", "").body();

            assertEquals("FAILED", job.get("state").asText(), job.toString());
            assertTrue(runs.contains("userbase.csv:1: no delimiter"), runs);
            for (String shown : new String[] {job.toString(), runs}) {
                assertFalse(shown.contains("secrethash") || shown.contains("saltsalt"), shown);
            }
        }
    }
}
