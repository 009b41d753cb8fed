package org.reception.cases;

/** A part the request needs (store, rules) is not ready; nothing was stored. The client may retry. */
public class ServiceUnavailable extends ReceptionException {
    private static final long serialVersionUID = 1L;

    public ServiceUnavailable(String message) {
        super(message);
    }

    public ServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Problem problem() {
        return Problem.SERVICE_UNAVAILABLE;
    }
}
