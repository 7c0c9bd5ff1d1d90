package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding, over real HTTP: what a page on a rebinding domain sends from the user's own browser once its
 * name resolves to 127.0.0.1 ({@code Host} and {@code Origin} of that name, {@code Sec-Fetch-Site: same-origin})
 * reached the server without users and activated a model (200) and started an ingest (202). Now any {@code Host}
 * the server does not answer to is refused with 421 on every route, reads included; loopback names and
 * addresses and the names given with {@code --allowed-hosts} pass.
 */
class HostCheckHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static ServedApp served;
    static int port;

    @BeforeAll
    static void serve() throws Exception {
        served = ServedApp.trained(
                folder,
                WebSettings.inTemporaryFolder()
                        .withAllowedHosts(List.of("campaigns.example.com", "Proxy.Example:8443")));
        port = served.server.port();
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void aRebindingPageIsRefusedAndChangesNothing() throws Exception {
        String models = get("127.0.0.1:" + port, "/api/v1/models").text();
        String jobs = get("127.0.0.1:" + port, "/api/v1/jobs").text();
        String rebinding = "rebind.example:" + port;
        List<RawHttp.Response> answers = List.of(
                post(rebinding, "/api/v1/models/1/activate", ""),
                post(rebinding, "/api/v1/ingest-jobs", "{\"dataDir\":\"" + folder.resolve("logs") + "\"}"),
                post(rebinding, "/api/v1/training-jobs", "{\"episodes\":100}"),
                post(rebinding, "/login", ""),
                get(rebinding, "/api/v1/models"),
                get(rebinding, "/"),
                get(rebinding, "/assets/style.css"),
                get("127.0.0.1.rebind.example", "/health"),
                get("localhost.example", "/health"));
        for (RawHttp.Response answer : answers) {
            assertEquals(421, answer.status(), answer.text());
            JsonNode error = JSON.readTree(answer.body());
            assertEquals("Host", error.get("field").asText());
            assertTrue(
                    error.get("message").asText().startsWith("this server does not answer to the host '"),
                    error.toString());
        }
        assertEquals(models, get("127.0.0.1:" + port, "/api/v1/models").text());
        assertEquals(jobs, get("127.0.0.1:" + port, "/api/v1/jobs").text());
    }

    @Test
    void loopbackNamesAndAddressesAndTheGivenNamesAreAnsweredTo() throws Exception {
        for (String host : List.of(
                "127.0.0.1:" + port,
                "localhost:" + port,
                "LOCALHOST",
                "[::1]:" + port,
                "127.0.0.2",
                "app.localhost:" + port,
                "campaigns.example.com",
                "Campaigns.Example.COM:443",
                "proxy.example")) {
            RawHttp.Response answer = get(host, "/api/v1/models");
            assertEquals(200, answer.status(), host + ": " + answer.text());
        }
        assertEquals(
                202,
                post("localhost:" + port, "/api/v1/training-jobs", "{\"episodes\":100,\"activate\":false}")
                        .status());
    }

    private static RawHttp.Response get(String host, String path) throws Exception {
        return RawHttp.exchange(
                port, RawHttp.head(port, "GET", path, "Host: " + host).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A change as a rebinding page sends it: its own name as Host and Origin, and same-origin. */
    private static RawHttp.Response post(String host, String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = RawHttp.head(
                port,
                "POST",
                path,
                "Host: " + host,
                "Origin: http://" + host,
                "Sec-Fetch-Site: same-origin",
                "Content-Type: application/json",
                "Content-Length: " + bytes.length);
        byte[] request = new byte[head.length() + bytes.length];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, request, 0, head.length());
        System.arraycopy(bytes, 0, request, head.length(), bytes.length);
        return RawHttp.exchange(port, request);
    }
}
