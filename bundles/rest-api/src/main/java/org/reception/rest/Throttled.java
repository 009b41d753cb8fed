package org.reception.rest;

/** A client asked more often than it may; it may ask again after {@code retryAfterSeconds}. */
final class Throttled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    Throttled(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
