package org.reception.soap;

import org.reception.cases.Problem;
import org.reception.cases.ReceptionException;

/** A message that is not a SOAP request of this contract: not XML, not an envelope, or past a limit. */
final class MalformedMessage extends ReceptionException {
    private static final long serialVersionUID = 1L;

    MalformedMessage(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.MALFORMED_REQUEST;
    }
}
