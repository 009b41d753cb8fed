package org.reception.rest;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.UriBuilder;

import org.reception.cases.access.ForwardedRequest;

/**
 * Behind a reverse proxy every request comes from the proxy's address. From the proxies an
 * operator names ({@code trustedProxies} in {@code etc/org.reception.rest.cfg}) the client's
 * address is what the throttles count, and the scheme and host the client used make
 * {@code Location} and {@code Link}; from anyone else the forwarded headers are ignored
 * ({@link ForwardedRequest}). Pre-matching, it runs before the access filter signs the caller in.
 */
@PreMatching
final class ForwardedHeaders implements ContainerRequestFilter {

    private final Supplier<Set<String>> trustedProxies;

    @Context
    HttpServletRequest servletRequest;

    ForwardedHeaders(Supplier<Set<String>> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        ForwardedRequest forwarded = ForwardedRequest.of(servletRequest == null ? null : servletRequest.getRemoteAddr(),
                trustedProxies.get(), request::getHeaderString);
        if (forwarded == null) {
            return;
        }
        if (forwarded.client() != null) {
            servletRequest.setAttribute(ClientAddress.ATTRIBUTE, forwarded.client());
        }
        if (forwarded.proto() == null && forwarded.host() == null) {
            return;
        }
        UriBuilder base = request.getUriInfo().getBaseUriBuilder();
        UriBuilder requested = request.getUriInfo().getRequestUriBuilder();
        for (UriBuilder uri : List.of(base, requested)) {
            if (forwarded.proto() != null) {
                uri.scheme(forwarded.proto());
            }
            if (forwarded.host() != null) {
                int colon = forwarded.host().lastIndexOf(':');
                boolean port = colon > forwarded.host().lastIndexOf(']');
                uri.host(port ? forwarded.host().substring(0, colon) : forwarded.host())
                        .port(port ? Integer.parseInt(forwarded.host().substring(colon + 1)) : -1);
            }
        }
        request.setRequestUri(base.build(), requested.build());
    }
}
