package org.campaignrl.adapters.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.campaignrl.boot.ServedApp;

/**
 * Thousands of random and mutated requests against one real trained server: valid example bodies, query strings
 * and path parameters of every API route (read from {@code WebServer.registeredRoutes()}), with fields dropped,
 * duplicated, renamed, of the wrong type, overflowing, deeply nested, in other scripts, truncated, as invalid UTF-8
 * or plain random bytes; random paths and query strings. No answer may be 5xx (the server has a model, so not even
 * 503), every 4xx of the API is the {@code ApiError} shape, and {@code /health} still answers afterwards.
 *
 * <p>Requests that would change what is served are kept harmless: no rollback, activation and deletion only of ids
 * that do not exist, training jobs only on a dataset that does not exist and never activated, ingest jobs only of
 * folders that do not exist. The seed is fixed, so every run sends the same requests.
 */
class ApiFuzzHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String SEED = "7142026";
    private static final String NO_SUCH_ID = "987654321";
    private static final String NO_SUCH_FOLDER = "/no/such/folder/for/campaign-rl";
    /** Changes what is served or starts work for minutes: never sent. */
    private static final Set<String> NEVER = Set.of("POST /api/v1/models/rollback");

    static Path folder;
    static ServedApp served;
    static int port;
    static int subject;
    static List<String[]> apiRoutes;
    static final Set<Long> existingIds = new HashSet<>();
    static String modelsBefore;
    static long requestsSent;
    static final Map<Integer, Integer> statuses = new TreeMap<>();

    @BeforeContainer
    static void serveTrainedModel() throws Exception {
        folder = Files.createTempDirectory("api-fuzz");
        served = ServedApp.trained(folder);
        port = served.server.port();
        subject = served.app
                .servingStatus()
                .status()
                .activeDataset()
                .orElseThrow()
                .subjectIds()
                .get(0);
        for (String list : List.of("/api/v1/models", "/api/v1/datasets")) {
            for (JsonNode item :
                    JSON.readTree(RawHttp.send(port, "GET", list, null, null).body())) {
                existingIds.add(item.get("id").asLong());
            }
        }
        modelsBefore = RawHttp.send(port, "GET", "/api/v1/models", null, null).text();
        apiRoutes = served.server.registeredRoutes().stream()
                .filter(route -> !OpenApiDocumentHttpTest.NOT_API.contains(route) && !NEVER.contains(route))
                .map(route -> route.split(" ", 2))
                .toList();
        if (apiRoutes.size() < 20) {
            throw new AssertionError("expected every API route, got " + served.server.registeredRoutes());
        }
    }

    @AfterProperty
    void serverStillAnswersHealth() throws Exception {
        RawHttp.Response health = RawHttp.send(port, "GET", "/health", null, null);
        if (health.status() != 200
                || !JSON.readTree(health.body()).get("serving").asBoolean()) {
            throw new AssertionError("/health after the property: " + health.status() + " " + health.text());
        }
    }

    @AfterContainer
    static void stop() throws Exception {
        System.out.println("ApiFuzzHttpTest: " + requestsSent + " requests sent, by status " + statuses);
        String modelsAfter =
                RawHttp.send(port, "GET", "/api/v1/models", null, null).text();
        served.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
        if (!modelsAfter.equals(modelsBefore)) {
            throw new AssertionError("the requests changed the models: " + modelsBefore + " → " + modelsAfter);
        }
    }

    // --- the properties

    @Property(tries = 2000, seed = SEED, shrinking = ShrinkingMode.OFF)
    void every_api_route_answers_mutated_requests_without_5xx_and_in_the_error_shape(
            @ForAll("routeRequests") Request request) throws Exception {
        check(request, true);
    }

    @Property(tries = 2000, seed = SEED, shrinking = ShrinkingMode.OFF)
    void random_paths_and_methods_answer_without_5xx_and_in_the_error_shape(@ForAll("randomPaths") Request request)
            throws Exception {
        check(request, true);
    }

    @Property(tries = 500, seed = SEED, shrinking = ShrinkingMode.OFF)
    void pages_with_random_query_strings_answer_without_5xx(@ForAll("pageRequests") Request request) throws Exception {
        check(request, false);
    }

    /**
     * The same route requests with their headers mutated: {@code Host} names the server does not answer to (or
     * malformed); charsets Java does not know, quoted, empty or repeated;
     * bodies chunked whole or cut short, shorter than their {@code Content-Length}, or under a
     * {@code Transfer-Encoding} Jetty does not take.
     */
    @Property(tries = 1000, seed = SEED, shrinking = ShrinkingMode.OFF)
    void every_api_route_answers_mutated_headers_without_5xx_and_in_the_error_shape(
            @ForAll("routeRequests") Request request, @ForAll long seed) throws Exception {
        Request safe = harmless(request);
        Random random = new Random(seed);
        byte[] body = safe.body == null ? new byte[0] : safe.body;
        List<String> headers = new ArrayList<>();
        headers.add("Content-Type: " + (random.nextInt(4) == 0 ? safe.contentType : pick(random, NASTY_CONTENT_TYPES)));
        if (random.nextInt(3) == 0) {
            headers.add("Host: "
                    + pick(
                            random,
                            "rebind.example",
                            "",
                            "localhost",
                            "[::1]:" + port,
                            "127.0.0.1:1",
                            "a b",
                            "127.0.0.1:" + port + ":9",
                            "[::1",
                            "localhost.",
                            "%00",
                            "x".repeat(300),
                            "127.0.0.1, evil"));
        }
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        switch (random.nextInt(5)) {
            case 0, 1 -> {
                headers.add("Transfer-Encoding: chunked");
                boolean whole = random.nextBoolean();
                int cut = whole ? body.length : random.nextInt(body.length + 1);
                framed.write(Integer.toHexString(body.length + (whole ? 0 : 1 + random.nextInt(50)))
                        .getBytes(StandardCharsets.US_ASCII));
                framed.write(new byte[] {'\r', '\n'});
                framed.write(body, 0, cut);
                if (whole) {
                    framed.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            case 2 -> {
                headers.add("Content-Length: " + (body.length + 1 + random.nextInt(100)));
                framed.write(body);
            }
            case 3 -> {
                headers.add("Transfer-Encoding: "
                        + pick(random, "gzip", "chunked, gzip", "identity", "bogus", "chunked;x", "chunked, chunked"));
                headers.add("Content-Length: " + body.length);
                framed.write(body);
            }
            default -> {
                headers.add("Content-Length: " + body.length);
                framed.write(body);
            }
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(RawHttp.head(port, safe.method, safe.target, headers.toArray(String[]::new))
                .getBytes(StandardCharsets.ISO_8859_1));
        framed.writeTo(raw);
        check(
                RawHttp.exchange(port, raw.toByteArray()),
                new Request(safe.method, safe.target, framed.toByteArray(), String.join(" | ", headers)),
                true);
    }

    private static final String[] NASTY_CONTENT_TYPES = {
        "text/plain; charset=bogus",
        "application/json; charset=\"a b\"",
        "application/json; charset=",
        "application/x-www-form-urlencoded; charset=",
        "application/json; charset=utf-8; charset=bogus",
        "application/json; charset=\"utf-8\"",
        "application/json; charset=UTF-16",
        "application/json; charset=x-none",
        ";;;",
        "application/json; charset",
        "application/json; charset=\u00e9",
        "application/json; charset=\"",
        "multipart/form-data; boundary=\"",
        "multipart/form-data; charset=bogus",
        "text/plain; charset=utf-32",
        "application/json; charset=" + "x".repeat(300),
        "application/json ; charset = utf-8"
    };

    private static void check(Request request, boolean api) throws Exception {
        Request safe = harmless(request);
        check(RawHttp.send(port, safe.method, safe.target, safe.body, safe.contentType), safe, api);
    }

    private static void check(RawHttp.Response response, Request safe, boolean api) throws Exception {
        requestsSent++;
        statuses.merge(response.status(), 1, Integer::sum);
        if (response.status() >= 500) {
            throw new AssertionError(response.status() + " for " + safe + ": " + response.text());
        }
        if (api && response.status() >= 400) {
            assertApiError(response, safe);
        }
    }

    /** {@code {"status": …, "error": …, "message": …}} and optionally {@code "field"}, nothing else. */
    private static void assertApiError(RawHttp.Response response, Request request) {
        JsonNode error;
        try {
            error = JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.status() + " for " + request + ": " + response.text());
        }
        Set<String> names = new HashSet<>();
        error.fieldNames().forEachRemaining(names::add);
        boolean shaped = error.isObject()
                && error.path("status").isInt()
                && error.get("status").asInt() == response.status()
                && error.path("error").isTextual()
                && error.path("message").isTextual()
                && (!error.has("field") || error.get("field").isTextual())
                && Set.of("status", "error", "message", "field").containsAll(names);
        if (!shaped) {
            throw new AssertionError(
                    "not the ApiError shape: " + response.status() + " for " + request + ": " + response.text());
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            throw new AssertionError("error answer of type " + type + " for " + request);
        }
    }

    // --- the requests

    record Request(String method, String target, byte[] body, String contentType) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            String path = target.length() > 300 ? target.substring(0, 300) + "…" : target;
            return method + " " + path
                    + (body == null ? "" : " [" + contentType + ", " + body.length + " bytes] " + shown);
        }
    }

    @Provide
    Arbitrary<Request> routeRequests() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, apiRoutes.size() - 1),
                        Arbitraries.longs(),
                        Arbitraries.integers().between(0, 99))
                .as((index, seed, shape) -> routeRequest(apiRoutes.get(index), new Random(seed), shape));
    }

    @Provide
    Arbitrary<Request> randomPaths() {
        return Arbitraries.longs().map(seed -> {
            Random random = new Random(seed);
            String[] route = apiRoutes.get(random.nextInt(apiRoutes.size()));
            String[] parts = route[1].split("/");
            StringBuilder path = new StringBuilder();
            int keep = 1 + random.nextInt(Math.max(1, parts.length));
            for (int i = 1; i < Math.min(keep, parts.length); i++) {
                path.append('/')
                        .append(parts[i].startsWith("{") || random.nextInt(4) == 0 ? segment(random) : parts[i]);
            }
            for (int extra = random.nextInt(3); extra > 0; extra--) {
                path.append('/').append(segment(random));
            }
            if (path.length() == 0 || random.nextInt(10) == 0) {
                path.insert(0, "/api/v" + random.nextInt(3));
            }
            String method = pick(random, "GET", "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
            String query = random.nextBoolean() ? "" : "?" + mutateQuery("a=1&subjectId=" + subject, random);
            byte[] body = method.equals("GET") || method.equals("OPTIONS")
                    ? null
                    : body("{\"a\":1}", random, random.nextInt(100));
            return new Request(method, path + query, body, contentType(random));
        });
    }

    @Provide
    Arbitrary<Request> pageRequests() {
        List<String> pages = List.of(
                "/", "/explorer", "/audiences", "/audiences.csv", "/evaluation", "/models", "/data", "/api/docs");
        String example = "subjectId=" + subject + "&day=4&tenure=3&domain=1&age=0&gender=0&type=0&method=SHRUNK"
                + "&minSends=10&confidence=0.95&emails=1000&limit=5&maxFixed=2&a=1&b=1&model=1&top=5";
        return Arbitraries.longs().map(seed -> {
            Random random = new Random(seed);
            return new Request(
                    "GET", pick(random, pages.toArray(String[]::new)) + "?" + mutateQuery(example, random), null, null);
        });
    }

    private Request routeRequest(String[] route, Random random, int shape) {
        String method = route[0];
        String path = route[1];
        String segment = path.contains("{state}") ? subject + ",4,3,1,0,0,0" : "1";
        if (shape < 50) {
            segment = segment(random);
        }
        String target = path.replaceAll("\\{[^}]+}", segment);
        String query = exampleQuery(path);
        if (shape % 3 != 0) {
            query = mutateQuery(query, random);
        }
        if (!query.isEmpty()) {
            target += "?" + query;
        }
        byte[] body = null;
        String example = exampleBody(path);
        if (example != null || method.equals("POST") || random.nextInt(8) == 0) {
            body = body(example == null ? "{}" : example, random, shape);
        }
        return new Request(method, target, body, contentType(random));
    }

    private String exampleQuery(String path) {
        return switch (path) {
            case "/campaign-audience" -> "subjectId=" + subject;
            case "/api/v1/audiences" ->
                "subjectId=" + subject
                        + "&method=WILSON_LOWER_BOUND&minSends=10&confidence=0.95&emails=10000&day=5&limit=5&maxFixed=2";
            case "/api/v1/models/{id}/evaluation" ->
                "method=SHRUNK&top=10&minSends=10&confidence=0.9&bootstrap=50&seed=3";
            case "/api/v1/models/compare" -> "a=1&b=1";
            case "/api/v1/rejected-rows" -> "datasetId=1&limit=10";
            default -> "";
        };
    }

    private String exampleBody(String path) {
        return switch (path) {
            case "/get-next-action" -> "{\"state\":[" + subject + ",4,3,1,0,0,0],\"action\":2}";
            case "/api/v1/training-jobs" ->
                "{\"episodes\":100,\"epsilon\":0.1,\"alpha\":0.1,\"gamma\":0.6,\"maxSteps\":50,"
                        + "\"seed\":42,\"targetRate\":0.3,\"minSends\":10,\"rewardFactor\":3,\"startState\":[" + subject
                        + ",4,3,1,0,0,0],\"datasetId\":" + NO_SUCH_ID + ",\"activate\":false}";
            case "/api/v1/ingest-jobs" ->
                "{\"dataDir\":\"" + NO_SUCH_FOLDER + "\",\"holdoutShare\":0.3,\"holdoutSeed\":7}";
            // Every field, so that the mutations reach each; a small budget keeps the plans cheap.
            case "/api/v1/campaigns", "/api/v1/campaigns/preview" ->
                "{\"subjectId\":" + subject + ",\"budget\":200,"
                        + "\"day\":\"MONDAY\",\"method\":\"SEGMENT_SHRUNK\",\"explorationShare\":0.1,\"controlShare\":0.1,"
                        + "\"control\":\"NOTHING\",\"seed\":3,\"startDate\":\"2026-12-07\"}";
            default -> null;
        };
    }

    // --- mutations

    private static final String[] NASTY_VALUES = {
        "null",
        "true",
        "false",
        "\"\"",
        "\" \"",
        "\"x\"",
        "[]",
        "{}",
        "0",
        "-1",
        "1.5",
        "-0",
        "2147483647",
        "2147483648",
        "-2147483649",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "1e309",
        "-1e309",
        "1e-400",
        "1E2",
        "0.0000001",
        "[1]",
        "[[1]]",
        "[1,2,3,4,5,6,7,8]",
        "[\"a\",\"b\"]",
        "[null]",
        "[1.5,2,3,1,0,0,0]",
        "[-1,0,0,0,0,0,0]",
        "[99,99,99,99,99,99,99]",
        "\"٣\"",
        "\"\\u0000\"",
        "\"😀\"",
        "\"../../etc\"",
        "\"/\"",
        "\"\\\\\"",
        "\"WILSON_LOWER_BOUND\"",
        "\"2016-02-30\"",
        "{\"a\":{\"b\":[1,{}]}}",
        "\"" + "x".repeat(5000) + "\"",
        "1" + "0".repeat(400)
    };

    private static final String[] NASTY_TEXT = {
        "",
        " ",
        "-1",
        "0",
        "+1",
        "1.5",
        "-0",
        "1e3",
        "0x10",
        "NaN",
        "Infinity",
        "-Infinity",
        "2147483648",
        "-2147483649",
        "9223372036854775807",
        "9223372036854775808",
        "1" + "0".repeat(60),
        "%00",
        "%ZZ",
        "%",
        "%E2%82",
        "%C3%A9",
        "%FF",
        "%F0%9F%98%80",
        "%2e%2e",
        "..",
        ".",
        "%2F",
        "%2f..%2f",
        "a%20b",
        "+",
        "any",
        "shrunk",
        "raw_rate",
        "SHRUNK",
        "%E2%80%AE",
        "%EF%BB%BF1",
        "1,2,3",
        ",,,,,,",
        "%3B",
        ";",
        "a;b=c",
        "%0d%0a",
        "true",
        "null",
        "1'",
        "%22",
        "%3Cb%3E"
    };

    private String segment(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> pick(random, NASTY_TEXT);
            case 1 -> subject + ",4,3,1,0,0,0" + pick(random, ",0", "", ",", "%00", ",-1", ",99999999999");
            case 2 ->
                String.join(
                        ",",
                        Stream.generate(() -> pick(random, NASTY_TEXT))
                                .limit(random.nextInt(9))
                                .toList());
            case 3 -> "9".repeat(1 + random.nextInt(random.nextBoolean() ? 30 : 3000));
            case 4 -> Long.toString(random.nextLong());
            case 5 -> percentEncoded(randomText(random, 1 + random.nextInt(20)));
            case 6 -> pick(random, NASTY_TEXT) + pick(random, NASTY_TEXT);
            default -> Integer.toString(random.nextInt(20) - 5);
        };
    }

    private String mutateQuery(String query, Random random) {
        List<String[]> params = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                params.add(pair.split("=", 2));
            }
        }
        for (int steps = 1 + random.nextInt(4); steps > 0; steps--) {
            int at = params.isEmpty() ? 0 : random.nextInt(params.size());
            switch (random.nextInt(7)) {
                case 0 -> {
                    if (!params.isEmpty()) {
                        params.remove(at);
                    }
                }
                case 1 -> {
                    if (!params.isEmpty()) {
                        params.add(
                                random.nextInt(params.size() + 1),
                                params.get(at).clone());
                    }
                }
                case 2 -> {
                    if (!params.isEmpty()) {
                        params.get(at)[0] = pick(random, NASTY_TEXT) + params.get(at)[0];
                    }
                }
                case 3, 4 -> {
                    if (!params.isEmpty() && params.get(at).length == 2) {
                        params.get(at)[1] = pick(random, NASTY_TEXT);
                    }
                }
                case 5 ->
                    params.add(new String[] {
                        percentEncoded(randomText(random, 1 + random.nextInt(8))), pick(random, NASTY_TEXT)
                    });
                default ->
                    params.add(
                            random.nextBoolean()
                                    ? new String[] {pick(random, NASTY_TEXT)}
                                    : new String[] {"", pick(random, NASTY_TEXT)});
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] param : params) {
            out.append(out.length() == 0 ? "" : random.nextInt(20) == 0 ? "&&" : "&")
                    .append(String.join("=", param));
        }
        return out.toString();
    }

    private byte[] body(String example, Random random, int shape) {
        int kind = shape % 20;
        if (kind < 2) {
            return bytes(example);
        }
        if (kind < 11) {
            return bytes(mutateJson(example, random));
        }
        return switch (kind) {
            case 11 -> {
                String text = random.nextBoolean() ? example : mutateJson(example, random);
                yield bytes(text.substring(0, random.nextInt(text.length() + 1)));
            }
            case 12 -> {
                byte[] noise = new byte[random.nextInt(300)];
                random.nextBytes(noise);
                yield noise;
            }
            case 13 -> {
                byte[] valid = bytes(example);
                int at = random.nextInt(valid.length + 1);
                byte[][] bad = {
                    {(byte) 0xC3, 0x28},
                    {(byte) 0xFF},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xF0, (byte) 0x9F},
                    {(byte) 0xC0, (byte) 0xAF},
                    {0}
                };
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(valid, 0, at);
                out.writeBytes(bad[random.nextInt(bad.length)]);
                out.write(valid, at, valid.length - at);
                yield out.toByteArray();
            }
            case 14 -> {
                int depth = 100 + random.nextInt(random.nextBoolean() ? 2_000 : 20_000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                String nested = open.repeat(depth) + "1" + (random.nextBoolean() ? close.repeat(depth) : "");
                yield bytes(random.nextBoolean() ? nested : "{\"state\":" + nested + ",\"action\":1}");
            }
            case 15 ->
                bytes(pick(
                        random,
                        "[]",
                        "\"x\"",
                        "42",
                        "null",
                        "true",
                        "",
                        "   ",
                        "{}{}",
                        "{} x",
                        "{\"a\":1,}",
                        "{'state':[1]}",
                        "{\"state\":[1,2,3,4,5,6,7],\"action\":1} {}",
                        "\uFEFF{}",
                        "NaN",
                        "{\"a\":NaN}",
                        "{\"episodes\":Infinity}",
                        "/* */ {}",
                        "{\"a\":1}\u0000"));
            case 16 ->
                random.nextInt(4) == 0
                        ? bytes("{\"dataDir\":\"" + "x".repeat(1_100_000) + "\"}")
                        : bytes(mutateJson(example, random));
            case 17 -> bytes(example.replace("\"", random.nextBoolean() ? "\u201C" : "'"));
            default -> bytes(mutateJson(mutateJson(example, random), random));
        };
    }

    private String mutateJson(String example, Random random) {
        JsonNode root;
        try {
            root = JSON.readTree(example);
        } catch (JsonProcessingException e) {
            return example;
        }
        if (!(root instanceof ContainerNode<?>)) {
            return example;
        }
        for (int steps = 1 + random.nextInt(3); steps > 0; steps--) {
            ContainerNode<?> container = randomContainer((ContainerNode<?>) root, random);
            if (container instanceof ObjectNode object) {
                mutateObject(object, random);
            } else if (container instanceof ArrayNode array) {
                mutateArray(array, random);
            }
        }
        String text = root.toString();
        if (random.nextInt(6) == 0) {
            // A duplicated field, which the tree cannot hold.
            int brace = text.indexOf('{');
            if (brace >= 0) {
                text = text.substring(0, brace + 1) + "\"state\":[1],\"action\":\"x\"," + text.substring(brace + 1);
            }
        }
        return text;
    }

    private static ContainerNode<?> randomContainer(ContainerNode<?> node, Random random) {
        List<ContainerNode<?>> inner = new ArrayList<>();
        node.elements().forEachRemaining(child -> {
            if (child instanceof ContainerNode<?> c) {
                inner.add(c);
            }
        });
        node.fields().forEachRemaining(field -> {
            if (field.getValue() instanceof ContainerNode<?> c && !inner.contains(c)) {
                inner.add(c);
            }
        });
        if (inner.isEmpty() || random.nextInt(3) > 0) {
            return node;
        }
        return randomContainer(inner.get(random.nextInt(inner.size())), random);
    }

    private void mutateObject(ObjectNode object, Random random) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
        switch (random.nextInt(7)) {
            case 0 -> object.remove(name);
            case 1 -> {
                JsonNode value = object.remove(name);
                object.set(
                        pick(
                                random,
                                name.toUpperCase(),
                                name + "_",
                                "é" + name,
                                name.isEmpty() ? "" : name.substring(1),
                                "",
                                " " + name),
                        value == null ? JsonNodeFactory.instance.nullNode() : value);
            }
            case 2 -> object.set(randomText(random, 1 + random.nextInt(10)), nasty(random));
            case 3 -> object.put(name, randomText(random, random.nextInt(40)));
            default -> object.set(name, nasty(random));
        }
    }

    private void mutateArray(ArrayNode array, Random random) {
        switch (random.nextInt(5)) {
            case 0 -> {
                if (!array.isEmpty()) {
                    array.remove(random.nextInt(array.size()));
                }
            }
            case 1 -> array.add(nasty(random));
            case 2 -> {
                if (!array.isEmpty()) {
                    array.insert(
                            random.nextInt(array.size()),
                            array.get(random.nextInt(array.size())).deepCopy());
                }
            }
            default -> {
                if (!array.isEmpty()) {
                    array.set(random.nextInt(array.size()), nasty(random));
                }
            }
        }
    }

    private static JsonNode nasty(Random random) {
        if (random.nextInt(5) == 0) {
            return JsonNodeFactory.instance.textNode(randomText(random, random.nextInt(30)));
        }
        return JsonNodeFactory.instance.rawValueNode(new RawValue(pick(random, NASTY_VALUES)));
    }

    /** Letters, digits, punctuation, other scripts, astral code points, controls. */
    private static String randomText(Random random, int length) {
        String[] alphabets = {
            "abcXYZ019",
            "-_.~!$&'()*+,;=:@/?#[]% \"\\<>{}|^`",
            "äéßøñ中文字日本語한국어ελληνικά",
            "😀🚀\uD800\uDFFF",
            "\u0000\u0001\u001F\u007F\u200B\u202E\uFEFF\r\n\t"
        };
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            String alphabet = alphabets[random.nextInt(alphabets.length)];
            int at = random.nextInt(alphabet.length());
            text.append(alphabet.charAt(at));
        }
        return text.toString();
    }

    /** Every byte outside the unreserved set as %XX of its UTF-8 (lone surrogates become '?'). */
    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String contentType(Random random) {
        return pick(
                random,
                "application/json",
                "application/json",
                "application/json",
                "application/json; charset=utf-8",
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/json; charset=ISO-8859-1",
                "",
                "*/*");
    }

    // --- keeping it harmless

    /** The same request, but unable to change what is served or to start real work. */
    private static Request harmless(Request request) throws Exception {
        String path = request.target.split("\\?", 2)[0];
        String decoded = lenientDecode(path).replaceAll("/+", "/");
        String method = request.method;
        boolean changes = decoded.contains("rollback")
                || decoded.startsWith("/models/")
                || decoded.startsWith("/data/")
                || decoded.contains("..");
        if (!method.equals("GET") && changes) {
            method = "GET";
        }
        String target = request.target;
        if (!method.equals("GET") || decoded.endsWith("/evaluation")) {
            // activate, delete, evaluation (slow) only of ids that do not exist
            String[] segments = path.split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                if (isExistingId(lenientDecode(segments[i]))) {
                    segments[i] = NO_SUCH_ID;
                }
            }
            target = String.join("/", segments)
                    + (request.target.contains("?") ? request.target.substring(request.target.indexOf('?')) : "");
        }
        byte[] body = request.body;
        if (method.equals("POST") && decoded.contains("training-jobs")) {
            body = harmlessTraining(body);
        }
        if (method.equals("POST") && decoded.contains("ingest-jobs")) {
            body = harmlessIngest(body);
        }
        return new Request(method, target, body, request.contentType);
    }

    private static boolean isExistingId(String segment) {
        try {
            return existingIds.contains(Long.parseLong(segment.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A training job only of a dataset that does not exist, never activated: it fails at once, changing nothing. */
    private static byte[] harmlessTraining(byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return body;
        }
        if (!(root instanceof ObjectNode object)) {
            return body;
        }
        JsonNode datasetId = object.get("datasetId");
        if (datasetId == null || datasetId.isNull() || datasetId.isIntegralNumber()) {
            object.put("datasetId", Long.parseLong(NO_SUCH_ID));
        }
        JsonNode activate = object.get("activate");
        if (activate == null || activate.isNull() || activate.isBoolean()) {
            object.put("activate", false);
        }
        return bytes(object.toString());
    }

    /** An ingest job only of a folder that does not exist: refused at once. */
    private static byte[] harmlessIngest(byte[] body) {
        if (body == null) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return body;
        }
        if (root instanceof ObjectNode object && object.path("dataDir").isTextual()) {
            boolean exists;
            try {
                exists = Files.exists(Path.of(object.get("dataDir").asText().trim()));
            } catch (RuntimeException e) {
                exists = false;
            }
            if (exists || object.get("dataDir").asText().isBlank()) {
                object.put("dataDir", NO_SUCH_FOLDER);
                return bytes(object.toString());
            }
        }
        return body;
    }

    private static String lenientDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%'
                    && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    // --- small helpers

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
