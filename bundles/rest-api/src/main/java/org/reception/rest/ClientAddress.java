package org.reception.rest;

import javax.servlet.http.HttpServletRequest;

/** The address a request came from: the client's as a trusted proxy forwarded it, else the peer's. */
final class ClientAddress {

    static final String ATTRIBUTE = "org.reception.rest.clientAddress";

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        Object forwarded = request.getAttribute(ATTRIBUTE);
        return forwarded instanceof String client ? client : request.getRemoteAddr();
    }
}
