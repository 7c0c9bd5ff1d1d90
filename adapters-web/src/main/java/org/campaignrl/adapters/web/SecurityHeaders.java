package org.campaignrl.adapters.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The security headers every answer carries, set in this one place: pages, JSON, errors, static files, and the
 * answers Jetty writes itself (see {@link JettyErrors}).
 *
 * <p>The policy allows only this server's own scripts, styles, images and connections, no plugins, no framing,
 * forms posting only back here. The dashboard has no inline script or style; the Swagger UI at {@code /api/docs}
 * (a third-party bundle that sets inline styles, and a {@code style} attribute in its page) alone may use inline
 * styles and {@code data:} images.
 */
final class SecurityHeaders {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String API_DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Built once: they are the same for every answer, and the before-handler runs on every request. */
    private static final Map<String, String> HEADERS = headers(POLICY);

    private static final Map<String, String> API_DOCS_HEADERS = headers(API_DOCS_POLICY);
    private static final String API_DOCS_FOLDER = ApiDocs.UI_PATH + "/";

    private SecurityHeaders() {}

    /** Before every request, so that whatever answers (route, error mapping, static file) keeps them. */
    static void register(JavalinConfig config) {
        config.routes.before(SecurityHeaders::apply);
    }

    static void apply(Context ctx) {
        headersFor(ctx.path()).forEach(ctx::header);
    }

    static void apply(String path, BiConsumer<String, String> header) {
        headersFor(path).forEach(header);
    }

    static Map<String, String> headersFor(String path) {
        boolean apiDocs = path != null && (path.equals(ApiDocs.UI_PATH) || path.startsWith(API_DOCS_FOLDER));
        return apiDocs ? API_DOCS_HEADERS : HEADERS;
    }

    private static Map<String, String> headers(String policy) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", policy);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        return Collections.unmodifiableMap(headers);
    }
}
