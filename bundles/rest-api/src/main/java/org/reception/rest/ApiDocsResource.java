package org.reception.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code /api/v1/docs/}: Swagger UI (the kept WebJar, unpacked into the bundle at build time) over
 * this API's own OpenAPI document, so that an integrator reads and tries the API in a browser. Only
 * the files of that page are served, by name.
 */
@Path("/docs")
@Anonymous
@Hidden
public class ApiDocsResource {

    static final String FOLDER = "/api-docs/";

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "swagger-initializer.js", "text/javascript; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "favicon-32x32.png", "image/png");

    @Context
    UriInfo uriInfo;

    /** The page; its files are named relative to it, so {@code /docs} is sent on to {@code /docs/}. */
    @GET
    public Response page() throws IOException {
        if (!uriInfo.getRequestUri().getPath().endsWith("/")) {
            URI folder = URI.create(uriInfo.getRequestUri().getPath() + "/");
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(folder).build();
        }
        return file("index.html");
    }

    @GET
    @Path("/{file}")
    public Response file(@PathParam("file") String file) throws IOException {
        String type = FILES.get(file);
        if (type == null) {
            throw new NotFoundException("no such file of the API's documentation: " + file);
        }
        try (InputStream in = ApiDocsResource.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new NotFoundException("this build carries no " + file);
            }
            return Response.ok(in.readAllBytes(), type).header(HttpHeaders.CACHE_CONTROL, "max-age=3600").build();
        }
    }
}
