package org.reception.rest;

/** No account, an unreadable Authorization header, or a wrong password. */
final class Unauthenticated extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unauthenticated(String message) {
        super(message);
    }
}
