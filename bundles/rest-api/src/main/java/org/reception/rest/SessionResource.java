package org.reception.rest;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reception.cases.PetitionRejected;
import org.reception.cases.Problem;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.Violation;
import org.reception.cases.access.Authenticator;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Grant;

/**
 * {@code /api/v1/session}: the web desk's sign-in. A browser posts an account's name and password
 * once and gets a session cookie ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} over
 * HTTPS) and a CSRF token, which its page sends back in {@code X-CSRF-Token} with every change.
 * Systems go on signing every request in with HTTP Basic.
 */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session", description = "Sign-in and sign-out of the web desk: a session cookie and its CSRF token")
public class SessionResource {

    private final Supplier<Authenticator> authenticator;
    private final DeskSessions sessions;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    /** The request as the client sent it, scheme included (as a trusted proxy forwarded it). */
    @Context
    UriInfo uriInfo;

    SessionResource(Supplier<Authenticator> authenticator, DeskSessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    public record Credentials(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String name,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String password) {
        @Override
        public String toString() {
            return "Credentials[name=" + name + "]";
        }
    }

    /** A role of the account: its name and, for scoped roles, the division or unit. */
    public record GrantView(String role, String scope) {
    }

    /**
     * Who is signed in. {@code csrfToken} is absent for a caller that signed this request in with
     * HTTP Basic: only a desk session has one.
     */
    public record SessionView(String name, @ArraySchema(schema = @Schema(implementation = GrantView.class))
            List<GrantView> roles, String csrfToken, int idleMinutes) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Anonymous
    @Operation(operationId = "signIn", summary = "Sign a browser in: a session cookie and its CSRF token",
            security = {}, responses = {
            @ApiResponse(responseCode = "200", description = "Signed in; the cookie is set",
                    content = @Content(schema = @Schema(implementation = SessionView.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST),
            @ApiResponse(responseCode = "401", ref = OpenApi.UNAUTHORIZED),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE),
            @ApiResponse(responseCode = "429", ref = OpenApi.TOO_MANY_REQUESTS),
            @ApiResponse(responseCode = "503", ref = OpenApi.UNAVAILABLE)})
    @SecurityRequirements
    public Response signIn(@RequestBody(required = true) Credentials credentials) {
        if (credentials == null || credentials.name() == null || credentials.name().isBlank()
                || credentials.password() == null || credentials.name().length() > 100
                || credentials.password().length() > 200) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST,
                    List.of(new Violation("", "name and password are required")));
        }
        Authenticator current = authenticator.get();
        if (current == null) {
            throw new ServiceUnavailable("accounts cannot be checked yet");
        }
        Caller caller = current.authenticate(credentials.name(), credentials.password(), ClientAddress.of(request))
                .orElseThrow(() -> new Unauthenticated("this name and password do not sign in"));
        // A cookie the browser still holds is dropped: a new sign-in never rides an old session.
        sessions.close(cookieValue());
        DeskSessions.Session session = sessions.open(caller);
        return Response.ok(view(caller, session))
                .header(HttpHeaders.SET_COOKIE, cookie(session.id(), -1))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @SecurityRequirement(name = OpenApi.BASIC)
    @Operation(operationId = "readSession", summary = "Who is signed in, with the session's CSRF token", responses = {
            @ApiResponse(responseCode = "200", description = "The signed-in account",
                    content = @Content(schema = @Schema(implementation = SessionView.class))),
            @ApiResponse(responseCode = "401", ref = OpenApi.UNAUTHORIZED),
            @ApiResponse(responseCode = "503", ref = OpenApi.UNAVAILABLE)})
    public Response read(@Context SecurityContext context) {
        Caller caller = AccessFilter.caller(context);
        Object session = request.getAttribute(AccessFilter.SESSION_ATTRIBUTE);
        return Response.ok(view(caller, session instanceof DeskSessions.Session desk ? desk : null))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @SecurityRequirement(name = OpenApi.BASIC)
    @Operation(operationId = "signOut", summary = "End the browser's session", responses = {
            @ApiResponse(responseCode = "204", description = "Signed out; the cookie is cleared"),
            @ApiResponse(responseCode = "401", ref = OpenApi.UNAUTHORIZED),
            @ApiResponse(responseCode = "403", ref = OpenApi.FORBIDDEN),
            @ApiResponse(responseCode = "503", ref = OpenApi.UNAVAILABLE)})
    public Response signOut() {
        sessions.close(cookieValue());
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0)).build();
    }

    private SessionView view(Caller caller, DeskSessions.Session session) {
        List<GrantView> roles = caller.grants().stream()
                .sorted(Comparator.comparing((Grant grant) -> grant.role().ordinal())
                        .thenComparing(grant -> grant.scope() == null ? "" : grant.scope()))
                .map(grant -> new GrantView(grant.role().roleName(), grant.scope())).toList();
        return new SessionView(caller.name(), roles, session == null ? null : session.csrfToken(),
                (int) sessions.idle().toMinutes());
    }

    /** The desk session cookie the browser sent, read as every resource reads cookies. */
    private String cookieValue() {
        javax.ws.rs.core.Cookie cookie = headers == null ? null : headers.getCookies().get(DeskSessions.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /**
     * The session cookie: only for the API's path, never readable by script, never sent by another
     * site's page, only over HTTPS when the desk is reached by HTTPS. No expiry of its own (the
     * server ends the session); {@code maxAge 0} clears it.
     */
    private String cookie(String value, int maxAge) {
        boolean secure = uriInfo != null && "https".equalsIgnoreCase(uriInfo.getRequestUri().getScheme());
        return DeskSessions.COOKIE + "=" + value + "; Path=/api; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }
}
