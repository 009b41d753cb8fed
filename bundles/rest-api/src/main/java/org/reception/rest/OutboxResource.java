package org.reception.rest;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reception.cases.OutboxAdministration;
import org.reception.cases.OutboxMessage;
import org.reception.cases.PetitionRejected;
import org.reception.cases.Problem;
import org.reception.cases.Violation;
import org.reception.cases.access.Role;

/** {@code /api/v1/outbox}: deliveries to county systems, for administrators. */
@Path("/outbox")
@Produces(MediaType.APPLICATION_JSON)
@Permits(Role.ADMINISTRATOR)
@Tag(name = "outbox", description = "Deliveries to county systems")
@SecurityRequirement(name = OpenApi.BASIC)
@ApiResponse(responseCode = "401", ref = OpenApi.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApi.FORBIDDEN)
@ApiResponse(responseCode = "429", ref = OpenApi.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApi.UNAVAILABLE)
public class OutboxResource {

    private final Supplier<OutboxAdministration> outbox;

    OutboxResource(Supplier<OutboxAdministration> outbox) {
        this.outbox = outbox;
    }

    /**
     * Newest first; {@code undelivered=true} for the ones still waiting (with their attempts and last
     * error), pending or {@code REFUSED} by the county system.
     */
    @GET
    @Operation(operationId = "listOutboxMessages", summary = "Deliveries, newest first, with the county systems configured",
            responses = {
                    @ApiResponse(responseCode = "200", description = "destinations and messages",
                            content = @Content(schema = @Schema(type = "object"))),
                    @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST)})
    public Map<String, Object> messages(@Parameter(schema = @Schema(type = "boolean", defaultValue = "false"))
                                        @QueryParam("undelivered") @DefaultValue("false") String undelivered,
                                        @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1",
                                                maximum = "1000", defaultValue = "100"))
                                        @QueryParam("limit") @DefaultValue("100") String limit) {
        int max;
        try {
            max = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > 1000 || !("true".equals(undelivered) || "false".equals(undelivered))) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST,
                    List.of(new Violation("undelivered, limit", "undelivered is true or false, limit 1 to 1000")));
        }
        OutboxAdministration administration = Services.required(outbox, "the outbox");
        List<OutboxMessage> messages = administration.messages(Boolean.parseBoolean(undelivered), max);
        return Map.of("destinations", administration.destinations(), "messages", messages);
    }

    /** Makes an undelivered message due now instead of at its next backoff; a refused one becomes pending again. */
    @POST
    @Path("/{id}/retry")
    @Operation(operationId = "retryOutboxMessage", summary = "Make an undelivered message due now", responses = {
            @ApiResponse(responseCode = "200", description = "Due now", content = @Content(schema = @Schema(type = "object"))),
            @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND)})
    public Map<String, Object> retry(@Parameter(schema = @Schema(type = "integer", format = "int64")) @PathParam("id") String id) {
        long messageId;
        try {
            messageId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new javax.ws.rs.NotFoundException("no outbox message " + id);
        }
        if (!Services.required(outbox, "the outbox").retryNow(messageId)) {
            throw new javax.ws.rs.NotFoundException("no undelivered outbox message " + id);
        }
        return Map.of("id", messageId, "status", "PENDING", "due", "now");
    }
}
