package org.reception.cases.spi;

/**
 * A county's own endpoint, contributed by its plugin bundle: a JAX-RS resource (a class annotated
 * with {@code @Path}) registered as an OSGi service under this interface, with the service property
 * {@value #NAME}. The platform publishes it at {@code /api/county/<name>} while the service is
 * registered and withdraws it when the service goes, without touching any other endpoint.
 */
public interface CountyEndpoint {

    /**
     * Service property: where the endpoint is published below {@code /api/county/}: lower-case
     * letters, digits, dashes and slashes, e.g. {@code 520102/legacy}.
     */
    String NAME = "reception.endpoint.name";
}
