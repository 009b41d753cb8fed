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
import javax.ws.rs.core.Link;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reception.cases.AuditEntry;
import org.reception.cases.CaseAction;
import org.reception.cases.Channel;
import org.reception.cases.PetitionLimits;
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
import org.reception.cases.RegistrationPreview;
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
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "petitions", description = "Intake and the procedure of a case")
@SecurityRequirement(name = OpenApi.BASIC)
@ApiResponse(responseCode = "401", ref = OpenApi.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApi.FORBIDDEN)
@ApiResponse(responseCode = "429", ref = OpenApi.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApi.UNAVAILABLE)
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

    @Context
    HttpHeaders headers;

    PetitionResource(Supplier<PetitionService> petitions) {
        this.petitions = petitions;
    }

    /** The answer to a registration: the petition, its receipt, and the open petitions of the same matter. */
    public record Registered(@JsonUnwrapped Petition petition, Receipt receipt, List<String> possibleDuplicates) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permits({Role.CLERK, Role.INTEGRATION})
    @Operation(operationId = "registerPetition", summary = "Register a petition (Art. 17, 18)", responses = {
            @ApiResponse(responseCode = "201", description = "Registered, or the same request replayed with its key",
                    headers = {@Header(name = "ETag", ref = OpenApi.ETAG), @Header(name = "Location", schema = @Schema(type = "string")),
                            @Header(name = REPLAYED_HEADER, schema = @Schema(type = "boolean"))},
                    content = @Content(schema = @Schema(implementation = Registered.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "422", ref = OpenApi.UNPROCESSABLE)})
    public Response register(@Parameter(description = "Any string up to 200 characters; the same key never registers a second petition",
                                     schema = @Schema(maxLength = 200)) @HeaderParam(IDEMPOTENCY_KEY_HEADER) String idempotencyKey,
                             @RequestBody(required = true) NewPetition petition) {
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

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permits({Role.CLERK, Role.INTEGRATION})
    @Operation(operationId = "previewRegistration", summary = "What registering a petition would decide, storing nothing",
            description = "The same checks, rules and search for the matter's earlier petitions as the registration;"
                    + " nothing is stored or audited. The desk shows it while the clerk types.", responses = {
            @ApiResponse(responseCode = "200", description = "What the registration would decide",
                    content = @Content(schema = @Schema(implementation = RegistrationPreview.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "422", ref = OpenApi.UNPROCESSABLE)})
    public RegistrationPreview preview(@RequestBody(required = true) NewPetition petition) {
        return Services.required(petitions).preview(caller(), petition);
    }

    /** The steps the caller may take on a case now, by the names of their paths. */
    public record Steps(@ArraySchema(schema = @Schema(example = "accept")) List<String> steps) {
    }

    @GET
    @Path("/{id}/steps")
    @Operation(operationId = "listPetitionSteps", summary = "The steps the account may take on the case now", responses = {
            @ApiResponse(responseCode = "200", description = "The steps, by the names of their paths (dispose, accept, ...,"
                    + " resolve-supervision); a step listed may still be refused for what its body says",
                    content = @Content(schema = @Schema(implementation = Steps.class))),
            @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND)})
    public Steps steps(@PathParam("id") String id) {
        return new Steps(Services.required(petitions).steps(caller(), id));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "readPetition", summary = "Read a case as the account may see it", responses = {
            @ApiResponse(responseCode = "200", description = "The case", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND)})
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
    @Operation(operationId = "disclosePetition", summary = "Read a case's personal data unmasked, for a stated purpose (audited)",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The case", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                            content = @Content(schema = @Schema(implementation = Petition.class))),
                    @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND)})
    public Response disclose(@PathParam("id") String id, @RequestBody(required = true) Purpose purpose) {
        Petition petition = Services.required(petitions)
                .disclose(caller(), id, purpose == null ? null : purpose.purpose())
                .orElseThrow(() -> new UnknownPetition(id));
        return Response.ok(petition).tag(etag(petition)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("/number/{registrationNumber}")
    @Operation(operationId = "readPetitionByNumber", summary = "Read a case by its registration number", responses = {
            @ApiResponse(responseCode = "200", description = "The case", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND)})
    public Response readByNumber(@Parameter(schema = @Schema(pattern = "^" + PetitionLimits.REGISTRATION_NUMBER_PATTERN + "$"))
                                 @PathParam("registrationNumber") String registrationNumber) {
        Petition petition = Services.required(petitions).findByRegistrationNumber(caller(), registrationNumber)
                .orElseThrow(() -> new UnknownPetition(registrationNumber));
        return Response.ok(petition).tag(etag(petition)).build();
    }

    @GET
    @Operation(operationId = "listPetitions", summary = "List the cases the account may see, newest first", responses = {
            @ApiResponse(responseCode = "200", description = "One page; Link headers name the next and previous pages",
                    headers = @Header(name = "Link", schema = @Schema(type = "string")),
                    content = @Content(schema = @Schema(implementation = PetitionPage.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST)})
    public Response list(@Parameter(description = "A province, city or county", schema = @Schema(pattern = "^(\\d{2}|\\d{4}|\\d{6})$"))
                         @QueryParam("jurisdiction") String jurisdiction,
                         @Parameter(description = "One or more statuses, repeated or comma-separated",
                                 array = @ArraySchema(schema = @Schema(implementation = PetitionStatus.class)))
                         @QueryParam("status") List<String> statuses,
                         @Parameter(schema = @Schema(pattern = "^\\d{2,6}-[A-Z0-9]{1,30}$")) @QueryParam("unit") String unit,
                         @Parameter(schema = @Schema(type = "boolean", defaultValue = "false"))
                         @QueryParam("overdue") @DefaultValue("false") String overdue,
                         @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "3650"))
                         @QueryParam("dueWithinDays") String dueWithinDays,
                         @Parameter(schema = @Schema(implementation = PetitionType.class)) @QueryParam("type") String type,
                         @Parameter(schema = @Schema(implementation = Channel.class)) @QueryParam("channel") String channel,
                         @Parameter(schema = @Schema(type = "string", format = "date-time")) @QueryParam("receivedFrom") String receivedFrom,
                         @Parameter(schema = @Schema(type = "string", format = "date-time")) @QueryParam("receivedTo") String receivedTo,
                         @Parameter(description = "Words of the title or content", schema = @Schema(minLength = 1, maxLength = 100))
                         @QueryParam("q") String text,
                         @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "1000000", defaultValue = "0"))
                         @QueryParam("page") @DefaultValue("0") String page,
                         @Parameter(description = "Start after this case: the `next` of the page before (keyset paging, as"
                                 + " fast deep in a long list as at its start); `page` then only numbers the page",
                                 schema = @Schema(maxLength = 200)) @QueryParam("after") String after,
                         @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + PetitionQuery.MAX_SIZE,
                                 defaultValue = "" + DEFAULT_PAGE_SIZE))
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
        PetitionQuery.After start = after == null || after.isBlank() ? null : PageCursor.parse(after);
        if (after != null && !after.isBlank() && start == null) {
            parameters.reject("after", "must be the next of an earlier page, as the API gave it");
        }
        parameters.rejectIfInvalid();
        PetitionQuery query = new PetitionQuery(place, statusSet, unitCode, overdueOnly, dueWithin, petitionType,
                petitionChannel, from, to, words, null, pageNumber, pageSize, start);
        Page<PetitionSummary> found = Services.required(petitions).list(caller(), query);
        String next = hasNext(found) ? PageCursor.of(found.items().get(found.items().size() - 1)) : null;
        return Response.ok(new PetitionPage(found.items(), found.total(), found.totalExact(), found.page(),
                found.size(), next)).links(pageLinks(found, next)).build();
    }

    private static boolean hasNext(Page<?> page) {
        return page.items().size() == page.size()
                && (!page.totalExact() || (long) (page.page() + 1) * page.size() < page.total());
    }

    /**
     * RFC 8288 links to the neighbouring pages, with every other parameter kept: the next one by its
     * cursor, so that following {@code next} to the end of a long list costs the same on every page.
     */
    private Link[] pageLinks(Page<?> page, String next) {
        List<Link> links = new ArrayList<>();
        if (next != null) {
            links.add(Link.fromUriBuilder(uriInfo.getRequestUriBuilder().replaceQueryParam("page", page.page() + 1)
                    .replaceQueryParam("after", next)).rel("next").build());
        }
        if (page.page() > 0) {
            links.add(Link.fromUriBuilder(uriInfo.getRequestUriBuilder().replaceQueryParam("page", page.page() - 1)
                    .replaceQueryParam("after")).rel("prev").build());
        }
        return links.toArray(Link[]::new);
    }

    /**
     * A page of the list. {@code next}, when there is a next page, is where it starts: pass it as
     * {@code after} (the {@code next} link does).
     */
    @Schema(name = "PetitionPage")
    public record PetitionPage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PetitionSummary> items,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long total,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean totalExact,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int page,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int size,
                               @Schema(nullable = true) String next) {
    }

    @GET
    @Path("/{id}/audit")
    @Permits({Role.AUDITOR, Role.SUPERVISOR, Role.CLERK})
    @Operation(operationId = "readAuditLog", summary = "A case's audit log: every change and every unmasked read", responses = {
            @ApiResponse(responseCode = "200", description = "The entries, oldest first",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = AuditEntry.class)))),
            @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND)})
    public List<AuditEntry> audit(@PathParam("id") String id) {
        return Services.required(petitions).audit(caller(), id);
    }

    @POST
    @Path("/{id}/dispose")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "disposePetition", summary = "Dispose of a registered petition: accept, transfer, assign, redirect or not accept (Art. 21, 22)", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response dispose(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true) CaseAction.Dispose action) {
        return act(id, ifMatch, action);
    }

    /** A petition refused at registration as the same matter as another is not: it is registered for disposal again. */
    @POST
    @Path("/{id}/not-the-same-matter")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reopenAsNotTheSameMatter", summary = "Reopen a petition refused as the same matter as another", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response notTheSameMatter(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     CaseAction.NotSameMatter action) {
        return act(id, ifMatch, action == null ? new CaseAction.NotSameMatter(null) : action);
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptCase", summary = "The unit accepts the case it was sent", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response accept(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CaseAction.Accept action) {
        return act(id, ifMatch, action == null ? new CaseAction.Accept(null) : action);
    }

    @POST
    @Path("/{id}/object")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "objectToCase", summary = "The unit objects that the case is not its own", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response object(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true) Objection objection) {
        return act(id, ifMatch, objection == null ? null : new CaseAction.Object(objection.reason()));
    }

    /** The body of an objection: {@code {"reason": "..."}}; named so, as {@code Object} means any JSON to a client generator. */
    public record Objection(String reason) {
    }

    @POST
    @Path("/{id}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "extendHandling", summary = "Extend the handling time limit once, by at most 30 days (Art. 32)", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response extend(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true) CaseAction.Extend action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replyToPetitioner", summary = "The unit replies with its handling opinion", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response reply(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true) CaseAction.Reply action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "evaluateSatisfaction", summary = "Record the petitioner's satisfaction", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response evaluate(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true) CaseAction.Evaluate action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/request-review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestReview", summary = "The petitioner asks for a review (Art. 35)", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response requestReview(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true) CaseAction.RequestReview action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/answer-review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerReview", summary = "Answer the review", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response answerReview(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true) CaseAction.AnswerReview action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/request-re-review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestReReview", summary = "The petitioner asks for a re-review (Art. 36)", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response requestReReview(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true) CaseAction.RequestReReview action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/answer-re-review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerReReview", summary = "Answer the re-review, at the level above the review", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response answerReReview(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true) CaseAction.AnswerReReview action) {
        return act(id, ifMatch, action);
    }

    @POST
    @Path("/{id}/archive")
    @Operation(operationId = "archiveCase", summary = "Archive the case", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response archive(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ifMatch, new CaseAction.Archive());
    }

    @POST
    @Path("/{id}/supervise")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "superviseCase", summary = "Order the handling unit to act (supervision, Art. 40)", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response supervise(@PathParam("id") String id, @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true) CaseAction.Supervise action) {
        return act(id, ifMatch, action);
    }

    /** The outcome of a supervision order; the body is {@code {"outcome": "..."}}. */
    public record Outcome(String outcome) {
    }

    @POST
    @Path("/{id}/supervisions/{supervisionId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resolveSupervision", summary = "Record the outcome of a supervision order", responses = {
            @ApiResponse(responseCode = "200", description = "The case after the step", headers = @Header(name = "ETag", ref = OpenApi.ETAG),
                    content = @Content(schema = @Schema(implementation = Petition.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST), @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE), @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ILLEGAL_TRANSITION), @ApiResponse(responseCode = "412", ref = OpenApi.PRECONDITION_FAILED),
            @ApiResponse(responseCode = "428", ref = OpenApi.PRECONDITION_REQUIRED)})
    public Response resolveSupervision(@PathParam("id") String id, @PathParam("supervisionId") long supervisionId,
                                       @Parameter(description = OpenApi.IF_MATCH_DESCRIPTION, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true) Outcome outcome) {
        return act(id, ifMatch,
                new CaseAction.ResolveSupervision(supervisionId, outcome == null ? null : outcome.outcome()));
    }

    private Response act(String id, String ifMatch, CaseAction action) {
        if (action == null) {
            throw new PetitionRejected(Problem.INVALID_PETITION, List.of(new Violation("", "a request body is required")));
        }
        // Several If-Match lines are one list (RFC 9110, section 5.3); the parameter holds only the first.
        List<String> lines = headers == null ? null : headers.getRequestHeader(HttpHeaders.IF_MATCH);
        String condition = lines == null || lines.isEmpty() ? ifMatch : String.join(",", lines);
        Petition changed = Services.required(petitions).act(caller(), id, condition(condition), action);
        return Response.ok(changed).tag(etag(changed)).build();
    }

    private Caller caller() {
        return AccessFilter.caller(security);
    }

    static EntityTag etag(Petition petition) {
        return new EntityTag(Integer.toString(petition.version()));
    }

    /** One element of an entity-tag list (RFC 9110): empty elements before it, then optionally weak, quoted. */
    private static final Pattern LIST_ELEMENT = Pattern.compile("\\G[\\s,]*(W/)?\"([\\x21\\x23-\\x7e\\x80-\\xff]*)\"");
    private static final Pattern LIST_END = Pattern.compile("[\\s,]*");
    /** A version as this API writes its ETag: a number without leading zeros. */
    private static final Pattern VERSION = Pattern.compile("0|[1-9]\\d{0,8}");

    /**
     * {@code If-Match} as RFC 9110 reads it: {@code *}, or a list of entity tags compared strongly
     * and character for character, so that a weak tag, or {@code "03"}, never matches; empty
     * elements are skipped and several header lines make one list. Absent stays absent, for the
     * service to refuse once it knew the caller may take the step at all.
     */
    static VersionCondition condition(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return VersionCondition.ABSENT;
        }
        if (ifMatch.strip().equals("*")) {
            return VersionCondition.ANY;
        }
        Set<Integer> versions = new java.util.HashSet<>();
        Matcher element = LIST_ELEMENT.matcher(ifMatch);
        int end = 0;
        int tags = 0;
        while (element.find()) {
            tags++;
            end = element.end();
            if (element.group(1) == null && VERSION.matcher(element.group(2)).matches()) {
                versions.add(Integer.valueOf(element.group(2)));
            }
        }
        if (tags == 0 || !LIST_END.matcher(ifMatch.substring(end)).matches()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, List.of(new Violation("If-Match",
                    "must be * or the ETags of the petition as read, each quoted, e.g. \"3\"")));
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

        void reject(String name, String message) {
            violations.add(new Violation(name, message));
        }

        void rejectIfInvalid() {
            if (!violations.isEmpty()) {
                throw new PetitionRejected(Problem.MALFORMED_REQUEST, violations);
            }
        }
    }
}
