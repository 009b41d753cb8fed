package org.reception.cases;

/**
 * The caller's roles do not allow the request. Used only where refusing does not tell whether a
 * case exists; a case the caller may not see is an {@link UnknownPetition}.
 */
public class Forbidden extends ReceptionException {
    private static final long serialVersionUID = 1L;

    public Forbidden(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.FORBIDDEN;
    }
}
