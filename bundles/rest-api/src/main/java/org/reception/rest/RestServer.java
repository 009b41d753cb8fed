package org.reception.rest;

import java.time.Duration;
import java.time.Instant;
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
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.OutboxAdministration;
import org.reception.cases.PetitionService;
import org.reception.cases.PlatformTime;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.Settings;
import org.reception.cases.access.AccountAdministration;
import org.reception.cases.access.Authenticator;
import org.reception.cases.health.HealthCheck;
import org.reception.cases.reports.AnalysisReports;
import org.reception.cases.statistics.PetitionStatistics;
import org.reception.cases.statistics.PetitionTopics;
import org.reception.rules.admin.RuleAdministration;
import org.reception.rules.admin.RuleTrials;

/**
 * Publishes the REST API on CXF's servlet (context {@code /api}, see {@code etc/org.apache.cxf.osgi.cfg})
 * at {@code /v1}. It is up as soon as CXF is: while intake or a health check is missing, the API
 * answers 503 rather than 404, so clients and load balancers can tell "not ready" from "wrong URL".
 */
@Component(immediate = true, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
public final class RestServer {

    static final String ADDRESS = "/v1";
    static final String OPEN311_ADDRESS = "/open311/v2";
    private static final Logger LOG = LogManager.getLogger(RestServer.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PetitionService petitions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PlatformTime time;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RuleAdministration rules;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RuleTrials trials;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OutboxAdministration outbox;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Authenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PetitionStatistics statistics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PetitionTopics topics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AnalysisReports reports;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AccountAdministration accounts;

    private final Map<String, HealthCheck> healthChecks = new ConcurrentHashMap<>();
    private Server server;
    private Server open311;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindHealthCheck(HealthCheck check, Map<String, Object> properties) {
        healthChecks.put(String.valueOf(properties.get(HealthCheck.NAME)), check);
    }

    void unbindHealthCheck(HealthCheck check, Map<String, Object> properties) {
        healthChecks.remove(String.valueOf(properties.get(HealthCheck.NAME)), check);
    }

    private ReceiptThrottle throttle;
    private DeskSessions sessions;
    private volatile Set<String> trustedProxies = Set.of();
    private volatile Set<String> corsOrigins = Set.of();

    /**
     * A new limit, list of proxies or of origins applies to the next request: the API is not
     * published again, so it never answers 503 for it.
     */
    @Modified
    void modified(RestConfig config) {
        throttle.perMinute(config.receiptLookupsPerMinute());
        trustedProxies = Settings.listed(config.trustedProxies());
        corsOrigins = Settings.listed(config.corsAllowedOrigins());
        sessions.limits(Duration.ofMinutes(config.sessionIdleMinutes()), Duration.ofHours(config.sessionMaxHours()));
    }

    @Activate
    void activate(RestConfig config) {
        throttle = new ReceiptThrottle(config.receiptLookupsPerMinute(), System::nanoTime);
        trustedProxies = Settings.listed(config.trustedProxies());
        corsOrigins = Settings.listed(config.corsAllowedOrigins());
        sessions = new DeskSessions(this::now, this::accountRevision, Duration.ofMinutes(config.sessionIdleMinutes()),
                Duration.ofHours(config.sessionMaxHours()));
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(ADDRESS);
        factory.setServiceBeans(List.of(new PetitionResource(() -> petitions),
                new ReceiptResource(() -> petitions, throttle),
                new OperationsResource(() -> petitions, this::now),
                new RulesResource(() -> rules, () -> trials, () -> petitions),
                new OutboxResource(() -> outbox),
                new StatisticsResource(() -> statistics, () -> topics),
                new ReportsResource(() -> reports),
                new SessionResource(() -> authenticator, sessions),
                new AccountsResource(() -> accounts),
                new OpenApiResource(),
                new ApiDocsResource(),
                new ContractsResource(),
                new HealthResource(() -> Map.copyOf(healthChecks))));
        List<Object> providers = new ArrayList<>();
        providers.add(JsonMapping.provider());
        providers.addAll(requestFilters());
        providers.add(new CrossOrigin(() -> corsOrigins));
        providers.addAll(ProblemMappers.all());
        factory.setProviders(providers);
        server = factory.create();
        LOG.info("REST API published at {} under the CXF servlet", ADDRESS);

        JAXRSServerFactoryBean open311Factory = new JAXRSServerFactoryBean();
        open311Factory.setBus(BusFactory.getDefaultBus());
        open311Factory.setAddress(OPEN311_ADDRESS);
        open311Factory.setServiceBeans(List.of(new Open311Resource(() -> petitions)));
        List<Object> open311Providers = new ArrayList<>(requestFilters());
        open311Providers.add(new Open311Errors());
        open311Factory.setProviders(open311Providers);
        open311 = open311Factory.create();
        LOG.info("Open311 GeoReport v2 published at {} under the CXF servlet", OPEN311_ADDRESS);
    }

    /**
     * What every HTTP face of the platform does to a request before its resource sees it: believe
     * forwarded headers from trusted proxies only, refuse a body of no stated type or over the
     * limit, read parameters as UTF-8, sign the caller in, and ask for HTTPS from then on.
     */
    List<Object> requestFilters() {
        return List.of(new ForwardedHeaders(() -> trustedProxies), new StrictContentType(), new BodySizeLimit(),
                new Utf8Parameters(), new AccessFilter(() -> authenticator, sessions), new StrictTransportSecurity());
    }

    /** While accounts cannot be asked, no session can be trusted to be current: every one ends. */
    private long accountRevision(String name) {
        AccountAdministration current = accounts;
        return current == null ? -1 : current.revision(name);
    }

    private Instant now() {
        PlatformTime current = time;
        if (current == null) {
            throw new ServiceUnavailable("the platform's clock is not running");
        }
        return current.now();
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
            server = null;
        }
        if (open311 != null) {
            open311.destroy();
            open311 = null;
        }
    }
}
