package org.reception.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.reception.cases.access.Caller;

class DeskSessionsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T01:00:00Z"));
    private final java.util.Map<String, Long> revisions = new java.util.HashMap<>();
    private final DeskSessions sessions = new DeskSessions(now::get, name -> revisions.getOrDefault(name, 0L),
            Duration.ofMinutes(30), Duration.ofHours(12));
    private final Caller clerk = Caller.of("clerk1", List.of("clerk:520102"));

    @Test
    void aSessionLivesWhileUsedAndEndsWhenIdle() {
        DeskSessions.Session session = sessions.open(clerk);
        for (int i = 0; i < 5; i++) {
            advance(Duration.ofMinutes(29));
            assertEquals(clerk, sessions.touch(session.id()).orElseThrow().caller());
        }
        advance(Duration.ofMinutes(30));
        assertTrue(sessions.touch(session.id()).isEmpty());
        assertEquals(0, sessions.size(), "an ended session is forgotten");
    }

    @Test
    void aPagePollingByItselfDoesNotKeepTheSessionAlive() {
        DeskSessions.Session session = sessions.open(clerk);
        for (int i = 0; i < 5; i++) {
            advance(Duration.ofMinutes(5));
            assertTrue(sessions.touch(session.id(), false).isPresent(), "the board's poll is answered");
        }
        advance(Duration.ofMinutes(5));
        assertTrue(sessions.touch(session.id(), false).isEmpty(), "half an hour with nobody at the screen");
    }

    @Test
    void aSessionEndsAtItsMaximumAgeHoweverBusy() {
        DeskSessions.Session session = sessions.open(clerk);
        for (int i = 0; i < 47; i++) {
            advance(Duration.ofMinutes(15));
            assertTrue(sessions.touch(session.id()).isPresent());
        }
        advance(Duration.ofMinutes(15));
        assertTrue(sessions.touch(session.id()).isEmpty());
    }

    @Test
    void newLimitsApplyToLiveSessions() {
        DeskSessions.Session session = sessions.open(clerk);
        advance(Duration.ofMinutes(10));
        sessions.limits(Duration.ofMinutes(5), Duration.ofHours(12));
        assertTrue(sessions.touch(session.id()).isEmpty());
    }

    @Test
    void aChangeToTheAccountEndsItsSessionsAtOnce() {
        DeskSessions.Session session = sessions.open(clerk);
        DeskSessions.Session other = sessions.open(Caller.of("clerk2", List.of("clerk:520103")));
        revisions.put("clerk1", 1L);
        assertTrue(sessions.touch(session.id()).isEmpty(), "a revoked role or reset password signs the browser out");
        assertTrue(sessions.touch(other.id()).isPresent(), "other accounts' sessions go on");
        assertEquals(clerk, sessions.touch(sessions.open(clerk).id()).orElseThrow().caller(), "signing in again works");
    }

    @Test
    void signOutEndsTheSessionAndUnknownIdsSignNobodyIn() {
        DeskSessions.Session session = sessions.open(clerk);
        sessions.close(session.id());
        assertTrue(sessions.touch(session.id()).isEmpty());
        assertTrue(sessions.touch("made-up").isEmpty());
        assertTrue(sessions.touch(null).isEmpty());
    }

    @Test
    void idsAndTokensAreRandomAndDistinct() {
        DeskSessions.Session a = sessions.open(clerk);
        DeskSessions.Session b = sessions.open(clerk);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertNotEquals(a.id(), a.csrfToken());
        assertTrue(a.id().matches("[A-Za-z0-9_-]{43}"), a.id());
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        DeskSessions.Session session = sessions.open(clerk);
        assertTrue(session.csrfMatches(session.csrfToken()));
        assertFalse(session.csrfMatches(null));
        assertFalse(session.csrfMatches(""));
        assertFalse(session.csrfMatches(session.csrfToken() + "x"));
        assertFalse(session.csrfMatches(session.id()));
    }

    @Test
    void anAccountSigningInOverAndOverEndsOnlyItsOwnOldestSessions() {
        DeskSessions.Session colleague = sessions.open(Caller.of("clerk2", List.of("clerk:520103")));
        DeskSessions.Session first = sessions.open(clerk);
        for (int i = 0; i < 1_000; i++) {
            advance(Duration.ofMillis(1));
            sessions.open(clerk);
        }
        assertEquals(1 + DeskSessions.MAX_PER_ACCOUNT, sessions.size());
        assertTrue(sessions.touch(first.id()).isEmpty(), "its own oldest made room");
        assertTrue(sessions.touch(colleague.id()).isPresent(), "nobody else's");
    }

    @Test
    void aFloodOfSignInsNeverGrowsBeyondTheLimit() {
        DeskSessions.Session first = sessions.open(Caller.of("someone", List.of("clerk:520102")));
        for (int i = 0; i < DeskSessions.MAX_SESSIONS + 10; i++) {
            advance(Duration.ofMillis(1));
            sessions.open(Caller.of("clerk" + i, List.of("clerk:520102")));
        }
        assertTrue(sessions.size() <= DeskSessions.MAX_SESSIONS);
        assertTrue(sessions.touch(first.id()).isEmpty(), "the oldest made room");
    }

    private void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }
}
