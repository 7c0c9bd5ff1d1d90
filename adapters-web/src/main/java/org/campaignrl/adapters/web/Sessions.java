package org.campaignrl.adapters.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.campaignrl.adapters.users.User;

/**
 * Dashboard sign-ins, kept in memory: a restart signs everyone out, which is acceptable for a tool whose users
 * hold their token. Each session has its own CSRF token for the forms it is shown; an idle session expires.
 */
final class Sessions {
    static final Duration IDLE_LIMIT = Duration.ofHours(8);
    /** Beyond this many, expired sessions are swept on the next sign-in, so memory stays bounded. */
    private static final int SWEEP_ABOVE = 10_000;

    record Session(String id, User user, String csrfToken, Instant lastSeen) {}

    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session open(User user) {
        if (sessions.size() > SWEEP_ABOVE) {
            sessions.values().removeIf(this::expired);
        }
        Session session = new Session(randomToken(), user, randomToken(), clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, seen now; an expired one is forgotten. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session seen = new Session(session.id(), session.user(), session.csrfToken(), clock.instant());
        sessions.replace(id, session, seen);
        return Optional.of(seen);
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private boolean expired(Session session) {
        return session.lastSeen().plus(IDLE_LIMIT).isBefore(clock.instant());
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
