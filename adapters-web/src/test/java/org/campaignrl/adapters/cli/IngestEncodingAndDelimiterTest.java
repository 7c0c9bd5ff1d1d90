package org.campaignrl.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.campaignrl.boot.CliRun;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs in other encodings and delimiters, end to end: the CLI's {@code ingest} detects them or takes
 * {@code --encoding} and {@code --delimiter}, and prints what each file was read with; the API and the Data
 * page's form take the same as optional {@code encoding} and {@code delimiter} fields.
 */
class IngestEncodingAndDelimiterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path folder;
    /** A spreadsheet's export: sends with semicolons and a byte order mark, tab-separated responses, a windows-1252 userbase. */
    Path european;

    String db;

    @BeforeEach
    void writeLogs() throws IOException {
        european = Files.createDirectories(folder.resolve("european"));
        write(
                european.resolve("sent_emails.csv"),
                "\uFEFFSent_Date;Customer_ID;SubjectLine_ID\n2016-01-04;1;1\n" + "2016-01-05;2;2\n2016-01-06;3;1\n",
                StandardCharsets.UTF_8);
        write(
                european.resolve("responded.csv"),
                "Responded_Date\tCustomer_ID\tSubjectLine_ID\n2016-01-05\t1\t1\n",
                StandardCharsets.UTF_8);
        write(
                european.resolve("userbase.csv"),
                "Customer_ID,Gender,Type,Email_Address,Age,Tenure\n"
                        + "1,F,C,müller@gmx.de,30,12\n2,M,B,bob@yahoo.com,19,3\n3,F,B,cy@gmx.de,45,31\n",
                Charset.forName("windows-1252"));
        db = "--db=jdbc:h2:file:" + folder.resolve("db/campaign-rl").toAbsolutePath();
    }

    @Test
    void ingestSaysWhatEachFileWasReadWith() {
        CliRun ingest = run("ingest", "--data-dir", european.toString(), db);

        assertEquals(0, ingest.exitCode(), ingest.err());
        assertTrue(
                ingest.out().contains("read as windows-1252 (fallback: not valid UTF-8), delimiter ',' (detected)"),
                ingest.out());
        assertTrue(
                ingest.out().contains("read as UTF-8 (detected: valid UTF-8), delimiter tab (detected)"), ingest.out());
        assertTrue(
                ingest.out().contains("read as UTF-8 (detected: byte order mark), delimiter ';' (detected)"),
                ingest.out());
    }

    @Test
    void aGivenEncodingAndDelimiterAreUsedForEveryFileAndSaidToBeGiven() throws IOException {
        for (String file : new String[] {"sent_emails.csv", "responded.csv", "userbase.csv"}) {
            Path path = european.resolve(file);
            String text = new String(
                            Files.readAllBytes(path),
                            file.equals("userbase.csv") ? Charset.forName("windows-1252") : StandardCharsets.UTF_8)
                    .replace("\uFEFF", "");
            write(path, text.replace(',', '|').replace(';', '|').replace('\t', '|'), Charset.forName("windows-1252"));
        }

        CliRun ingest =
                run("ingest", "--data-dir", european.toString(), "--encoding", "cp1252", "--delimiter", "pipe", db);

        assertEquals(0, ingest.exitCode(), ingest.err());
        assertEquals(
                3,
                ingest.out().split("read as windows-1252 \\(given\\), delimiter '\\|' \\(given\\)", -1).length - 1,
                ingest.out());
    }

    @Test
    void aGivenDelimiterThatDoesNotSplitAHeaderStopsTheIngestWithOneLine() {
        CliRun ingest = run("ingest", "--data-dir", european.toString(), "--delimiter", "tab", db);

        assertEquals(1, ingest.exitCode(), ingest.out());
        assertEquals(1, ingest.err().strip().lines().count(), ingest.err());
        assertTrue(
                ingest.err().contains("userbase.csv")
                        && ingest.err().contains("at the delimiter tab that was given; " + "',' would"),
                ingest.err());
    }

    @Test
    void anUnknownEncodingOrDelimiterIsAUsageError() {
        CliRun encoding = run("ingest", "--data-dir", european.toString(), "--encoding", "klingon", db);
        assertEquals(2, encoding.exitCode());
        assertTrue(
                encoding.err().contains("Invalid value for option '--encoding'")
                        && encoding.err().contains("unknown encoding 'klingon'"),
                encoding.err());

        CliRun delimiter = run("ingest", "--data-dir", european.toString(), "--delimiter", ":", db);
        assertEquals(2, delimiter.exitCode());
        assertTrue(
                delimiter.err().contains("Invalid value for option '--delimiter'")
                        && delimiter.err().contains("',' ';' tab '|'"),
                delimiter.err());
    }

    @Test
    void theApiAndTheDataPageTakeTheSameFields() throws Exception {
        try (ServedApp served = ServedApp.empty(folder)) {
            String dataDir = JSON.writeValueAsString(european.toString());
            HttpResponse<String> badEncoding = post(
                    served,
                    "/api/v1/ingest-jobs",
                    "application/json",
                    "{\"dataDir\":" + dataDir + ",\"encoding\":\"klingon\"}");
            assertEquals(400, badEncoding.statusCode(), badEncoding.body());
            assertEquals(
                    "encoding", JSON.readTree(badEncoding.body()).get("field").asText());

            // Given, a semicolon is used for every file: the userbase's header does not split at it.
            JsonNode refused = finished(
                    served,
                    post(
                            served,
                            "/api/v1/ingest-jobs",
                            "application/json",
                            "{\"dataDir\":" + dataDir + ",\"delimiter\":\";\"}"));
            assertEquals("FAILED", refused.get("state").asText(), refused.toString());
            assertTrue(
                    refused.get("outcome").asText().contains("at the delimiter ';' that was given"),
                    refused.toString());

            JsonNode detected = finished(
                    served,
                    post(
                            served,
                            "/api/v1/ingest-jobs",
                            "application/json",
                            "{\"dataDir\":" + dataDir + ",\"encoding\":\"auto\",\"delimiter\":\"auto\"}"));
            assertEquals("SUCCEEDED", detected.get("state").asText(), detected.toString());

            HttpResponse<String> badForm = post(
                    served,
                    "/data/ingest",
                    "application/x-www-form-urlencoded",
                    "dataDir=" + URLEncoder.encode(european.toString(), StandardCharsets.UTF_8) + "&delimiter=colon");
            assertEquals(400, badForm.statusCode());
            assertTrue(badForm.body().contains("delimiter: must be auto or one of"), badForm.body());
            assertTrue(badForm.body().contains("<th scope=\"col\">Read as</th>"), "the files' table has the column");
        }
    }

    /** The line limit is one more option of the same three: below the userbase's header line, it refuses the file. */
    @Test
    void theLineLimitIsGivenToTheCliTheApiAndTheDataPage() throws Exception {
        CliRun low = run("ingest", "--data-dir", european.toString(), "--max-line-bytes", "30", db);
        assertEquals(1, low.exitCode(), low.out());
        assertTrue(
                low.err().contains("userbase.csv:1: the header line is longer than 30 bytes, the line limit"),
                low.err());
        CliRun none = run("ingest", "--data-dir", european.toString(), "--max-line-bytes", "0", db);
        assertEquals(1, none.exitCode(), none.out());
        assertTrue(none.err().contains("maxLineBytes") && none.err().contains("1..1073741824"), none.err());
        CliRun raised = run("ingest", "--data-dir", european.toString(), "--max-line-bytes", "1000000000", db);
        assertEquals(0, raised.exitCode(), raised.err());

        try (ServedApp served = ServedApp.empty(folder)) {
            String dataDir = JSON.writeValueAsString(european.toString());
            JsonNode refused = finished(
                    served,
                    post(
                            served,
                            "/api/v1/ingest-jobs",
                            "application/json",
                            "{\"dataDir\":" + dataDir + ",\"maxLineBytes\":30}"));
            assertEquals("FAILED", refused.get("state").asText(), refused.toString());
            assertTrue(
                    refused.get("outcome").asText().contains("the header line is longer than 30 bytes"),
                    refused.toString());
            for (String wrong : new String[] {"0", "\"many\"", "2147483648"}) {
                HttpResponse<String> bad = post(
                        served,
                        "/api/v1/ingest-jobs",
                        "application/json",
                        "{\"dataDir\":" + dataDir + ",\"maxLineBytes\":" + wrong + "}");
                assertEquals(400, bad.statusCode(), bad.body());
                assertEquals(
                        "maxLineBytes", JSON.readTree(bad.body()).get("field").asText(), bad.body());
            }
            HttpResponse<String> badForm = post(
                    served,
                    "/data/ingest",
                    "application/x-www-form-urlencoded",
                    "dataDir=" + URLEncoder.encode(european.toString(), StandardCharsets.UTF_8) + "&maxLineBytes=-5");
            assertEquals(400, badForm.statusCode());
            assertTrue(badForm.body().contains("maxLineBytes: must be within 1..1073741824, was -5"), badForm.body());
            assertTrue(badForm.body().contains("name=\"maxLineBytes\""), "the form has the field");
        }
    }

    private static HttpResponse<String> post(ServedApp served, String path, String type, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(served.baseUrl() + path))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the job the answer started until it has finished; the test's own timeout is the surefire run's. */
    private static JsonNode finished(ServedApp served, HttpResponse<String> started) throws Exception {
        assertEquals(202, started.statusCode(), started.body());
        return served.finishedJob(JSON.readTree(started.body()).get("id").asLong());
    }

    private static void write(Path path, String text, Charset charset) throws IOException {
        Files.write(path, text.getBytes(charset));
    }

    private CliRun run(String... args) {
        return CliRun.in(folder, args);
    }
}
