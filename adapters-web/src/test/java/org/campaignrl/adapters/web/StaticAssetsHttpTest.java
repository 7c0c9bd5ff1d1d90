package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard's assets and the Swagger UI's files, served from the classpath: the bytes of the file, its type,
 * a validator that answers 304, compression, and nothing outside the served folders.
 */
class StaticAssetsHttpTest {
    @TempDir
    static Path folder;

    static ServedApp served;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void serve() {
        served = ServedApp.empty(folder);
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @ParameterizedTest(name = "{0} is the file {1} as {2}")
    @CsvSource({
        "/assets/app.js,                              /public/assets/app.js,                 text/javascript",
        "/assets/style.css,                           /public/assets/style.css,              text/css",
        "/api/docs/setup/swagger-initializer.js,      /api-docs/swagger-initializer.js,      text/javascript",
        "/api/docs/swagger-ui/swagger-ui-bundle.js,   WEBJAR/swagger-ui-bundle.js,           text/javascript",
        "/api/docs/swagger-ui/swagger-ui.css,         WEBJAR/swagger-ui.css,                 text/css",
    })
    void an_asset_is_its_file_with_its_type_and_a_validator(String path, String resource, String type)
            throws Exception {
        RawHttp.Response response = get(path);

        assertEquals(200, response.status(), path);
        assertArrayEquals(classpathBytes(resource), response.body(), path);
        assertEquals(type, response.header("Content-Type"));
        assertEquals("max-age=0", response.header("Cache-Control"));
        assertTrue(response.header("ETag").matches("W/\"[^\"]+\""), response.header("ETag"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"), "the security headers come along");
    }

    @Test
    void the_etag_answers_not_modified_and_differs_between_files() throws Exception {
        String etag = get("/assets/app.js").header("ETag");

        HttpResponse<byte[]> again = send("GET", "/assets/app.js", "If-None-Match", etag);
        HttpResponse<byte[]> listed = send("GET", "/assets/app.js", "If-None-Match", "\"other\", " + etag.substring(2));
        HttpResponse<byte[]> other = send("GET", "/assets/app.js", "If-None-Match", "W/\"other\"");

        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, header(again, "ETag"));
        assertEquals(304, listed.statusCode(), "If-None-Match takes a list and compares weakly");
        assertEquals(200, other.statusCode());
        assertArrayEquals(classpathBytes("/public/assets/app.js"), other.body());
        assertNotEquals(etag, get("/assets/style.css").header("ETag"));
    }

    @Test
    void a_large_asset_is_compressed_for_a_client_that_accepts_it() throws Exception {
        HttpResponse<byte[]> response =
                send("GET", "/api/docs/swagger-ui/swagger-ui-bundle.js", "Accept-Encoding", "gzip");

        assertEquals("gzip", header(response, "Content-Encoding"));
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertArrayEquals(classpathBytes("WEBJAR/swagger-ui-bundle.js"), unzipped.readAllBytes());
        }
    }

    @Test
    void head_answers_the_headers_without_the_body() throws Exception {
        HttpResponse<byte[]> response = send("HEAD", "/assets/style.css");

        assertEquals(200, response.statusCode());
        assertEquals("text/css", header(response, "Content-Type"));
        assertEquals(0, response.body().length);
    }

    @ParameterizedTest(name = "{0} is not served")
    @ValueSource(
            strings = {
                "/assets/",
                "/assets",
                "/assets/missing.js",
                "/public/assets/app.js",
                "/api/docs/swagger-ui/",
                "/api/docs/swagger-ui/../../../public/assets/app.js",
                "/api/docs/setup/%2e%2e/swagger-ui/swagger-ui.css",
                "/assets/..%2f..%2fapi-docs/swagger-initializer.js",
                "/api/docs/swagger-ui/.%2e/.%2e/.%2e/.%2e/.%2e/org/campaignrl/adapters/web/WebServer.class",
                "/org/campaignrl/adapters/web/WebServer.class",
                "/META-INF/MANIFEST.MF",
                "/db/migration/V1__init.sql",
                "/assets/.hidden.js",
            })
    void nothing_outside_the_served_files_is_reachable(String path) throws Exception {
        RawHttp.Response response = get(path);

        assertTrue(response.status() == 404 || response.status() == 400, path + " answered " + response.status());
        assertTrue(response.header("Content-Type").startsWith("application/json"), path);
    }

    // --- helpers

    private static RawHttp.Response get(String path) throws IOException {
        return RawHttp.send(served.server.port(), "GET", path, null, null);
    }

    /** A request with at most one header of the test's own; the body as sent, not decompressed. */
    private static HttpResponse<byte[]> send(String method, String path, String... header) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(served.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** A classpath file; "WEBJAR" stands for the swagger-ui webjar's versioned folder. */
    private static byte[] classpathBytes(String resource) {
        String path = resource.replace("WEBJAR", "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion());
        try (InputStream in = StaticAssetsHttpTest.class.getResourceAsStream(path)) {
            assertTrue(in != null, path + " is on the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String swaggerUiVersion() {
        try (InputStream pom = StaticAssetsHttpTest.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            properties.load(pom);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
