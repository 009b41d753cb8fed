package org.reception.cases;

/** No petition with that id. */
public class UnknownPetition extends ReceptionException {
    private static final long serialVersionUID = 1L;

    public UnknownPetition(String id) {
        super("no petition with id " + id);
    }

    @Override
    public Problem problem() {
        return Problem.NOT_FOUND;
    }
}
