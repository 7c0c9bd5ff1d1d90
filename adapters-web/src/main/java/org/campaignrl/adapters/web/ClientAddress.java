package org.campaignrl.adapters.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address a request came from, for the sign-in limiter ({@link LoginThrottle}). Behind a reverse proxy every
 * connection comes from the proxy; when the proxy is named as trusted ({@code serve --trusted-proxies}), the
 * client is the address the proxy saw: the last {@code X-Forwarded-For} entry that is not itself a trusted proxy.
 * {@code X-Forwarded-For} from anyone else is ignored, since any client can send it.
 */
final class ClientAddress {
    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** An IPv4 or IPv6 address literal (a zone after {@code %}): never a name, which would be looked up. */
    private static final Pattern LITERAL =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F.]*:[0-9a-fA-F:.]*(%[0-9A-Za-z]+)?");

    private final Set<String> trustedProxies;

    /** @param trustedProxies IP addresses of the proxies in front of the server (see {@link #check}) */
    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .map(proxy -> normal(proxy).orElseThrow())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Refuses, naming it, a trusted proxy that is not an IP address literal: a name would need looking up. */
    static void check(List<String> trustedProxies) {
        for (String proxy : trustedProxies) {
            if (normal(proxy).isEmpty()) {
                throw new IllegalArgumentException("--trusted-proxies takes IP addresses, was '" + proxy + "'");
            }
        }
    }

    String of(String connectedFrom, String forwardedFor) {
        String client = normal(connectedFrom).orElse(connectedFrom);
        if (forwardedFor == null || !trustedProxies.contains(client)) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            var hop = normal(hops[i].strip());
            if (hop.isEmpty()) {
                return client; // a hop the proxies did not write: the last trusted one stands for the client
            }
            client = hop.get();
            if (!trustedProxies.contains(client)) {
                return client;
            }
        }
        return client;
    }

    /** The address in one spelling ({@code [::1]} and {@code 0:0:0:0:0:0:0:1} alike), if it is a literal. */
    private static Optional<String> normal(String text) {
        String bare = text.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (!LITERAL.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare).getHostAddress().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
