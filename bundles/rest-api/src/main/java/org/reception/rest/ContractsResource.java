package org.reception.rest;

import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/contracts/county-v1.wsdl}: the contract a county system implements to take cases
 * over SOAP, readable without an account. It is the very file the platform's outbound client is
 * built on: the build copies it from the outbound bundle into this one, so there is one copy in
 * the sources.
 */
@Path("/contracts")
@Anonymous
@Tag(name = "contracts", description = "The contracts county systems implement")
public class ContractsResource {

    static final String COUNTY_V1 = "/contracts/county-v1.wsdl";

    @GET
    @Path("/county-v1.wsdl")
    @Produces("text/xml; charset=utf-8")
    @Operation(operationId = "readCountyContract", summary = "The WSDL a county system implements to receive cases",
            responses = @ApiResponse(responseCode = "200", description = "county-v1.wsdl",
                    content = @Content(mediaType = "text/xml", schema = @Schema(type = "string"))))
    public byte[] countyV1() throws IOException {
        try (InputStream in = ContractsResource.class.getResourceAsStream(COUNTY_V1)) {
            if (in == null) {
                throw new NotFoundException("this build carries no county-v1.wsdl");
            }
            return in.readAllBytes();
        }
    }
}
