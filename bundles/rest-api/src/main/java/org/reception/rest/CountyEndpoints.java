package org.reception.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.reception.cases.Settings;
import org.reception.cases.access.Authenticator;
import org.reception.cases.spi.CountyEndpoint;

/**
 * Publishes the endpoints county plugins contribute, each as a server of its own on CXF's servlet at
 * {@code /county/<name>} (so {@code /api/county/<name>}), and destroys it when its service goes:
 * the other endpoints never notice.
 */
@Component(immediate = true, configurationPid = RestConfig.PID)
public final class CountyEndpoints {

    static final String PREFIX = "/county/";
    private static final Logger LOG = LogManager.getLogger(CountyEndpoints.class);

    private final Map<CountyEndpoint, Server> servers = new ConcurrentHashMap<>();
    private volatile Set<String> trustedProxies = Set.of();

    /** The same trusted proxies as the platform's own API ({@code etc/org.reception.rest.cfg}). */
    @Activate
    @Modified
    void configure(RestConfig config) {
        trustedProxies = Settings.listed(config.trustedProxies());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Authenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindEndpoint(CountyEndpoint endpoint, Map<String, Object> properties) {
        String name = String.valueOf(properties.get(CountyEndpoint.NAME));
        if (!name.matches("[a-z0-9][a-z0-9/-]{0,99}") || name.contains("//")) {
            LOG.error("County endpoint {} refused: {} must be lower-case letters, digits, dashes and slashes",
                    endpoint.getClass().getName(), CountyEndpoint.NAME);
            return;
        }
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(PREFIX + name);
        factory.setServiceBeans(List.of(endpoint));
        // Signed in like every other API: a plugin's callers are the county's integration accounts.
        // Its failures are translated as the platform's own are: problem+json with the same codes.
        List<Object> providers = new ArrayList<>(List.of(JsonMapping.provider(),
                new ForwardedHeaders(() -> trustedProxies), new StrictContentType(), new BodySizeLimit(),
                new Utf8Parameters(), new AccessFilter(() -> authenticator, null), new StrictTransportSecurity()));
        providers.addAll(ProblemMappers.all());
        factory.setProviders(providers);
        try {
            servers.put(endpoint, factory.create());
            LOG.info("County endpoint {} published at /api{}{}", endpoint.getClass().getName(), PREFIX, name);
        } catch (RuntimeException e) {
            LOG.error("County endpoint {} could not be published at {}{}", endpoint.getClass().getName(), PREFIX,
                    name, e);
        }
    }

    void unbindEndpoint(CountyEndpoint endpoint, Map<String, Object> properties) {
        Server server = servers.remove(endpoint);
        if (server != null) {
            server.destroy();
            LOG.info("County endpoint {} withdrawn from /api{}{}", endpoint.getClass().getName(), PREFIX,
                    properties.get(CountyEndpoint.NAME));
        }
    }

    @Deactivate
    void deactivate() {
        servers.values().forEach(Server::destroy);
        servers.clear();
    }
}
