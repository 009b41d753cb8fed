package org.reception.rest;

import org.reception.cases.Problem;
import org.reception.cases.ReceptionException;

/** A client asked more often than it may; it may ask again after {@code retryAfterSeconds}. */
final class Throttled extends ReceptionException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    Throttled(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Problem problem() {
        return Problem.TOO_MANY_REQUESTS;
    }
}
