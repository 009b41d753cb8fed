package org.reception.rest;

import java.io.IOException;
import java.io.InputStream;

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
public class OpenApiResource {

    static final String DOCUMENT = "/openapi/openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] document() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new javax.ws.rs.NotFoundException("this build carries no OpenAPI document");
            }
            return in.readAllBytes();
        }
    }
}
