package org.campaignrl.adapters.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Refuses a request whose {@code Host} is not a name of this server: the guard against DNS rebinding, where a
 * page on an attacker's domain, once the domain resolves to 127.0.0.1, reaches the server from the user's own
 * browser with the attacker's name in {@code Host} (and in {@code Origin}, so that it passes for same-origin).
 * Without users such a request could change everything.
 *
 * <p>The server answers to: {@code localhost} and loopback addresses (127.0.0.0/8, {@code [::1]}); the address
 * it was started on ({@code --host}); the names given with {@code --allowed-hosts} (what a reverse proxy passes
 * on, e.g. {@code campaigns.example.com}). Bound to every interface ({@code 0.0.0.0}, which needs users), it
 * also answers to any IP address literal, which no rebinding can stand for, and to this machine's name. A port
 * in {@code Host} is not compared (the socket decides which one was reached). A request without a {@code Host}
 * (HTTP/1.0) passes: browsers always send one.
 */
final class HostCheck {
    /** A literal IPv4 address, or an IPv6 one in brackets, as {@code Host} carries them. */
    private static final Pattern IP_LITERAL = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3})|(\\[[0-9a-f:.%]+])");

    private final Set<String> names;
    private volatile boolean anyAddress;

    /** @param allowedHosts further names the server answers to (behind a proxy), case-insensitive */
    HostCheck(List<String> allowedHosts) {
        this.names = new TreeSet<>(List.of("localhost", "[::1]"));
        allowedHosts.forEach(name -> names.add(hostOnly(name)));
    }

    void register(JavalinConfig config) {
        config.routes.before(this::check);
    }

    /** What the server was bound to: that address is one of its names, and every address when it is a wildcard. */
    void boundTo(String host) {
        String name = hostOnly(host);
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress()) {
                anyAddress = true;
                names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
                return;
            }
        } catch (UnknownHostException e) {
            // An unknown name cannot be bound; Jetty says so.
        }
        names.add(name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name);
    }

    private void check(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || answersTo(hostOnly(host))) {
            return;
        }
        WebServer.error(
                ctx,
                HttpStatus.MISDIRECTED_REQUEST,
                "Host",
                "this server does not answer to the host '" + RequestRefusal.printable(host)
                        + "': add it with --allowed-hosts if it is a name of this server");
        ctx.skipRemainingHandlers();
    }

    boolean answersTo(String host) {
        if (names.contains(host) || host.endsWith(".localhost") && host.length() > ".localhost".length()) {
            return true;
        }
        if (IP_LITERAL.matcher(host).matches()) {
            return anyAddress || isLoopback(host);
        }
        return false;
    }

    private static boolean isLoopback(String literal) {
        try {
            String bare = literal.startsWith("[") ? literal.substring(1, literal.length() - 1) : literal;
            return InetAddress.getByName(bare).isLoopbackAddress(); // a literal: no name is looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The name without its port, lower-cased; an IPv6 literal keeps its brackets. */
    static String hostOnly(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end < 0 ? name : name.substring(0, end + 1);
        }
        int colon = name.indexOf(':');
        return colon >= 0 && name.indexOf(':', colon + 1) < 0 ? name.substring(0, colon) : name;
    }
}
