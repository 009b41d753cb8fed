package org.reception.cases;

/** The case changed since the client read it; nothing changed. Read it again and retry. */
public class ConcurrentUpdate extends ReceptionException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdate(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.CONFLICT;
    }
}
