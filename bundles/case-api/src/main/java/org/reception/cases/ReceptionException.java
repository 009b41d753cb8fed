package org.reception.cases;

import java.util.List;

/**
 * Every failure the platform tells a client about: it carries its {@link Problem}, which fixes the
 * stable code, the HTTP status and whether the caller or the platform is at fault, and the fields it
 * is about. Each face (REST, SOAP, Open311, a county plugin's endpoint) translates it in one place,
 * so that the faces cannot disagree.
 */
public abstract class ReceptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ReceptionException(String message) {
        super(message);
    }

    protected ReceptionException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract Problem problem();

    /** The fields at fault, each with what is wrong with it; empty when the failure is not about a field. */
    public List<Violation> violations() {
        return List.of();
    }

    /** Seconds the client should wait before trying again, or 0 when waiting does not help. */
    public long retryAfterSeconds() {
        return 0;
    }
}
