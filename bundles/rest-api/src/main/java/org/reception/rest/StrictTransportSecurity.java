package org.reception.rest;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

/**
 * Tells browsers that reached the platform over HTTPS to use nothing else for a year (HSTS,
 * RFC 6797). Sent on HTTPS answers only, as the RFC asks: over plain HTTP it would mean nothing.
 */
final class StrictTransportSecurity implements ContainerResponseFilter {

    static final String HEADER = "Strict-Transport-Security";
    static final String VALUE = "max-age=31536000";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if ("https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme())) {
            response.getHeaders().putSingle(HEADER, VALUE);
        }
    }
}
