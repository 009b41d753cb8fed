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
@Produces({MediaType.APPLICATION_JSON, ProblemDetails.MEDIA_TYPE})
@Anonymous
public class ReceiptResource {

    private final Supplier<PetitionService> petitions;
    private final ReceiptThrottle throttle;

    @Context
    HttpServletRequest request;

    ReceiptResource(Supplier<PetitionService> petitions, ReceiptThrottle throttle) {
        this.petitions = petitions;
        this.throttle = throttle;
    }

    public record Lookup(String registrationNumber, String queryCode) {
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public PublicStatus status(Lookup lookup) {
        throttle.acquire(request == null ? null : request.getRemoteAddr());
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
