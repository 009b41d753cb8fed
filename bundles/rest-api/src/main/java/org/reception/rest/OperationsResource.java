package org.reception.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reception.cases.AuditVerification;
import org.reception.cases.CaseEvent;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PetitionService;
import org.reception.cases.PlatformTime;
import org.reception.cases.Problem;
import org.reception.cases.Violation;
import org.reception.cases.access.Jurisdictions;
import org.reception.cases.access.Role;
import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.Divisions;
import org.reception.cases.divisions.Unit;
import org.reception.cases.divisions.Units;

/** Deadline events for escalation, the audit chain's verification, the register of units, and the platform's time. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "Deadline events, the audit chain, the register of units, the clock, health")
@SecurityRequirement(name = OpenApi.BASIC)
@ApiResponse(responseCode = "401", ref = OpenApi.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApi.FORBIDDEN)
@ApiResponse(responseCode = "429", ref = OpenApi.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApi.UNAVAILABLE)
public class OperationsResource {

    private final Supplier<PetitionService> petitions;
    private final Supplier<Instant> now;

    @Context
    SecurityContext security;

    OperationsResource(Supplier<PetitionService> petitions, Supplier<Instant> now) {
        this.petitions = petitions;
        this.now = now;
    }

    /** Events with an id above {@code after}, oldest first: a consumer keeps the last id it saw. */
    @GET
    @Path("events")
    @Permits({Role.SUPERVISOR, Role.ADMINISTRATOR})
    @Operation(operationId = "listCaseEvents", summary = "Deadline and escalation events after an id, oldest first", responses = {
            @ApiResponse(responseCode = "200", description = "The events",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = CaseEvent.class)))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST)})
    public List<CaseEvent> events(@Parameter(schema = @Schema(type = "integer", format = "int64", minimum = "0", defaultValue = "0"))
                                  @QueryParam("after") @DefaultValue("0") String after,
                                  @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000",
                                          defaultValue = "100"))
                                  @QueryParam("limit") @DefaultValue("100") String limit) {
        long afterId;
        int max;
        try {
            afterId = Long.parseLong(after);
            max = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            afterId = -1;
            max = -1;
        }
        if (afterId < 0 || max < 1 || max > 1000) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST,
                    List.of(new Violation("after, limit", "after must be 0 or more, limit 1 to 1000")));
        }
        return Services.required(petitions).events(AccessFilter.caller(security), afterId, max);
    }

    @GET
    @Path("audit/verification")
    @Permits({Role.AUDITOR, Role.ADMINISTRATOR})
    @Operation(operationId = "verifyAuditChain", summary = "Verify the audit log's hash chain", responses =
            @ApiResponse(responseCode = "200", description = "The verification",
                    content = @Content(schema = @Schema(implementation = AuditVerification.class))))
    public AuditVerification verifyAudit() {
        return Services.required(petitions).verifyAudit(AccessFilter.caller(security));
    }

    /**
     * The register's units of one division (a county, a city or the province): what a clerk chooses
     * from when giving a case to a unit. Units a rule module names for its own place are not listed.
     */
    @GET
    @Path("units")
    @Operation(operationId = "listUnits", summary = "The register's units of a division", responses = {
            @ApiResponse(responseCode = "200", description = "The units",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = Unit.class)))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST)})
    public List<Unit> units(@Parameter(required = true, schema = @Schema(pattern = "^(\\d{2}|\\d{4}|\\d{6})$"))
                            @QueryParam("division") String division) {
        String code = division == null ? "" : Jurisdictions.prefix(division.strip());
        if (Divisions.reference().find(code).isEmpty()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, List.of(new Violation("division",
                    "must be the code of a division (2, 4 or 6 digits), such as 520102")));
        }
        return Units.of(code);
    }

    /**
     * The divisions directly below one (a province's cities, a city's counties), or the provinces
     * when none is named: what the desk's place picker walks down, level by level.
     */
    @GET
    @Path("divisions")
    @Operation(operationId = "listDivisions", summary = "The divisions directly below one, or the provinces", responses = {
            @ApiResponse(responseCode = "200", description = "The divisions, by code",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = Division.class)))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST)})
    public List<Division> divisions(@Parameter(schema = @Schema(pattern = "^(\\d{2}|\\d{4}|\\d{6})$"))
                                    @QueryParam("parent") String parent) {
        if (parent == null || parent.isBlank()) {
            return Divisions.reference().children(null);
        }
        String code = Jurisdictions.prefix(parent.strip());
        if (Divisions.reference().find(code).isEmpty()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, List.of(new Violation("parent",
                    "must be the code of a division (2, 4 or 6 digits), such as 5201")));
        }
        return Divisions.reference().children(code);
    }

    public record Time(Instant now, LocalDate today) {
    }

    /** The platform's time, which every deadline is counted by. */
    @GET
    @Path("clock")
    @Operation(operationId = "readClock", summary = "The platform's time, which every deadline is counted by", responses =
            @ApiResponse(responseCode = "200", description = "The time", content = @Content(schema = @Schema(implementation = Time.class))))
    public Time clock() {
        Instant instant = now.get();
        return new Time(instant, instant.atZone(PlatformTime.ZONE).toLocalDate());
    }
}
