package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's mistakes in the headers or the framing of a request, over real HTTP through raw sockets (a client
 * library will not send them): an unknown charset in {@code Content-Type} ({@code bogus}, {@code "a b"}, an empty
 * one) on every registered route, and a body cut short (a truncated chunked body, a bad chunk size, fewer bytes
 * than {@code Content-Length}) on every route that reads one. Each answers 4xx in the {@code ApiError} shape (the
 * upload form: on the Data page, as its other refusals) and adds at most one line to the log; before, each was a
 * 500 with a 48-line stack trace.
 */
class RequestHeadersHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Changes what is served whatever the body says: never sent, here or in {@code ApiFuzzHttpTest}. */
    private static final List<String> NEVER = List.of("POST /api/v1/models/rollback", "POST /models/rollback");
    /** The routes that read a body: a body cut short fails them before they do anything. */
    private static final List<String> READ_A_BODY = List.of(
            "POST /login",
            "POST /get-next-action",
            "POST /api/v1/training-jobs",
            "POST /api/v1/ingest-jobs",
            "POST /models/train",
            "POST /data/ingest",
            "POST /data/upload");

    private static final List<String> BAD_TYPES = List.of(
            "text/plain; charset=bogus",
            "application/json; charset=\"a b\"",
            "application/x-www-form-urlencoded; charset=",
            "application/json;charset=bogus",
            "multipart/form-data; boundary=x; charset=no such",
            "application/json; charset");

    @TempDir
    static Path folder;

    static ServedApp served;
    static int port;

    @BeforeAll
    static void serve() throws Exception {
        served = ServedApp.trained(folder);
        port = served.server.port();
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void anUnknownCharsetAnswers415OnEveryRoute() throws Exception {
        List<String> routes = new ArrayList<>(served.server.registeredRoutes());
        routes.removeAll(NEVER);
        assertTrue(routes.containsAll(READ_A_BODY), routes.toString());
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            String target = parts[1].replaceAll("\\{[^}]+}", "987654321");
            for (String type : BAD_TYPES) {
                byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
                Refused refused = send(
                        RawHttp.head(port, parts[0], target, "Content-Type: " + type, "Content-Length: " + body.length),
                        body);
                assertEquals(415, refused.response.status(), route + " " + type + ": " + refused.response.text());
                JsonNode error = refused.error();
                assertEquals("Content-Type", error.get("field").asText(), error.toString());
                assertTrue(error.get("message").asText().matches("(unknown|a malformed) charset .*"), error.toString());
                refused.assertAtMostOneLogLine(route + " " + type);
            }
        }
    }

    @Test
    void aBodyCutShortAnswers400OnEveryRouteThatReadsOne() throws Exception {
        for (String route : READ_A_BODY) {
            String[] parts = route.split(" ", 2);
            String type = parts[1].equals("/data/upload")
                    ? "multipart/form-data; boundary=x"
                    : parts[1].startsWith("/api") || parts[1].equals("/get-next-action")
                            ? "application/json"
                            : "application/x-www-form-urlencoded";
            List<Refused> answers = List.of(
                    send(
                            RawHttp.head(
                                    port, parts[0], parts[1], "Content-Type: " + type, "Transfer-Encoding: chunked"),
                            "64\r\n{\"state\":[1,".getBytes(StandardCharsets.US_ASCII)),
                    send(
                            RawHttp.head(
                                    port, parts[0], parts[1], "Content-Type: " + type, "Transfer-Encoding: chunked"),
                            "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                    send(
                            RawHttp.head(port, parts[0], parts[1], "Content-Type: " + type, "Content-Length: 100"),
                            "{\"state\":[1,".getBytes(StandardCharsets.US_ASCII)));
            for (Refused refused : answers) {
                assertEquals(400, refused.response.status(), route + ": " + refused.response.text());
                if (route.equals("POST /data/upload")) {
                    // The upload form shows its own refusals on the Data page, for the person who sent it.
                    assertTrue(refused.response.text().contains("the multipart body is malformed"), route);
                } else {
                    refused.error();
                }
                refused.assertAtMostOneLogLine(route);
            }
        }
    }

    /** An answer, and what the server logged while it answered. */
    private record Refused(RawHttp.Response response, String log) {
        JsonNode error() throws Exception {
            assertTrue(
                    response.header("Content-Type").startsWith("application/json"),
                    response.headers().toString());
            JsonNode error = JSON.readTree(response.body());
            assertEquals(response.status(), error.get("status").asInt(), error.toString());
            assertTrue(error.get("error").isTextual() && error.get("message").isTextual(), error.toString());
            return error;
        }

        void assertAtMostOneLogLine(String what) {
            assertTrue(log.lines().count() <= 1, what + " logged " + log.lines().count() + " lines:\n" + log);
        }
    }

    /**
     * Sends the request through a raw socket while catching what the server writes to stderr, where its log goes
     * (slf4j-simple looks up {@code System.err} on every line).
     */
    private static Refused send(String head, byte[] body) throws Exception {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.getBytes(StandardCharsets.ISO_8859_1));
        request.write(body);
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            RawHttp.Response response = RawHttp.exchange(port, request.toByteArray());
            return new Refused(response, log.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(stderr);
        }
    }
}
