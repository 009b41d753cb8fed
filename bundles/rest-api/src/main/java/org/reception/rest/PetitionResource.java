package org.reception.rest;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.reception.cases.AuditEntry;
import org.reception.cases.CaseAction;
import org.reception.cases.Channel;
import org.reception.cases.NewPetition;
import org.reception.cases.Page;
import org.reception.cases.Petition;
import org.reception.cases.PetitionQuery;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PetitionService;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionSummary;
import org.reception.cases.PetitionType;
import org.reception.cases.Problem;
import org.reception.cases.Receipt;
import org.reception.cases.Registration;
import org.reception.cases.UnknownPetition;
import org.reception.cases.VersionCondition;
import org.reception.cases.Violation;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Role;

/**
 * {@code /api/v1/petitions}: register, read, list, and every step of the procedure. Reads carry
 * the case's version as a strong {@code ETag}; every step must send it back as {@code If-Match}
 * (428 without one, 412 when the case changed meanwhile), so that no client overwrites a step it
 * did not see. 409 stays for a step the case's state does not allow.
 */
@Path("/petitions")
@Produces({MediaType.APPLICATION_JSON, ProblemDetails.MEDIA_TYPE})
public class PetitionResource {

    /** Sent by a client that may retry: the same key never registers a second petition. */
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int DEFAULT_PAGE_SIZE = 20;

    private final Supplier<PetitionService> petitions;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    PetitionResource(Supplier<PetitionService> petitions) {
        this.petitions = petitions;
    }

    /** The answer to a registration: the petition, its receipt, and the open petitions of the same matter. */
    public record Registered(@JsonUnwrapped Petition petition, Receipt receipt, List<String> possibleDuplicates) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permits({Role.CLERK, Role.INTEGRATION})
    public Response register(@HeaderParam(IDEMPOTENCY_KEY_HEADER) String idempotencyKey, NewPetition petition) {
        Registration registration = Services.required(petitions).register(caller(), petition, idempotencyKey);
        Petition registered = registration.petition();
        URI location = uriInfo.getAbsolutePathBuilder().path(registered.id()).build();
        Response.ResponseBuilder answer = Response.created(location).tag(etag(registered))
                .entity(new Registered(registered, registration.receipt(), registration.possibleDuplicates()));
        if (registration.replayed()) {
            answer.header(REPLAYED_HEADER, "true");
        }
        return answer.build();
    }

    @GET
    @Path("/{id}")
    public Response read(@PathParam("id") String id) {
        Petition petition = Services.required(petitions).find(caller(), id).orElseThrow(() -> new UnknownPetition(id));
        return Response.ok(petition).tag(etag(petition)).build();
    }

    /** Why personal data is read unmasked; written to the case's audit log. */
    public record Purpose(String purpose) {
    }

    /**
     * The case with the personal data the caller's role may read unmasked (clerks and supervisors of
     * the place; handling units only where the identity is not hidden), for a stated purpose.
     * Every such read is audited.
     */
    @POST
    @Path("/{id}/disclose")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response disclose(@PathParam("id") String id, Purpose purpose) {
        Petition petition = Services.required(petitions)
                .disclose(caller(), id, purpose == null ? null : purpose.purpose())
                .orElseThrow(() -> new UnknownPetition(id));
        return Response.ok(petition).tag(etag(petition)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("/number/{registrationNumber}")
    public Response readByNumber(@PathParam("registrationNumber") String registrationNumber) {
        Petition petition = Services.required(petitions).findByRegistrationNumber(caller(), registrationNumber)
                .orElseThrow(() -> new UnknownPetition(registrationNumber));
        return Response.ok(petition).tag(etag(petition)).build();
    }

    @GET
    public Page<PetitionSummary> list(@QueryParam("jurisdiction") String jurisdiction,
                                      @QueryParam("status") List<String> statuses,
                                      @QueryParam("unit") String unit,
                                      @QueryParam("overdue") @DefaultValue("false") String overdue,
                                      @QueryParam("dueWithinDays") String dueWithinDays,
                                      @QueryParam("type") String type,
                                      @QueryParam("channel") String channel,
                                      @QueryParam("receivedFrom") String receivedFrom,
                                      @QueryParam("receivedTo") String receivedTo,
                                      @QueryParam("q") String text,
                                      @QueryParam("page") @DefaultValue("0") String page,
                                      @QueryParam("size") @DefaultValue("20") String size) {
        QueryParameters parameters = new QueryParameters();
        Set<PetitionStatus> statusSet = EnumSet.noneOf(PetitionStatus.class);
        for (String status : statuses) {
            for (String one : status.split(",")) {
                PetitionStatus parsed = parameters.enumeration("status", one, PetitionStatus.class);
                if (parsed != null) {
                    statusSet.add(parsed);
                }
            }
        }
        String place = parameters.matching("jurisdiction", jurisdiction, "\\d{2}|\\d{4}|\\d{6}",
                "a 2, 4 or 6-digit division code");
        String unitCode = parameters.matching("unit", unit, "\\d{6}-[A-Z0-9]{1,30}", "a unit code such as 520102-GAJ");
        boolean overdueOnly = parameters.bool("overdue", overdue);
        Integer dueWithin = parameters.integer("dueWithinDays", dueWithinDays, 0, 3650);
        PetitionType petitionType = parameters.enumeration("type", type, PetitionType.class);
        Channel petitionChannel = parameters.enumeration("channel", channel, Channel.class);
        Instant from = parameters.instant("receivedFrom", receivedFrom);
        Instant to = parameters.instant("receivedTo", receivedTo);
        String words = text == null || text.isBlank() ? null
                : parameters.matching("q", text, ".{1,100}", "1 to 100 characters");
        Integer pageNumber = parameters.integer("page", page, 0, 1_000_000);
        Integer pageSize = parameters.integer("size", size, 1, PetitionQuery.MAX_SIZE);
        parameters.rejectIfInvalid();
        PetitionQuery query = new PetitionQuery(place, statusSet, unitCode, overdueOnly, dueWithin, petitionType,
                petitionChannel, from, to, words, pageNumber, pageSize);
        return Services.required(petitions).list(caller(), query);
    }

    @GET
    @Path("/{id}/audit")
    @Permits({Role.AUDITOR, Role.SUPERVISOR})
    public List<AuditEntry> audit(@PathParam("id") String id) {
        return Services.required(petitions).audit(caller(), id);
    }

    @POST
    @Path("/{id}/dispose")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response dispose(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaseAction.Dispose action) {
        return act(id, ifMatch, action);
    }

    /** A petition refused at registration as the same matter as another is not: it is registered for disposal again. */
    @POST
    @Path("/{id}/not-the-same-matter")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response notTheSameMatter(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     CaseAction.NotSameMatter action) {
        return act(id, ifMatch, action == null ? new CaseAction.NotSameMatter(null) : action);
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response accept(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaseAction.Accept action) {
        return act(id, ifMatch, action == null ? new CaseAction.Accept(null) : action);
    }

    @POST
    @Path("/{id}/object")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response object(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaseAction.Object action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response extend(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaseAction.Extend action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reply(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaseAction.Reply action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response evaluate(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaseAction.Evaluate action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/request-review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestReview(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaseAction.RequestReview action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/answer-review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answerReview(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaseAction.AnswerReview action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/request-re-review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestReReview(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaseAction.RequestReReview action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/answer-re-review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answerReReview(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaseAction.AnswerReReview action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/archive")
    public Response archive(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ifMatch, new CaseAction.Archive());
    }

    @POST
    @Path("/{id}/supervise")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response supervise(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaseAction.Supervise action) {
        return act(id, ifMatch, action);
    }

    /** The outcome of a supervision order; the body is {@code {"outcome": "..."}}. */
    public record Outcome(String outcome) {
    }

    @POST
    @Path("/{id}/supervisions/{supervisionId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resolveSupervision(@PathParam("id") String id, @PathParam("supervisionId") long supervisionId,
                                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Outcome outcome) {
        return act(id, ifMatch,
                new CaseAction.ResolveSupervision(supervisionId, outcome == null ? null : outcome.outcome()));
    }

    private Response act(String id, String ifMatch, CaseAction action) {
        if (action == null) {
            throw new PetitionRejected(Problem.INVALID_PETITION, List.of(new Violation("", "a request body is required")));
        }
        Petition changed = Services.required(petitions).act(caller(), id, condition(ifMatch), action);
        return Response.ok(changed).tag(etag(changed)).build();
    }

    private Caller caller() {
        return AccessFilter.caller(security);
    }

    static EntityTag etag(Petition petition) {
        return new EntityTag(Integer.toString(petition.version()));
    }

    /** An entity tag as RFC 9110 writes it: optionally weak, then quoted. */
    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7e]*)\"\\s*");

    /**
     * {@code If-Match} as RFC 9110 reads it: {@code *}, or a list of entity tags compared strongly,
     * so that a weak tag never matches; absent stays absent, for the service to refuse once it knew
     * the caller may take the step at all.
     */
    static VersionCondition condition(String ifMatch) {
        if (ifMatch == null) {
            return VersionCondition.ABSENT;
        }
        if (ifMatch.strip().equals("*")) {
            return VersionCondition.ANY;
        }
        Set<Integer> versions = new java.util.HashSet<>();
        for (String member : ifMatch.split(",", -1)) {
            Matcher tag = ENTITY_TAG.matcher(member);
            if (!tag.matches()) {
                throw new PetitionRejected(Problem.MALFORMED_REQUEST, List.of(new Violation("If-Match",
                        "must be * or the ETags of the petition as read, each quoted, e.g. \"3\"")));
            }
            if (tag.group(1) == null && tag.group(2).matches("\\d{1,9}")) {
                versions.add(Integer.valueOf(tag.group(2)));
            }
        }
        return VersionCondition.oneOf(versions);
    }

    /** Collects every wrong query parameter before refusing, like the body's validation does. */
    private static final class QueryParameters {
        private final List<Violation> violations = new ArrayList<>();

        String matching(String name, String value, String pattern, String expected) {
            if (value != null && !value.matches(pattern)) {
                violations.add(new Violation(name, "must be " + expected));
                return null;
            }
            return value;
        }

        boolean bool(String name, String value) {
            if (!value.equals("true") && !value.equals("false")) {
                violations.add(new Violation(name, "must be true or false"));
            }
            return value.equals("true");
        }

        Integer integer(String name, String value, int min, int max) {
            return parse(name, value, text -> {
                int number = Integer.parseInt(text);
                if (number < min || number > max) {
                    throw new NumberFormatException();
                }
                return number;
            }, "a whole number from " + min + " to " + max);
        }

        Instant instant(String name, String value) {
            return parse(name, value, text -> java.time.OffsetDateTime.parse(text).toInstant(),
                    "an ISO 8601 time with offset, e.g. 2026-03-01T00:00:00+08:00");
        }

        <E extends Enum<E>> E enumeration(String name, String value, Class<E> type) {
            return parse(name, value, text -> Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)),
                    "one of " + EnumSet.allOf(type));
        }

        private <T> T parse(String name, String value, Function<String, T> parser, String expected) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                violations.add(new Violation(name, "must be " + expected));
                return null;
            }
        }

        void rejectIfInvalid() {
            if (!violations.isEmpty()) {
                throw new PetitionRejected(Problem.MALFORMED_REQUEST, violations);
            }
        }
    }
}
