package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.reception.cases.access.Caller;

class JaasAuthenticatorTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong nanos = new AtomicLong(1);
    private final AtomicInteger asked = new AtomicInteger();
    private final JaasAuthenticator accounts = new JaasAuthenticator(config(30), (realm, name, password) -> {
        asked.incrementAndGet();
        return password.equals("right") ? Optional.of(Caller.of(name, List.of("clerk:520102"))) : Optional.empty();
    }, nanos::get);

    @Test
    void aCheckedPasswordIsTrustedForAWhileAndThenCheckedAgain() {
        assertTrue(accounts.authenticate("wang", "right").isPresent());
        assertTrue(accounts.authenticate("wang", "right").isPresent());
        assertEquals(1, asked.get(), "the second request did not ask the realm");
        assertTrue(accounts.authenticate("wang", "wrong").isEmpty(), "another password is another question");
        nanos.addAndGet(31 * SECOND);
        assertTrue(accounts.authenticate("wang", "right").isPresent());
        assertEquals(3, asked.get());
    }

    @Test
    void anAccountGuessedAtTooOftenIsRefusedWithoutAskingTheRealmForAMinute() {
        for (int i = 0; i < JaasAuthenticator.MAX_FAILURES; i++) {
            assertTrue(accounts.authenticate("wang", "guess" + i).isEmpty());
        }
        assertEquals(JaasAuthenticator.MAX_FAILURES, asked.get());
        assertTrue(accounts.authenticate("wang", "right").isEmpty(), "refused, even the right password");
        assertEquals(JaasAuthenticator.MAX_FAILURES, asked.get(), "without a password hash");
        assertTrue(accounts.authenticate("li", "right").isPresent(), "other accounts are not affected");

        nanos.addAndGet(61 * SECOND);
        assertTrue(accounts.authenticate("wang", "right").isPresent());
    }

    @Test
    void requestsWithTheSameCredentialsWaitForTheCheckInFlightInsteadOfHashingAgain() throws Exception {
        SlowRealm realm = new SlowRealm(0);
        JaasAuthenticator slowRealm = new JaasAuthenticator(config(30), realm, nanos::get);
        ExecutorService requests = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<Caller>> first = requests.submit(() -> slowRealm.authenticate("nanming", "right"));
            realm.entered.await();
            Thread[] second = new Thread[1];
            Future<Optional<Caller>> waiting = requests.submit(() -> {
                second[0] = Thread.currentThread();
                return slowRealm.authenticate("nanming", "right");
            });
            // Waiting for the first check, or (were it to hash again) in the realm itself.
            while (realm.asked.get() == 1
                    && (second[0] == null || second[0].getState() != Thread.State.TIMED_WAITING)) {
                Thread.onSpinWait();
            }
            realm.answer();
            assertTrue(first.get().isPresent());
            assertTrue(waiting.get().isPresent());
            assertEquals(1, realm.asked.get(), "one password hash for both requests");
        } finally {
            requests.shutdownNow();
        }
    }

    @Test
    void nearTheEndOfItsTrustOneRequestChecksThePasswordAgainWhileTheOthersGoOn() throws Exception {
        SlowRealm realm = new SlowRealm(1);
        JaasAuthenticator slowRealm = new JaasAuthenticator(config(30), realm, nanos::get);
        assertTrue(slowRealm.authenticate("nanming", "right").isPresent());
        nanos.addAndGet(20 * SECOND);
        assertTrue(slowRealm.authenticate("nanming", "right").isPresent());
        assertEquals(1, realm.asked.get(), "well within its trust");

        nanos.addAndGet(5 * SECOND);
        ExecutorService requests = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Caller>> renewing = requests.submit(() -> slowRealm.authenticate("nanming", "right"));
            assertTrue(realm.entered.await(30, TimeUnit.SECONDS), "a request near the end of the trust checks again");
            assertTrue(slowRealm.authenticate("nanming", "right").isPresent(), "answered while the check runs");
            realm.answer();
            assertTrue(renewing.get().isPresent());
            assertEquals(2, realm.asked.get());
        } finally {
            requests.shutdownNow();
        }
        nanos.addAndGet(20 * SECOND);
        assertTrue(slowRealm.authenticate("nanming", "right").isPresent());
        assertEquals(2, realm.asked.get(), "the renewed trust runs from the renewal");
    }

    /** Accepts every password; its checks after the first {@code answeredAtOnce} wait for {@link #answer()}. */
    private static final class SlowRealm implements JaasAuthenticator.Realm {
        final AtomicInteger asked = new AtomicInteger();
        /** Counted down as each check enters, up to the first that waits. */
        final CountDownLatch entered;
        private final CountDownLatch answer = new CountDownLatch(1);
        private final int answeredAtOnce;

        SlowRealm(int answeredAtOnce) {
            this.answeredAtOnce = answeredAtOnce;
            this.entered = new CountDownLatch(answeredAtOnce + 1);
        }

        @Override
        public Optional<Caller> login(String realmName, String name, String password) {
            int check = asked.incrementAndGet();
            entered.countDown();
            if (check > answeredAtOnce) {
                try {
                    answer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Optional.of(Caller.of(name, List.of("integration:520102")));
        }

        void answer() {
            answer.countDown();
        }
    }

    private static AccessConfig config(int trustSeconds) {
        return new AccessConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AccessConfig.class;
            }

            @Override
            public String realm() {
                return "karaf";
            }

            @Override
            public int trustSeconds() {
                return trustSeconds;
            }
        };
    }
}
