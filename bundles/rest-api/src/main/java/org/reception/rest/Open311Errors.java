package org.reception.rest;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.reception.cases.ServiceUnavailable;

/** The platform not ready, told to an Open311 client in the spec's error format: 503, not a bare 500. */
final class Open311Errors implements ExceptionMapper<ServiceUnavailable> {

    private static final Logger LOG = LogManager.getLogger(Open311Errors.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ServiceUnavailable e) {
        LOG.warn("Open311 request refused, service unavailable: {}", e.getMessage());
        String path = uriInfo == null ? "" : uriInfo.getPath();
        String format = path.endsWith("." + Open311Documents.XML) ? Open311Documents.XML : Open311Documents.JSON;
        return Open311Documents.error(format, Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
