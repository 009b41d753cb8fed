package org.reception.rest;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.reception.cases.Problem;
import org.reception.cases.ReceptionException;
import org.reception.cases.Violation;

/**
 * Every failure told to an Open311 client in the spec's error format ({@code [{"code", "description"}]}),
 * translated here alone: the platform's own failures with their problem's status (as on the REST
 * API), HTTP errors with their own status, and anything else as 500 without its details.
 */
final class Open311Errors implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = LogManager.getLogger(Open311Errors.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(RuntimeException e) {
        String path = uriInfo == null ? "" : uriInfo.getPath();
        String format = path.endsWith("." + Open311Documents.XML) ? Open311Documents.XML : Open311Documents.JSON;
        if (e instanceof ReceptionException refused) {
            Problem problem = refused.problem();
            if (!problem.callersFault()) {
                LOG.warn("Open311 request refused on {}: {}", path, e.getMessage());
            }
            String description = refused.violations().isEmpty() ? e.getMessage()
                    : Violation.describe(refused.violations());
            Response.ResponseBuilder answer = Response.fromResponse(
                    Open311Documents.error(format, problem.status(), description));
            if (problem == Problem.UNAUTHORIZED) {
                answer.header(HttpHeaders.WWW_AUTHENTICATE, AccessFilter.CHALLENGE);
            }
            if (refused.retryAfterSeconds() > 0) {
                answer.header(HttpHeaders.RETRY_AFTER, refused.retryAfterSeconds());
            }
            return answer.build();
        }
        if (e instanceof WebApplicationException http) {
            Response.StatusType status = http.getResponse().getStatusInfo();
            return Open311Documents.error(format, status.getStatusCode(), status.getReasonPhrase());
        }
        LOG.error("Unexpected failure on Open311 {}", path, e);
        return Open311Documents.error(format, Problem.INTERNAL_ERROR.status(), "an internal error occurred");
    }
}
