package org.campaignrl.adapters.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows down token guessing: after {@link #MAX_FAILURES} failed sign-ins or bearer tokens from one client
 * within {@link #WINDOW}, that client is refused until the window has passed. A success clears its count.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int SWEEP_ABOVE = 10_000;

    private record Failures(Instant since, int count) {
    }

    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this client must wait before trying again, if it is refused now. */
    Optional<Duration> refusedFor(String client) {
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

    void failed(String client) {
        if (failures.size() > SWEEP_ABOVE) {
            Instant cutoff = clock.instant().minus(WINDOW);
            failures.values().removeIf(f -> f.since().isBefore(cutoff));
        }
        Instant now = clock.instant();
        failures.merge(client, new Failures(now, 1), (old, one) -> old.since().plus(WINDOW).isBefore(now)
                ? one : new Failures(old.since(), old.count() + 1));
    }

    void succeeded(String client) {
        failures.remove(client);
    }
}
