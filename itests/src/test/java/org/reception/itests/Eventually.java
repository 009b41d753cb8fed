package org.reception.itests;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Waits for what the platform does on its own time (FileInstall scanning deploy/, the outbox's
 * retries, a bundle coming and going): polls, and fails after a minute. Never a substitute for
 * the platform's clock, which tests move instead of waiting for it.
 */
final class Eventually {

    private static final long TIMEOUT_SECONDS = 60;

    private Eventually() {
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    interface Probe<T> {
        /** @return what was waited for, or null while it is not there */
        T attempt() throws Exception;
    }

    static void until(Condition condition, String what) throws Exception {
        value(() -> condition.holds() ? Boolean.TRUE : null, what);
    }

    static <T> T value(Probe<T> probe, String what) throws Exception {
        Instant deadline = Instant.now().plusSeconds(TIMEOUT_SECONDS);
        do {
            T found = probe.attempt();
            if (found != null) {
                return found;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("not within " + TIMEOUT_SECONDS + " s: " + what);
    }
}
