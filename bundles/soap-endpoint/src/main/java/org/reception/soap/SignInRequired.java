package org.reception.soap;

import org.reception.cases.Problem;
import org.reception.cases.ReceptionException;

/** No account, an unreadable Authorization header, or a wrong password. */
final class SignInRequired extends ReceptionException {
    private static final long serialVersionUID = 1L;

    SignInRequired() {
        super("HTTP Basic with an integration account and its password is required; none was accepted");
    }

    @Override
    public Problem problem() {
        return Problem.UNAUTHORIZED;
    }
}
