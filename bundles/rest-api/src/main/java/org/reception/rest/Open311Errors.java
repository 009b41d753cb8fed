package org.reception.rest;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.reception.cases.Forbidden;
import org.reception.cases.PetitionRejected;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.access.SignInThrottled;

/**
 * Failures told to an Open311 client in the spec's error format: a malformed request (400), not
 * signed in (401), not allowed (403), the platform not ready (503), and HTTP errors with their own
 * status; never a bare 500.
 */
final class Open311Errors implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = LogManager.getLogger(Open311Errors.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(RuntimeException e) {
        String path = uriInfo == null ? "" : uriInfo.getPath();
        String format = path.endsWith("." + Open311Documents.XML) ? Open311Documents.XML : Open311Documents.JSON;
        if (e instanceof Unauthenticated) {
            return Response.fromResponse(Open311Documents.error(format, Response.Status.UNAUTHORIZED, e.getMessage()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, AccessFilter.CHALLENGE).build();
        }
        if (e instanceof SignInThrottled throttled) {
            return Response.fromResponse(Open311Documents.error(format, Response.Status.TOO_MANY_REQUESTS,
                    e.getMessage())).header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds()).build();
        }
        if (e instanceof PetitionRejected rejected) {
            return Open311Documents.error(format, Response.Status.BAD_REQUEST, rejected.getMessage() + ": "
                    + String.join("; ", rejected.violations().stream().map(v -> v.message()).toList()));
        }
        if (e instanceof Forbidden) {
            return Open311Documents.error(format, Response.Status.FORBIDDEN, e.getMessage());
        }
        if (e instanceof ServiceUnavailable) {
            LOG.warn("Open311 request refused, service unavailable: {}", e.getMessage());
            return Open311Documents.error(format, Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
        if (e instanceof WebApplicationException http) {
            Response.StatusType status = http.getResponse().getStatusInfo();
            return Open311Documents.error(format, status, status.getReasonPhrase());
        }
        LOG.error("Unexpected failure on Open311 {}", path, e);
        return Open311Documents.error(format, Response.Status.INTERNAL_SERVER_ERROR, "an internal error occurred");
    }
}
