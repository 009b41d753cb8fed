package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.reception.cases.access.SignInThrottled;

class JaasAuthenticatorTest {

    private static final long SECOND = 1_000_000_000L;
    private static final String HERE = "10.1.1.1";
    private static final String ATTACKER = "10.6.6.6";

    private final AtomicLong nanos = new AtomicLong(1);
    private final AtomicInteger asked = new AtomicInteger();
    private final JaasAuthenticator accounts = new JaasAuthenticator(config(30), (realm, name, password) -> {
        asked.incrementAndGet();
        return password.equals("right") ? Optional.of(Caller.of(name, List.of("clerk:520102"))) : Optional.empty();
    }, nanos::get, 0);

    @Test
    void aCheckedPasswordIsTrustedForAWhileAndThenCheckedAgain() {
        assertTrue(accounts.authenticate("wang", "right", HERE).isPresent());
        assertTrue(accounts.authenticate("wang", "right", HERE).isPresent());
        assertEquals(1, asked.get(), "the second request did not ask the realm");
        assertTrue(accounts.authenticate("wang", "wrong", HERE).isEmpty(), "another password is another question");
        nanos.addAndGet(31 * SECOND);
        assertTrue(accounts.authenticate("wang", "right", HERE).isPresent());
        assertEquals(3, asked.get());
    }

    /** A guesser at one address is slowed down there; the account's owner signs in from elsewhere. */
    @Test
    void guessingAnAccountFromOneAddressDelaysThatAddressOnlyAndNeverLocksTheOwnerOut() {
        for (int i = 0; i < SignInThrottle.PAIR_FREE; i++) {
            assertTrue(accounts.authenticate("wang", "guess" + i, ATTACKER).isEmpty());
        }
        assertTrue(accounts.authenticate("wang", "guess", ATTACKER).isEmpty(), "one more, then delayed");
        int checks = asked.get();
        SignInThrottled throttled = assertThrows(SignInThrottled.class,
                () -> accounts.authenticate("wang", "right", ATTACKER));
        assertEquals(1, throttled.retryAfterSeconds());
        assertEquals(checks, asked.get(), "refused without a password hash");
        assertTrue(accounts.authenticate("wang", "right", HERE).isPresent(), "the owner, from another address");

        nanos.addAndGet(SECOND);
        assertTrue(accounts.authenticate("wang", "guess", ATTACKER).isEmpty());
        assertEquals(2, assertThrows(SignInThrottled.class, () -> accounts.authenticate("wang", "x", ATTACKER))
                .retryAfterSeconds(), "each further failure doubles the delay");
    }

    /** Trying many accounts from one address delays the address, but not an account that signed in there before. */
    @Test
    void anAddressTryingManyAccountsIsDelayedButNotItsKnownColleagues() {
        assertTrue(accounts.authenticate("li", "right", ATTACKER).isPresent());
        for (int i = 0; i <= SignInThrottle.ADDRESS_FREE; i++) {
            assertTrue(accounts.authenticate("user" + i, "guess", ATTACKER).isEmpty());
        }
        assertThrows(SignInThrottled.class, () -> accounts.authenticate("zhao", "right", ATTACKER));
        nanos.addAndGet(31 * SECOND);
        assertTrue(accounts.authenticate("li", "right", ATTACKER).isPresent(),
                "an account that signed in from this address before is not held by the others' failures");
    }

    /** Flooding with new names and addresses fills the memory; it does not wipe out a guesser's count. */
    @Test
    void floodingCannotResetAGuessersDelay() {
        for (int i = 0; i <= SignInThrottle.PAIR_FREE; i++) {
            assertTrue(accounts.authenticate("wang", "guess" + i, ATTACKER).isEmpty());
        }
        for (int i = 0; i < SignInThrottle.MAX_ENTRIES * 2; i++) {
            assertTrue(accounts.authenticate("junk" + i, "junk", "10." + (i >> 16) + "." + ((i >> 8) & 255) + "."
                    + (i & 255)).isEmpty());
        }
        assertThrows(SignInThrottled.class, () -> accounts.authenticate("wang", "right", ATTACKER));
    }

    /** An unknown name is refused as slowly as a wrong password: the time does not tell which names exist. */
    @Test
    void aRefusalTakesAsLongAsAPasswordCheck() {
        long check = 30_000_000L;
        JaasAuthenticator timed = new JaasAuthenticator(config(0), (realm, name, password) -> {
            if (name.equals("wang")) {
                java.util.concurrent.locks.LockSupport.parkNanos(check);
                return password.equals("right") ? Optional.of(Caller.of(name, List.of("clerk:520102")))
                        : Optional.empty();
            }
            return Optional.empty();
        }, nanos::get, check);
        long started = System.nanoTime();
        assertTrue(timed.authenticate("nobody", "x", HERE).isEmpty());
        assertTrue(System.nanoTime() - started >= check * 9 / 10, "padded to a password check");
    }

    @Test
    void requestsWithTheSameCredentialsWaitForTheCheckInFlightInsteadOfHashingAgain() throws Exception {
        SlowRealm realm = new SlowRealm(0);
        JaasAuthenticator slowRealm = new JaasAuthenticator(config(30), realm, nanos::get, 0);
        ExecutorService requests = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<Caller>> first = requests.submit(() -> slowRealm.authenticate("nanming", "right", HERE));
            realm.entered.await();
            Thread[] second = new Thread[1];
            Future<Optional<Caller>> waiting = requests.submit(() -> {
                second[0] = Thread.currentThread();
                return slowRealm.authenticate("nanming", "right", HERE);
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
        JaasAuthenticator slowRealm = new JaasAuthenticator(config(30), realm, nanos::get, 0);
        assertTrue(slowRealm.authenticate("nanming", "right", HERE).isPresent());
        nanos.addAndGet(20 * SECOND);
        assertTrue(slowRealm.authenticate("nanming", "right", HERE).isPresent());
        assertEquals(1, realm.asked.get(), "well within its trust");

        nanos.addAndGet(5 * SECOND);
        ExecutorService requests = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Caller>> renewing = requests.submit(() -> slowRealm.authenticate("nanming", "right", HERE));
            assertTrue(realm.entered.await(30, TimeUnit.SECONDS), "a request near the end of the trust checks again");
            assertTrue(slowRealm.authenticate("nanming", "right", HERE).isPresent(), "answered while the check runs");
            realm.answer();
            assertTrue(renewing.get().isPresent());
            assertEquals(2, realm.asked.get());
        } finally {
            requests.shutdownNow();
        }
        nanos.addAndGet(20 * SECOND);
        assertTrue(slowRealm.authenticate("nanming", "right", HERE).isPresent());
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
