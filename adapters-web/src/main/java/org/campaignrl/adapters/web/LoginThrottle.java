package org.campaignrl.adapters.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * Slows down token guessing: after {@link #MAX_FAILURES} failed sign-ins or bearer tokens from one client address
 * within {@link #WINDOW}, that address is refused until the window has passed; so is a token that failed that
 * often, from whichever address it comes (a client that retries a revoked token, or one that spreads its tries
 * over addresses). A success clears the address's count. Behind a reverse proxy the address is the client's only
 * when the proxy is trusted ({@link ClientAddress}); otherwise every client shares the proxy's.
 *
 * <p>Tokens are counted by their SHA-256, so that no presented token is kept.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int SWEEP_ABOVE = 10_000;
    private static final String ADDRESS = "address ";
    private static final String TOKEN = "token ";

    private record Failures(Instant since, int count) {}

    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a request from {@code address} presenting {@code token} must wait, if it is refused now. */
    Optional<Duration> refusedFor(String address, String token) {
        Optional<Duration> byAddress = refusedFor(ADDRESS + address);
        Optional<Duration> byToken = isBlank(token) ? Optional.empty() : refusedFor(TOKEN + fingerprint(token));
        return Stream.of(byAddress, byToken).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    void failed(String address, String token) {
        failed(ADDRESS + address);
        if (!isBlank(token)) {
            failed(TOKEN + fingerprint(token));
        }
    }

    void succeeded(String address) {
        failures.remove(ADDRESS + address);
    }

    private Optional<Duration> refusedFor(String client) {
        Failures seen = failures.get(client);
        if (seen == null || seen.count() < MAX_FAILURES) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), seen.since().plus(WINDOW));
        if (left.isNegative() || left.isZero()) {
            failures.remove(client, seen);
            return Optional.empty();
        }
        return Optional.of(left);
    }

    private void failed(String client) {
        if (failures.size() > SWEEP_ABOVE) {
            Instant cutoff = clock.instant().minus(WINDOW);
            failures.values().removeIf(f -> f.since().isBefore(cutoff));
        }
        Instant now = clock.instant();
        failures.merge(
                client,
                new Failures(now, 1),
                (old, one) ->
                        old.since().plus(WINDOW).isBefore(now) ? one : new Failures(old.since(), old.count() + 1));
    }

    private static boolean isBlank(String token) {
        return token == null || token.isBlank();
    }

    private static String fingerprint(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
