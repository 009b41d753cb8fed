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
import org.reception.cases.ConcurrentUpdate;
import org.reception.cases.Forbidden;
import org.reception.cases.IdempotencyKeyReused;
import org.reception.cases.IllegalTransition;
import org.reception.cases.PetitionRejected;
import org.reception.cases.Problem;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.access.SignInThrottled;
import org.reception.cases.UnknownPetition;
import org.reception.cases.Violation;

/** Turns every failure into a problem+json answer, once, in one place. */
final class ProblemMappers {

    private static final Logger LOG = LogManager.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    static List<Object> all() {
        return List.of(new Rejected(), new Unavailable(), new Unreadable(), new Http(), new Unexpected(),
                new Illegal(), new Conflict(), new Unknown(), new KeyReused(), new SignInFirst(), new NotPermitted(),
                new TooMany(), new SignInTooOften());
    }

    private abstract static class Base<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        UriInfo uriInfo;

        String instance() {
            return uriInfo == null ? null : uriInfo.getRequestUri().getPath();
        }
    }

    static final class Rejected extends Base<PetitionRejected> {
        @Override
        public Response toResponse(PetitionRejected e) {
            return ProblemDetails.response(e.problem(), Response.Status.BAD_REQUEST, e.getMessage(), instance(),
                    e.violations());
        }
    }

    static final class Illegal extends Base<IllegalTransition> {
        @Override
        public Response toResponse(IllegalTransition e) {
            return ProblemDetails.response(Problem.ILLEGAL_TRANSITION, Response.Status.CONFLICT, e.getMessage(),
                    instance(), List.of());
        }
    }

    static final class Conflict extends Base<ConcurrentUpdate> {
        @Override
        public Response toResponse(ConcurrentUpdate e) {
            return ProblemDetails.response(Problem.CONFLICT, Response.Status.CONFLICT, e.getMessage(), instance(),
                    List.of());
        }
    }

    static final class KeyReused extends Base<IdempotencyKeyReused> {
        @Override
        public Response toResponse(IdempotencyKeyReused e) {
            return ProblemDetails.response(Problem.IDEMPOTENCY_KEY_REUSED, ProblemDetails.UNPROCESSABLE,
                    e.getMessage(), instance(), List.of());
        }
    }

    static final class SignInFirst extends Base<Unauthenticated> {
        @Override
        public Response toResponse(Unauthenticated e) {
            return Response.fromResponse(ProblemDetails.response(Problem.UNAUTHORIZED, Response.Status.UNAUTHORIZED,
                    e.getMessage(), instance(), List.of())).header(HttpHeaders.WWW_AUTHENTICATE, AccessFilter.CHALLENGE)
                    .build();
        }
    }

    static final class NotPermitted extends Base<Forbidden> {
        @Override
        public Response toResponse(Forbidden e) {
            return ProblemDetails.response(Problem.FORBIDDEN, Response.Status.FORBIDDEN, e.getMessage(), instance(),
                    List.of());
        }
    }

    static final class TooMany extends Base<Throttled> {
        @Override
        public Response toResponse(Throttled e) {
            return Response.fromResponse(ProblemDetails.response(Problem.TOO_MANY_REQUESTS,
                    Response.Status.TOO_MANY_REQUESTS, e.getMessage(), instance(), List.of()))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
    }

    static final class SignInTooOften extends Base<SignInThrottled> {
        @Override
        public Response toResponse(SignInThrottled e) {
            return Response.fromResponse(ProblemDetails.response(Problem.TOO_MANY_REQUESTS,
                    Response.Status.TOO_MANY_REQUESTS, e.getMessage(), instance(), List.of()))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
    }

    static final class Unknown extends Base<UnknownPetition> {
        @Override
        public Response toResponse(UnknownPetition e) {
            return ProblemDetails.response(Problem.NOT_FOUND, Response.Status.NOT_FOUND, e.getMessage(), instance(),
                    List.of());
        }
    }

    static final class Unavailable extends Base<ServiceUnavailable> {
        @Override
        public Response toResponse(ServiceUnavailable e) {
            LOG.warn("Request refused, service unavailable: {}", e.getMessage(), e.getCause());
            return ProblemDetails.response(Problem.SERVICE_UNAVAILABLE, Response.Status.SERVICE_UNAVAILABLE,
                    e.getMessage(), instance(), List.of());
        }
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
            return ProblemDetails.response(Problem.MALFORMED_REQUEST, Response.Status.BAD_REQUEST, detail,
                    instance(), violations);
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
            return Response.serverError().type(ProblemDetails.MEDIA_TYPE)
                    .entity(new ProblemDetails(ProblemDetails.TYPE_PREFIX + "internal-error", "Internal error", 500,
                            "the request failed; the platform's log has the details", instance(), List.of()))
                    .build();
        }
    }
}
