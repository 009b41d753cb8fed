package org.reception.rest;

import org.reception.cases.Problem;
import org.reception.cases.ReceptionException;

/** No account, an unreadable Authorization header, or a wrong password. */
final class Unauthenticated extends ReceptionException {
    private static final long serialVersionUID = 1L;

    Unauthenticated(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.UNAUTHORIZED;
    }
}
