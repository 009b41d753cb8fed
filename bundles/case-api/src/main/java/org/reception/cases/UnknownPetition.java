package org.reception.cases;

/** No petition with that id. */
public class UnknownPetition extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownPetition(String id) {
        super("no petition with id " + id);
    }
}
