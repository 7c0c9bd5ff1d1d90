package org.campaignrl.adapters.web;

import io.javalin.security.RouteRole;

/**
 * Who may call a route, whether the call changes something, and how a refusal is answered: in the shared error
 * shape for programs (the API), or with the sign-in form for people (the pages). Each {@link Route} has one;
 * {@link AccessControl} decides by it and the OpenAPI document says it.
 */
enum Access implements RouteRole {
    /** Anyone, users or not: no token asked. */
    API_OPEN(Needs.NOTHING, false, true),
    /** Every signed-in role; the two POST queries of the compatible API are reads too. */
    API_READ(Needs.SIGN_IN, false, true),
    API_CHANGE(Needs.ENGINEER, true, true),
    /** Every signed-in role, and it stores something: campaign managers plan campaigns. */
    API_PLAN(Needs.SIGN_IN, true, true),
    /** Only the roles that may export customers' email addresses ({@code Role#mayExportAddresses}): send lists. */
    API_EXPORT(Needs.EXPORT, false, true),
    /** Anyone: the sign-in form. */
    PAGE_OPEN(Needs.NOTHING, false, false),
    /** Anyone, but not from another site's page: signing in. */
    PAGE_OPEN_CHANGE(Needs.NOTHING, true, false),
    PAGE_READ(Needs.SIGN_IN, false, false),
    PAGE_CHANGE(Needs.ENGINEER, true, false),
    /** The plan form: every signed-in role, with the CSRF token, as {@link #API_PLAN}. */
    PAGE_PLAN(Needs.SIGN_IN, true, false),
    /** Signing out changes only the caller's own session: every role may (with the CSRF token, as any change). */
    PAGE_OWN_SESSION(Needs.SIGN_IN, true, false);

    /** Who may, when the server has users: anyone, every role, the roles that may export addresses, engineers. */
    enum Needs {
        NOTHING,
        SIGN_IN,
        EXPORT,
        ENGINEER
    }

    private final Needs needs;
    private final boolean changes;
    private final boolean api;

    Access(Needs needs, boolean changes, boolean api) {
        this.needs = needs;
        this.changes = changes;
        this.api = api;
    }

    Needs needs() {
        return needs;
    }

    /**
     * Whether a call changes something: refused from another site's page, users or not, and with the session
     * cookie only with the session's CSRF token.
     */
    boolean changes() {
        return changes;
    }

    /** Whether the route answers programs (JSON, 401 without a token) rather than people (a sign-in redirect). */
    boolean api() {
        return api;
    }

    /** Whether some signed-in roles are refused (403), as well as those without a token. */
    boolean refusesSomeRoles() {
        return needs == Needs.EXPORT || needs == Needs.ENGINEER;
    }
}
