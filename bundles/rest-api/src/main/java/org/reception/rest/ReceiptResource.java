package org.reception.rest;

import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reception.cases.PetitionRejected;
import org.reception.cases.PetitionService;
import org.reception.cases.Problem;
import org.reception.cases.PublicStatus;
import org.reception.cases.UnknownPetition;
import org.reception.cases.Violation;

/**
 * {@code /api/v1/receipts/status}: what a petitioner reads with the registration number and query
 * code of the receipt, without an account. Posted, so that the code never lands in a URL or a log.
 */
@Path("/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Anonymous
@Tag(name = "receipts", description = "What a petitioner reads with the receipt, without an account")
public class ReceiptResource {

    private final Supplier<PetitionService> petitions;
    private final ReceiptThrottle throttle;

    @Context
    HttpServletRequest request;

    ReceiptResource(Supplier<PetitionService> petitions, ReceiptThrottle throttle) {
        this.petitions = petitions;
        this.throttle = throttle;
    }

    public record Lookup(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 32) String registrationNumber,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 32) String queryCode) {
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "lookUpReceipt", summary = "The public status of a petition, by its number and query code",
            security = {}, responses = {
            @ApiResponse(responseCode = "200", description = "The status as the petitioner may read it",
                    content = @Content(schema = @Schema(implementation = PublicStatus.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST),
            @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE),
            @ApiResponse(responseCode = "404", description = "No such number, or a wrong code; which one is not said",
                    ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "429", ref = OpenApi.TOO_MANY_REQUESTS),
            @ApiResponse(responseCode = "503", ref = OpenApi.UNAVAILABLE)})
    @SecurityRequirements
    public PublicStatus status(@RequestBody(required = true) Lookup lookup) {
        throttle.acquire(ClientAddress.of(request));
        if (lookup == null || lookup.registrationNumber() == null || lookup.queryCode() == null
                || lookup.registrationNumber().length() > 32 || lookup.queryCode().length() > 32) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST,
                    List.of(new Violation("", "registrationNumber and queryCode are required")));
        }
        // The same answer whether the number is unknown or the code wrong: neither is revealed.
        return Services.required(petitions).status(lookup.registrationNumber(), lookup.queryCode())
                .orElseThrow(() -> new UnknownPetition(lookup.registrationNumber()));
    }
}
