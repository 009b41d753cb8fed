package org.reception.cases;

/** The action is not allowed in the case's present state, or its time limit has passed; nothing changed. */
public class IllegalTransition extends ReceptionException {
    private static final long serialVersionUID = 1L;

    public IllegalTransition(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.ILLEGAL_TRANSITION;
    }
}
