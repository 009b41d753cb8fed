package org.reception.rest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response;

/**
 * CORS for the browser pages of the origins an operator lists ({@code corsAllowedOrigins} in
 * {@code etc/org.reception.rest.cfg}); none by default, and then no CORS header is ever sent, so a
 * page of another origin cannot read the API's answers. A preflight from a listed origin is answered
 * here, before sign-in, as browsers send it without credentials; every other request is signed in
 * as usual, CORS only letting the page read the answer.
 */
@PreMatching
final class CrossOrigin implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ALLOWED_METHODS = "GET, POST";
    static final Set<String> ALLOWED_HEADERS = Set.of("authorization", "content-type", "if-match", "idempotency-key");
    static final String EXPOSED_HEADERS = "ETag, Location, Link, Retry-After, " + PetitionResource.REPLAYED_HEADER;
    static final String MAX_AGE_SECONDS = "600";

    private final Supplier<Set<String>> origins;

    CrossOrigin(Supplier<Set<String>> origins) {
        this.origins = origins;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        String method = request.getHeaderString("Access-Control-Request-Method");
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || origin == null || method == null
                || !origins.get().contains(origin)) {
            return;
        }
        String asked = request.getHeaderString("Access-Control-Request-Headers");
        String headers = asked == null ? "" : Arrays.stream(asked.split(","))
                .map(header -> header.strip().toLowerCase(Locale.ROOT))
                .filter(ALLOWED_HEADERS::contains).collect(Collectors.joining(", "));
        Response.ResponseBuilder preflight = Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .header("Access-Control-Max-Age", MAX_AGE_SECONDS)
                .header("Vary", "Origin");
        if (!headers.isEmpty()) {
            preflight.header("Access-Control-Allow-Headers", headers);
        }
        request.abortWith(preflight.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || response.getHeaders().containsKey("Access-Control-Allow-Origin")
                || !origins.get().contains(origin)) {
            return;
        }
        response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
        response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        response.getHeaders().add("Vary", "Origin");
    }
}
