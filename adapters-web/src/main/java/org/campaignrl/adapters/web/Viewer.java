package org.campaignrl.adapters.web;

import org.campaignrl.adapters.users.User;

/**
 * Who is looking at a page, for the templates: whether to show the forms that change things and the links that
 * export email addresses, the CSRF token
 * those forms carry, and the name in the header. Without users configured everyone is a local engineer.
 */
public record Viewer(
        String name, String role, boolean mayChange, boolean mayExport, String csrfToken, boolean signedIn) {
    static final Viewer LOCAL = new Viewer("", "", true, true, "", false);
    static final Viewer ANONYMOUS = new Viewer("", "", false, false, "", false);

    static Viewer of(Sessions.Session session) {
        User user = session.user();
        return new Viewer(
                user.name(),
                user.role().label(),
                user.role().mayChange(),
                user.role().mayExportAddresses(),
                session.csrfToken(),
                true);
    }

    /** A user who came with a bearer token: no forms to protect, no sign-out. */
    static Viewer bearer(User user) {
        return new Viewer(
                user.name(),
                user.role().label(),
                user.role().mayChange(),
                user.role().mayExportAddresses(),
                "",
                false);
    }
}
