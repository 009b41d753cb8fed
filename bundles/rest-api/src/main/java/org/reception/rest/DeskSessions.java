package org.reception.rest;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.reception.cases.access.Caller;

/**
 * The web desk's signed-in browsers. A session is a random id in an {@code HttpOnly} cookie and a
 * second random token the page sends back in a header on every change (CSRF). Sessions live in
 * memory: a restart signs everyone out, and nothing about them is ever written down.
 *
 * <p>A session ends when it was idle too long, when it reaches its maximum age whatever its use
 * (so that a role revoked in the realm by other means is dropped within that time), when its
 * account is changed on the platform (a role granted or revoked, a password reset), or on sign-out. Time is the
 * platform's clock, so that tests move it rather than wait.
 */
final class DeskSessions {

    /** Beyond this many, the oldest sessions make room: a flood of sign-ins never exhausts memory. */
    static final int MAX_SESSIONS = 20_000;
    /**
     * Browsers one account may keep signed in; a further sign-in ends its own oldest. So an account,
     * or whoever holds its password, never pushes other accounts' sessions out.
     */
    static final int MAX_PER_ACCOUNT = 5;
    private static final Logger LOG = LogManager.getLogger(DeskSessions.class);
    static final String COOKIE = "reception_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Sent by the desk on what its page asks by itself: not counted as use of the session. */
    static final String BACKGROUND_HEADER = "X-Reception-Background";

    /** A signed-in browser: who, the token it must echo on changes, since when and last seen. */
    record Session(String id, Caller caller, String csrfToken, Instant started, Instant lastSeen, long revision) {
        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    csrfToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Supplier<Instant> clock;
    private final ToLongFunction<String> revisions;
    private volatile Duration idle;
    private volatile Duration maxAge;

    /** @param revisions an account's revision ({@code AccountAdministration#revision}): a change ends its sessions */
    DeskSessions(Supplier<Instant> clock, ToLongFunction<String> revisions, Duration idle, Duration maxAge) {
        this.clock = clock;
        this.revisions = revisions;
        limits(idle, maxAge);
    }

    /** New limits apply to every session at its next request. */
    void limits(Duration idle, Duration maxAge) {
        this.idle = idle;
        this.maxAge = maxAge;
    }

    Duration idle() {
        return idle;
    }

    synchronized Session open(Caller caller) {
        Instant now = clock.get();
        List<Session> own = sessions.values().stream().filter(session -> session.caller().name().equals(caller.name()))
                .sorted(Comparator.comparing(Session::lastSeen)).toList();
        for (int i = 0; i <= own.size() - MAX_PER_ACCOUNT; i++) {
            sessions.remove(own.get(i).id());
        }
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(session -> !alive(session, now));
            if (sessions.size() >= MAX_SESSIONS) {
                LOG.warn("{} desk sessions are open, the most there may be; the least recently used make room",
                        sessions.size());
            }
            while (sessions.size() >= MAX_SESSIONS) {
                sessions.values().stream().min(Comparator.comparing(Session::lastSeen))
                        .ifPresent(oldest -> sessions.remove(oldest.id()));
            }
        }
        Session session = new Session(token(), caller, token(), now, now, revisions.applyAsLong(caller.name()));
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session of this id, marked as used now; empty (and forgotten) if it ended. */
    Optional<Session> touch(String id) {
        return touch(id, true);
    }

    /**
     * The live session of this id; empty (and forgotten) if it ended.
     *
     * @param use whether the request is someone's use of the desk; what a page asks by itself (a
     *            board polling for events) is not, so that a screen left alone still times out
     */
    Optional<Session> touch(String id, boolean use) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.get();
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!alive(session, now)) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        Session used = new Session(session.id(), session.caller(), session.csrfToken(), session.started(),
                use && now.isAfter(session.lastSeen()) ? now : session.lastSeen(), session.revision());
        sessions.replace(id, session, used);
        return Optional.of(used);
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    int size() {
        return sessions.size();
    }

    private boolean alive(Session session, Instant now) {
        return now.isBefore(session.lastSeen().plus(idle)) && now.isBefore(session.started().plus(maxAge))
                && revisions.applyAsLong(session.caller().name()) == session.revision();
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
