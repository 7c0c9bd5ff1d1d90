package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each upload's copies of the logs are removed when its ingest job ends, whatever the outcome (succeeded,
 * refused), the rejects report the dataset names staying; at start-up, the copies a killed process left are
 * removed, and nothing else: a live process's upload, a folder not named as ours, other files.
 */
class UploadCleanupHttpTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String BOUNDARY = "----campaign-rl-test";

    @TempDir
    Path folder;

    @Test
    void anUploadsLogsAreRemovedWhenItsJobEndsWhateverTheOutcome() throws Exception {
        Path uploads = folder.resolve("uploads");
        try (ServedApp served = ServedApp.trained(folder, new WebSettings(uploads, ""))) {
            Path logs = folder.resolve("logs");
            String good = upload(
                    served,
                    Files.readString(logs.resolve("sent_emails.csv")),
                    Files.readString(logs.resolve("responded.csv")),
                    Files.readString(logs.resolve("userbase.csv")));
            assertEquals(
                    "SUCCEEDED", served.finishedJob(jobId(good)).get("state").asText());
            String refused = upload(
                    served,
                    "no,header\n1,2\n",
                    Files.readString(logs.resolve("responded.csv")),
                    Files.readString(logs.resolve("userbase.csv")));
            assertEquals(
                    "FAILED", served.finishedJob(jobId(refused)).get("state").asText());

            assertEquals(
                    List.of(),
                    filesIn(uploads).stream()
                            .filter(name -> !name.equals("rejected_rows.csv"))
                            .toList(),
                    "no log copy left");
            assertEquals(1, filesIn(uploads).size(), "the succeeded upload's rejects report stays");
        }
    }

    @Test
    void atStartUpTheLogsOfAKilledProcessAreRemovedAndNothingElse() throws Exception {
        Path uploads = folder.resolve("uploads");
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Process alive = new ProcessBuilder("sleep", "600").start();
        try {
            Path killed = leftover(uploads.resolve("upload-" + ended.pid() + "-123"));
            Path legacy = leftover(uploads.resolve("upload-4567"));
            Path live = leftover(uploads.resolve("upload-" + alive.pid() + "-89"));
            Path notOurs = leftover(uploads.resolve("something-else"));
            Files.writeString(killed.resolve("rejected_rows.csv"), "file,line,field,reason,value\n");

            try (ServedApp served = ServedApp.empty(folder, new WebSettings(uploads, ""))) {
                assertEquals(List.of("rejected_rows.csv"), names(killed), "the logs went, the report stayed");
                assertFalse(Files.exists(legacy), "an earlier build's upload, emptied and removed");
                assertEquals(List.of("responded.csv", "sent_emails.csv", "userbase.csv"), names(live));
                assertEquals(List.of("responded.csv", "sent_emails.csv", "userbase.csv"), names(notOurs));
            }
        } finally {
            alive.destroy();
        }
    }

    private static Path leftover(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String log : List.of("sent_emails.csv", "responded.csv", "userbase.csv")) {
            Files.writeString(dir.resolve(log), "x\n");
        }
        return dir;
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .toList();
        }
    }

    private static long jobId(String location) {
        return Long.parseLong(location.substring(location.indexOf("job=") + 4));
    }

    /** Posts the upload form; the redirect's target, which names the job. */
    private static String upload(ServedApp served, String sent, String responded, String userbase) throws Exception {
        StringBuilder body = new StringBuilder();
        String[][] parts = {{"sent", sent}, {"responded", responded}, {"userbase", userbase}};
        for (String[] part : parts) {
            body.append("--")
                    .append(BOUNDARY)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(part[0])
                    .append("\"; filename=\"")
                    .append(part[0])
                    .append(".csv\"\r\n")
                    .append("Content-Type: text/csv\r\n\r\n")
                    .append(part[1])
                    .append("\r\n");
        }
        body.append("--").append(BOUNDARY).append("--\r\n");
        HttpResponse<String> answer = CLIENT.send(
                HttpRequest.newBuilder(URI.create(served.baseUrl() + "/data/upload"))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/data?job="), location);
        return location;
    }
}
