package org.reception.rest;

import java.io.IOException;
import java.io.InputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * {@code /api/v1/openapi.json}: the OpenAPI 3 document of this API, generated from the resources'
 * annotations when the bundle is built, so that it describes exactly the API the bundle serves.
 */
@Path("/openapi.json")
@Anonymous
@Tag(name = "operations")
public class OpenApiResource {

    static final String DOCUMENT = "/openapi/openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "readOpenApiDocument", summary = "This document", responses =
            @ApiResponse(responseCode = "200", description = "The OpenAPI 3 document",
                    content = @Content(schema = @Schema(type = "object"))))
    @SecurityRequirements
    public byte[] document() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new javax.ws.rs.NotFoundException("this build carries no OpenAPI document");
            }
            return in.readAllBytes();
        }
    }
}
