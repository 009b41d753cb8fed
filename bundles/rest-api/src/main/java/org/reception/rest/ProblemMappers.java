package org.reception.rest;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.reception.cases.Problem;
import org.reception.cases.ReceptionException;
import org.reception.cases.Violation;

/** Turns every failure into a problem+json answer, once, in one place. */
final class ProblemMappers {

    private static final Logger LOG = LogManager.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    static List<Object> all() {
        return List.of(new Refused(), new Unreadable(), new Http(), new Unexpected());
    }

    private abstract static class Base<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        UriInfo uriInfo;

        @Context
        HttpHeaders headers;

        String instance() {
            return uriInfo == null ? null : uriInfo.getRequestUri().getPath();
        }
    }

    /**
     * Every failure of the platform's own: its problem fixes the status; a sign-in asked for says how
     * ({@code WWW-Authenticate}), a throttled one says when to come back ({@code Retry-After}).
     */
    static final class Refused extends Base<ReceptionException> {
        @Override
        public Response toResponse(ReceptionException e) {
            Problem problem = e.problem();
            if (!problem.callersFault()) {
                LOG.warn("Request refused on {}: {}", instance(), e.getMessage(), e.getCause());
            }
            Response.ResponseBuilder answer = Response.fromResponse(
                    ProblemDetails.response(problem, e.getMessage(), instance(), e.violations()));
            // A page's own script (the desk) handles 401 itself: the challenge would make the browser
            // pop up its Basic sign-in dialog over it.
            if (problem == Problem.UNAUTHORIZED && !fromPageScript(headers)) {
                answer.header(HttpHeaders.WWW_AUTHENTICATE, AccessFilter.CHALLENGE);
            }
            if (e.retryAfterSeconds() > 0) {
                answer.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
            }
            return answer.build();
        }
    }

    /**
     * A request of the desk: its script says so, or its browser holds a desk session (a download
     * link's request carries only the cookie). Either way, the desk signs in with its own form.
     */
    static boolean fromPageScript(HttpHeaders headers) {
        return headers != null && ("XMLHttpRequest".equalsIgnoreCase(headers.getHeaderString("X-Requested-With"))
                || headers.getCookies().containsKey(DeskSessions.COOKIE));
    }

    /** Malformed JSON, wrong types, unknown fields, values outside an enumeration. */
    static final class Unreadable extends Base<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            String field = "";
            if (e instanceof JsonMappingException mapping) {
                field = mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."));
            }
            String message = describe(e);
            JsonLocation location = e.getLocation();
            String detail = message
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
            List<Violation> violations = field.isEmpty() ? List.of() : List.of(new Violation(field, message));
            return ProblemDetails.response(Problem.MALFORMED_REQUEST, detail, instance(), violations);
        }
    }

    /** Says what is wrong in the client's terms, not in the names of our Java types. */
    private static String describe(JsonProcessingException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "'" + invalid.getValue() + "' is not one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "expected " + jsonKind(mismatched.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String jsonKind(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum() || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return type.isArray() || Iterable.class.isAssignableFrom(type) ? "an array" : "an object";
    }

    /** Unknown paths, wrong methods, unsupported media types: keep the status, speak problem+json. */
    static final class Http extends Base<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            String slug = status.getStatusCode() == 404 ? Problem.NOT_FOUND.slug() : "http-" + status.getStatusCode();
            ProblemDetails body = new ProblemDetails(ProblemDetails.TYPE_PREFIX + slug,
                    status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), instance(), List.of());
            Response.ResponseBuilder answer = Response.status(status.getStatusCode())
                    .type(ProblemDetails.MEDIA_TYPE).entity(body);
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name)) {
                    values.forEach(value -> answer.header(name, value));
                }
            });
            return answer.build();
        }
    }

    /** A fault of ours: log it in full, tell the client only that it happened. */
    static final class Unexpected extends Base<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOG.error("Unexpected failure on {}", instance(), e);
            return ProblemDetails.response(Problem.INTERNAL_ERROR,
                    "the request failed; the platform's log has the details", instance(), List.of());
        }
    }
}
