package org.reception.rest;

import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.reception.cases.Problem;
import org.reception.cases.Violation;

/**
 * An error answer in the form of RFC 9457 ({@code application/problem+json}), with the list of
 * violations when the input was invalid. The {@code type} is stable per kind of problem.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetails(String type, String title, int status, String detail, String instance,
                             List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:reception:problem:";

    static Response response(Problem problem, String detail, String instance, List<Violation> violations) {
        ProblemDetails body = new ProblemDetails(TYPE_PREFIX + problem.slug(), problem.title(), problem.status(),
                detail, instance, violations);
        return Response.status(problem.status()).type(MediaType.valueOf(MEDIA_TYPE)).entity(body).build();
    }
}
