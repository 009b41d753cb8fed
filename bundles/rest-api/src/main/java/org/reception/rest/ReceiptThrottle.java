package org.reception.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bounds how often one client address may look receipts up: the only read open to everybody, and a
 * query code is only 10 characters. A token bucket per address: {@code perMinute} lookups in a burst,
 * refilled evenly over the minute.
 */
final class ReceiptThrottle {

    private static final long MINUTE = 60_000_000_000L;
    /** Addresses are forgotten all at once beyond this many; a flood of addresses cannot exhaust memory. */
    private static final int MAX_CLIENTS = 100_000;

    /** Changed while the API serves (etc/org.reception.rest.cfg); a lookup reads it once. */
    private volatile int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }

    ReceiptThrottle(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** From the next lookup on; buckets fuller than the new rate are trimmed to it then. */
    void perMinute(int lookups) {
        this.perMinute = lookups;
    }

    /** @throws Throttled if the client used up its lookups; it may retry when one is refilled */
    void acquire(String client) {
        int perMinute = this.perMinute;
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(client == null ? "" : client,
                key -> new Bucket(perMinute, nanoTime.getAsLong()));
        synchronized (bucket) {
            long now = Math.max(bucket.refilledAt, nanoTime.getAsLong());
            bucket.tokens = Math.min(perMinute, bucket.tokens + (double) (now - bucket.refilledAt) * perMinute / MINUTE);
            bucket.refilledAt = now;
            if (bucket.tokens < 1) {
                long wait = (long) Math.ceil((1 - bucket.tokens) * 60 / perMinute);
                throw new Throttled("at most " + perMinute + " receipt lookups a minute from one address",
                        Math.max(1, wait));
            }
            bucket.tokens -= 1;
        }
    }
}
