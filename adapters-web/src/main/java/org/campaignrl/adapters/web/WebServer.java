package org.campaignrl.adapters.web;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.ConflictException;
import org.campaignrl.application.IngestRefusedException;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.NothingServedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of campaign-rl: the compatible JSON endpoints, health, and the home page.
 * A client's mistake is always a 4xx with an {@link ApiError} body; only our own faults are 500.
 */
public final class WebServer {
    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private static final int COPY_BUFFER_BYTES = 8 * 1024;
    /** The largest request body any route but the uploads reads. */
    static final long MAX_BODY_BYTES = 1_000_000;
    /** What a client whose body is over {@link #MAX_BODY_BYTES} is told, however the server found out. */
    static final String BODY_TOO_LARGE = "the request body is larger than allowed";
    /** Prometheus's text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    static {
        // Jetty pads its thread pool's queue against false sharing by references per cache line, and unless told
        // asks the JVM whether references are compressed through JMX: starting the platform MBean server is a
        // visible share of a restart (docs/performance.md). 16 is right for compressed references (heaps under 32 GB);
        // a larger heap only pads less.
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    private final Javalin javalin;
    private final AccessControl access;
    private final HostCheck hosts;
    private final Pages pages;
    /** Set by {@link #startPreparing} until {@link #ready}: every request is answered 503 meanwhile. */
    private volatile boolean preparing;

    public WebServer(CampaignRl app) {
        this(app, WebSettings.inTemporaryFolder());
    }

    public WebServer(CampaignRl app, WebSettings settings) {
        this(app, settings, observing(app));
    }

    private static Metrics observing(CampaignRl app) {
        Metrics metrics = new Metrics();
        metrics.observe(app, Metrics.Pool.NONE);
        return metrics;
    }

    /** With the process's metrics, which count its ingests and trainings too (see {@link Metrics}). */
    public WebServer(CampaignRl app, WebSettings settings, Metrics metrics) {
        ObjectMapper mapper = jsonMapper();
        TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
        CompatibleApi compatibleApi = new CompatibleApi(app.nextAction(), app.campaignAudience(), mapper);
        Pages pages = new Pages(app, templates, settings);
        this.pages = pages;
        this.access =
                new AccessControl(settings.users(), new ClientAddress(settings.trustedProxies()), Clock.systemUTC());
        this.hosts = new HostCheck(settings.allowedHosts());
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.compressionStrategy = gzip();
            // Javalin copies each answer to Jetty through a buffer of this size allocated per request; by default
            // as large as Jetty's 32 KB output buffer, mostly zeroed memory for answers of a few hundred bytes.
            // Jetty still gathers the pieces in its buffer: an answer under 32 KB goes out whole, with a length.
            config.http.responseBufferSize = COPY_BUFFER_BYTES;
            config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes(), SizeUnit.BYTES);
            SecurityHeaders.register(config);
            hosts.register(config);
            config.routes.before(this::refuseWhilePreparing);
            RequestRefusal.register(config); // before anything reads a body
            access.register(config, pages);
            compatibleApi.register(config.routes);
            Route.HEALTH.register(
                    config.routes,
                    ctx -> ctx.json(Map.of(
                            "status", "up", "serving", app.servingStatus().serving())));
            config.requestLogger.http(metrics::request);
            Route.METRICS.register(
                    config.routes, ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
            config.resourceHandler(new ClasspathAssets()); // before any folder is added: see there why
            config.staticFiles.add("/public", Location.CLASSPATH);
            pages.register(config.routes);
            new AudienceFinder(app, pages).register(config.routes);
            new CampaignPages(app, pages, Clock.systemUTC()).register(config.routes);
            new DashboardApi(app, mapper).register(config.routes);
            new EvaluationApi(app.evaluateModel()).register(config.routes);
            ModelsApi.register(config.routes, app, mapper);
            RunsApi.register(config.routes, app.runs());
            new CampaignsApi(app.planCampaign(), app.campaigns(), mapper, Clock.systemUTC()).register(config.routes);
            new ApiDocs(mapper).register(config);
            mapErrors(config);
        });
    }

    /**
     * The JSON mapper of every endpoint: a body with anything after its JSON value, or with a key twice in one
     * object, is refused (unknown fields are refused by {@link JsonBody}, which reads bodies as trees).
     */
    static ObjectMapper jsonMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * Javalin's default gzip, with JSON named as compressible up front: otherwise Javalin scans its list of
     * excluded types with a case-blind substring search on every answer, a measurable share of the hot endpoints.
     */
    private static CompressionStrategy gzip() {
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        List<String> allowed = new ArrayList<>(gzip.getAllowedMimeTypes());
        allowed.add(io.javalin.http.ContentType.JSON);
        gzip.setAllowedMimeTypes(List.copyOf(allowed));
        return gzip;
    }

    private static void mapErrors(JavalinConfig config) {
        JettyErrors.register(config);
        config.routes.exception(
                InvalidCommandException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.field(), e.problem()));
        config.routes.exception(
                IngestRefusedException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, null, e.getMessage()));
        // A path the server's file system cannot even name (a NUL character, say): the client's mistake.
        config.routes.exception(
                InvalidPathException.class,
                (e, ctx) ->
                        error(ctx, HttpStatus.BAD_REQUEST, null, "not a valid path on the server: " + e.getReason()));
        config.routes.exception(
                NotFoundException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, null, e.getMessage()));
        config.routes.exception(
                ConflictException.class, (e, ctx) -> error(ctx, HttpStatus.CONFLICT, null, e.getMessage()));
        config.routes.exception(
                NothingServedException.class,
                (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE, null, e.getMessage()));
        // Javalin decodes path parameters itself, and a bad percent escape there ("/api/v1/models/;%") throws.
        config.routes.exception(IllegalArgumentException.class, (e, ctx) -> {
            if (isPathDecoding(e)) {
                error(ctx, HttpStatus.BAD_REQUEST, null, "malformed percent escape in the path: " + e.getMessage());
            } else {
                RequestRefusal.of(e)
                        .ifPresentOrElse(
                                refusal -> error(ctx, refusal.status(), null, refusal.message()),
                                () -> unexpected(e, ctx));
            }
        });
        config.routes.exception(
                Exception.class,
                (e, ctx) -> MultipartRefusal.of(e)
                        .or(() -> RequestRefusal.of(e))
                        .ifPresentOrElse(
                                refusal -> error(ctx, refusal.status(), "body", refusal.message()),
                                () -> unexpected(e, ctx)));
        // Javalin's own answers (no route, wrong method, body too large) are plain text: give them our shape.
        config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
            if (!isJson(ctx)) {
                error(ctx, HttpStatus.NOT_FOUND, null, "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
        config.routes.error(
                HttpStatus.METHOD_NOT_ALLOWED.getCode(),
                ctx -> error(
                        ctx, HttpStatus.METHOD_NOT_ALLOWED, null, ctx.method() + " is not allowed on " + ctx.path()));
        config.routes.error(
                HttpStatus.CONTENT_TOO_LARGE.getCode(),
                ctx -> error(ctx, HttpStatus.CONTENT_TOO_LARGE, "body", BODY_TOO_LARGE));
    }

    private static void unexpected(Exception e, Context ctx) {
        LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, null, "internal error; the server log has the details");
    }

    private static boolean isPathDecoding(IllegalArgumentException e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().equals(URLDecoder.class.getName());
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    /** Answers in the shared error shape; access control's refusals use it too. */
    static void error(Context ctx, HttpStatus status, String field, String message) {
        ctx.status(status).json(new ApiError(status.getCode(), status.getMessage(), field, message));
    }

    /**
     * Starts listening; port 0 picks a free one (see {@link #port()}). Without users, anyone who can reach the
     * server may change everything, so it listens on a loopback address only.
     *
     * @throws IllegalStateException for another address when no users are configured
     */
    public WebServer start(String host, int port) {
        if (!access.hasUsers() && !isLoopback(host)) {
            throw new IllegalStateException("no users are configured, so the server listens on 127.0.0.1 only; to "
                    + "listen on " + host + ", give users with --users FILE or CAMPAIGN_RL_USERS "
                    + "(see 'campaign-rl users add')");
        }
        hosts.boundTo(host);
        int leftovers = pages.removeLeftoverUploads();
        if (leftovers > 0) {
            LOG.info("removed the uploaded logs of {} upload(s) an earlier process left", leftovers);
        }
        javalin.start(host, port);
        return this;
    }

    /**
     * Starts listening while the first model is still being loaded or made, answering every request 503 with
     * {@code Retry-After: 1} until {@link #ready}: starting Jetty is then off the way to serving, and a client
     * that comes early is told to come back instead of finding nothing listening.
     */
    public WebServer startPreparing(String host, int port) {
        preparing = true;
        return start(host, port);
    }

    /** Answers from now on; see {@link #startPreparing}. */
    public void ready() {
        preparing = false;
    }

    private void refuseWhilePreparing(Context ctx) {
        if (preparing) {
            ctx.header("Retry-After", "1");
            error(
                    ctx,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    null,
                    "the server is starting: its first model is being " + "loaded or made; try again in a moment");
            ctx.skipRemainingHandlers();
        }
    }

    /** {@code serve --trusted-proxies}: IP addresses only, else an {@link IllegalArgumentException} naming one. */
    public static void checkTrustedProxies(List<String> addresses) {
        ClientAddress.check(addresses);
    }

    /** A name that resolves to loopback addresses only; an unknown name counts as not loopback. */
    public static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public int port() {
        return javalin.port();
    }

    /** Every HTTP route registered, as "METHOD /path" in registration order: the OpenAPI document's test reads it. */
    public List<String> registeredRoutes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    public void stop() {
        javalin.stop();
    }
}
