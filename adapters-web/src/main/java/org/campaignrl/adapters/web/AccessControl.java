package org.campaignrl.adapters.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.campaignrl.adapters.users.Role;
import org.campaignrl.adapters.users.User;
import org.campaignrl.adapters.users.UserDirectory;

/**
 * Who may do what, checked before every route's handler by the route's {@link Access} rule (see {@link Route}).
 *
 * <ul>
 *   <li>Without users (the local run) everyone may do everything; the server then listens on 127.0.0.1 only
 *       (see {@link WebServer#start}).</li>
 *   <li>With users, every request but health, sign-in and the page assets needs an identity: a bearer token
 *       ({@code Authorization: Bearer ...}) or a session cookie from the sign-in form. API calls without one
 *       answer 401, pages redirect to the sign-in form.</li>
 *   <li>Reading is for every role; a route that changes something needs the ML engineer's role, else 403
 *       (signing out excepted: it changes only the caller's session; planning a campaign is for every role); a
 *       send list, which holds email addresses, needs a role that may export them ({@code Role}), else 403.</li>
 *   <li>A change made with the session cookie must carry the session's CSRF token (form field
 *       {@value #CSRF_FIELD} or header {@value #CSRF_HEADER}), else 403. Bearer requests need none: a browser
 *       never adds that header by itself.</li>
 *   <li>Always, users or not: a change whose {@code Origin} is another site is refused (403), so a page elsewhere
 *       cannot make a local user's browser post here.</li>
 *   <li>Failed tokens, at sign-in or as bearer, are rate-limited per client address and per presented token
 *       ({@link LoginThrottle}); behind a trusted proxy the address is the one it forwards
 *       ({@link ClientAddress}).</li>
 * </ul>
 */
final class AccessControl {
    static final String SESSION_COOKIE = "campaign_rl_session";
    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String VIEWER = "viewer";

    private final UserDirectory users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final ClientAddress clients;

    AccessControl(UserDirectory users, ClientAddress clients, Clock clock) {
        this.users = users;
        this.sessions = new Sessions(clock);
        this.throttle = new LoginThrottle(clock);
        this.clients = clients;
    }

    boolean hasUsers() {
        return !users.isEmpty();
    }

    /** The viewer the check before this request found (a local engineer without users). */
    static Viewer viewer(Context ctx) {
        Viewer viewer = ctx.attribute(VIEWER);
        return viewer != null ? viewer : Viewer.ANONYMOUS;
    }

    /** Who started a job, for the registry: the user's name and the channel, or the channel alone without users. */
    static String startedBy(Context ctx, String channel) {
        String name = viewer(ctx).name();
        return name.isEmpty() ? channel : name + " (" + channel + ")";
    }

    void register(JavalinConfig config, Pages pages) {
        // Only requests that reach a route or a static file are checked: one that reaches neither is answered
        // 404 or 405 and runs nothing; static files, served without routes, are for everyone.
        config.routes.beforeMatched(this::check);
        Route.SIGN_IN_FORM.register(config.routes, ctx -> loginPage(ctx, pages, null));
        Route.SIGN_IN.register(config.routes, ctx -> signIn(ctx, pages));
        Route.SIGN_OUT.register(config.routes, this::signOut);
    }

    private void check(Context ctx) {
        if (ctx.endpoints().matchedHttpEndpoint() == null) {
            return; // a static file: for everyone
        }
        Access access = access(ctx);
        if (access.changes() && fromAnotherSite(ctx)) {
            deny(ctx, HttpStatus.FORBIDDEN, null, "a change from another site's page is refused");
            return;
        }
        if (users.isEmpty()) {
            ctx.attribute(VIEWER, Viewer.LOCAL);
            return;
        }
        if (access.needs() == Access.Needs.NOTHING) {
            ctx.attribute(VIEWER, Viewer.ANONYMOUS);
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            checkBearer(ctx, authorization, access);
            return;
        }
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) {
            if (access.api()) {
                unauthorized(ctx, "sign in: send 'Authorization: Bearer <token>'");
            } else {
                ctx.redirect(
                        "/login?next=" + URLEncoder.encode(requestedPage(ctx), StandardCharsets.UTF_8),
                        HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
            }
            return;
        }
        User user = session.get().user();
        if (!mayCall(user, access)) {
            forbiddenRole(ctx, user);
            return;
        }
        if (access.changes() && !csrfTokenMatches(ctx, session.get().csrfToken())) {
            deny(
                    ctx,
                    HttpStatus.FORBIDDEN,
                    CSRF_FIELD,
                    "the form's CSRF token is missing or stale: reload the page " + "and try again");
            return;
        }
        ctx.attribute(VIEWER, Viewer.of(session.get()));
    }

    /** The access rule of the route matched; one without (not registered through {@link Route}) is our fault. */
    private static Access access(Context ctx) {
        return ctx.routeRoles().stream()
                .filter(Access.class::isInstance)
                .map(Access.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        ctx.method() + " " + ctx.path() + " has no access " + "rule: register it through Route"));
    }

    private void checkBearer(Context ctx, String authorization, Access access) {
        String client = client(ctx);
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : "";
        Optional<Duration> wait = throttle.refusedFor(client, token);
        if (wait.isPresent()) {
            tooManyAttempts(ctx, wait.get());
            return;
        }
        Optional<User> user = users.authenticate(token);
        if (user.isEmpty()) {
            throttle.failed(client, token);
            unauthorized(
                    ctx,
                    token.isEmpty()
                            ? "the Authorization header must be 'Bearer <token>'"
                            : "the bearer token is not known");
            return;
        }
        throttle.succeeded(client);
        if (!mayCall(user.get(), access)) {
            forbiddenRole(ctx, user.get());
            return;
        }
        ctx.attribute(VIEWER, Viewer.bearer(user.get()));
    }

    private String client(Context ctx) {
        List<String> forwarded = Collections.list(ctx.req().getHeaders(ClientAddress.FORWARDED_FOR));
        return clients.of(ctx.req().getRemoteAddr(), forwarded.isEmpty() ? null : String.join(",", forwarded));
    }

    private static boolean mayCall(User user, Access access) {
        return switch (access.needs()) {
            case NOTHING, SIGN_IN -> true;
            case EXPORT -> user.role().mayExportAddresses();
            case ENGINEER -> user.role().mayChange();
        };
    }

    private void loginPage(Context ctx, Pages pages, String problem) {
        pages.render(ctx, "login.jte", new LoginView(safeNext(ctx.queryParam("next")), problem));
    }

    private void signIn(Context ctx, Pages pages) {
        String next = safeNext(ctx.formParam("next"));
        String client = client(ctx);
        String token = ctx.formParam("token");
        Optional<Duration> wait = throttle.refusedFor(client, token);
        if (wait.isPresent()) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds(wait.get())));
            pages.render(
                    ctx,
                    "login.jte",
                    new LoginView(next, "too many failed attempts: try again in " + seconds(wait.get()) + " s"));
            return;
        }
        Optional<User> user = users.authenticate(token);
        if (user.isEmpty()) {
            throttle.failed(client, token);
            ctx.status(HttpStatus.UNAUTHORIZED);
            pages.render(ctx, "login.jte", new LoginView(next, "that token is not known"));
            return;
        }
        throttle.succeeded(client);
        Sessions.Session session = sessions.open(user.get());
        ctx.cookie(new Cookie(SESSION_COOKIE, session.id(), "/", -1, behindTls(ctx), true, null, SameSite.STRICT));
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        ctx.cookie(new Cookie(SESSION_COOKIE, "", "/", 0, behindTls(ctx), true, null, SameSite.STRICT));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** The page to return to after signing in: only a path on this server, never another site. */
    static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.startsWith("/login")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    private static String requestedPage(Context ctx) {
        return ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
    }

    /**
     * Browsers say where a request comes from. Modern ones send {@code Sec-Fetch-Site}: only "same-origin" (our
     * own pages) and "none" (typed, bookmarked) are accepted; "same-site" is refused too, since another program
     * on this machine's other port is the same site. Older ones send only {@code Origin}, which must be this
     * server; our {@code Referrer-Policy: no-referrer} makes it "null" on form posts, refused as unknown.
     * Clients that send neither (curl, services) are not browsers and are judged by their token.
     */
    private static boolean fromAnotherSite(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return false;
        }
        String host = ctx.header("Host");
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host == null || originHost == null || !originHost.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static boolean csrfTokenMatches(Context ctx, String expected) {
        String presented = ctx.header(CSRF_HEADER);
        if (presented == null) {
            presented = ctx.formParam(CSRF_FIELD);
        }
        return presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean behindTls(Context ctx) {
        return "https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static void unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"campaign-rl\"");
        deny(ctx, HttpStatus.UNAUTHORIZED, "Authorization", message);
    }

    private static void forbiddenRole(Context ctx, User user) {
        String needed = access(ctx).needs() == Access.Needs.EXPORT
                ? "a role that may export email addresses (" + Role.exportingRoles() + ")"
                : "the " + Role.ML_ENGINEER.label() + " role";
        deny(
                ctx,
                HttpStatus.FORBIDDEN,
                null,
                user.name() + " is a " + user.role().label() + ": "
                        + ctx.method().name() + " " + ctx.path() + " needs " + needed);
    }

    private static void tooManyAttempts(Context ctx, Duration wait) {
        ctx.header("Retry-After", Long.toString(seconds(wait)));
        deny(
                ctx,
                HttpStatus.TOO_MANY_REQUESTS,
                "Authorization",
                "too many failed tokens from this address, or this " + "token failed too often: try again in "
                        + seconds(wait) + " s");
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Every refusal in the shared error shape (a page's form shows it as is; it is rare and plain). */
    private static void deny(Context ctx, HttpStatus status, String field, String message) {
        WebServer.error(ctx, status, field, message);
        ctx.skipRemainingHandlers();
    }
}
