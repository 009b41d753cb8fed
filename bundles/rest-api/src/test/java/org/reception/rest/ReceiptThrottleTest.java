package org.reception.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ReceiptThrottleTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final ReceiptThrottle throttle = new ReceiptThrottle(3, nanos::get);

    @Test
    void anAddressGetsItsBurstThenWaitsForTheBucketToRefill() {
        for (int i = 0; i < 3; i++) {
            throttle.acquire("10.0.0.1");
        }
        Throttled refused = assertThrows(Throttled.class, () -> throttle.acquire("10.0.0.1"));
        assertEquals(20, refused.retryAfterSeconds(), "one lookup comes back every 20 s at 3 a minute");
        throttle.acquire("10.0.0.2");

        nanos.addAndGet(20_000_000_000L);
        throttle.acquire("10.0.0.1");
        assertThrows(Throttled.class, () -> throttle.acquire("10.0.0.1"));
    }

    @Test
    void aNewLimitAppliesToTheNextLookup() {
        for (int i = 0; i < 3; i++) {
            throttle.acquire("10.0.0.1");
        }
        throttle.perMinute(1);
        nanos.addAndGet(30_000_000_000L);
        Throttled refused = assertThrows(Throttled.class, () -> throttle.acquire("10.0.0.1"),
                "half a minute refills half a lookup at one a minute");
        assertEquals(30, refused.retryAfterSeconds());

        throttle.perMinute(120);
        nanos.addAndGet(500_000_000L);
        throttle.acquire("10.0.0.1");
    }
}
