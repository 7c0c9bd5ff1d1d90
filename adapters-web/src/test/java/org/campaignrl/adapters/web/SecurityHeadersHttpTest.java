package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of answer carries the security headers: pages, JSON, errors (ours and Jetty's), static files. */
class SecurityHeadersHttpTest {
    @TempDir
    static Path folder;

    static ServedApp served;

    @BeforeAll
    static void serve() {
        served = ServedApp.empty(folder);
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @ParameterizedTest(name = "{0} {1} answers {2} with the security headers")
    @CsvSource({
        "GET, /,                          200, text/html",
        "GET, /explorer,                  200, text/html",
        "GET, /health,                    200, application/json",
        "GET, /api/v1/models,             200, application/json",
        "GET, /api/openapi.json,          200, application/json",
        "GET, /api/v1/models/987654321,   404, application/json",
        "POST, /get-next-action,          400, application/json",
        "GET, /no/such/page,              404, application/json",
        "DELETE, /health,                 405, application/json",
        "GET, /api/v1/states/%00,         400, application/json",
        "GET, /assets/app.js,             200, text/javascript",
        "GET, /assets/style.css,          200, text/css",
        "GET, /api/docs,                  200, text/html",
        "GET, /api/docs/swagger-ui/swagger-ui-bundle.js, 200, text/javascript",
    })
    void every_answer_carries_the_security_headers(String method, String path, int status, String type)
            throws Exception {
        RawHttp.Response response = RawHttp.send(
                served.server.port(), method, path, method.equals("POST") ? "{".getBytes() : null, "application/json");

        assertEquals(status, response.status(), response.text());
        assertTrue(response.header("Content-Type").startsWith(type), response.header("Content-Type"));
        String policy = response.header("Content-Security-Policy");
        assertTrue(policy != null && policy.startsWith("default-src 'self';"), "CSP: " + policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
        assertTrue(policy.contains("script-src 'self';"), "only same-origin scripts, nothing inline: " + policy);
        assertEquals(
                path.startsWith("/api/docs"),
                policy.contains("'unsafe-inline'"),
                "inline styles only for the Swagger UI: " + policy);
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
        assertEquals("DENY", response.header("X-Frame-Options"));
    }
}
