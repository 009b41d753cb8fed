package org.reception.cases.access;

import org.reception.cases.Problem;
import org.reception.cases.ReceptionException;

/**
 * A sign-in refused without checking the password, because its address, or this account from this
 * address, failed too often lately; it may try again after {@code retryAfterSeconds}. Every face
 * answers it as "too many requests" (HTTP 429 with {@code Retry-After}).
 */
public final class SignInThrottled extends ReceptionException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public SignInThrottled(long retryAfterSeconds) {
        super("too many failed sign-ins from this address; try again in " + retryAfterSeconds + " s");
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
