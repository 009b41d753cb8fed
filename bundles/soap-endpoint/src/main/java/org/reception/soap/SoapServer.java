package org.reception.soap;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxb.JAXBDataBinding;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.reception.cases.PetitionService;
import org.reception.cases.Settings;
import org.reception.cases.access.Authenticator;
import org.reception.soap.v1.Petitions;

/**
 * Publishes the contract-first petitions service ({@code wsdl/petitions-v1.wsdl}) on CXF's servlet
 * at {@code /api/soap/petitions}. The WSDL and schema served are the ones in this bundle. Every
 * call is signed in before its body is read, validated against the schema and read with bounded
 * depth, counts and sizes; CXF's parser refuses DTDs and so external entities. Every failure
 * becomes a {@code PetitionFault} in {@link SoapFaults}.
 */
@Component(immediate = true, configurationPid = SoapServer.PROXIES_PID)
public final class SoapServer {

    /** The reverse proxies of every HTTP face are named once, with the REST API's settings. */
    static final String PROXIES_PID = "org.reception.rest";

    /** The one setting of {@code etc/org.reception.rest.cfg} this face reads (the REST bundle describes them all). */
    @interface Proxies {
        String[] trustedProxies() default {};
    }

    private volatile Set<String> trustedProxies = Set.of();

    static final String ADDRESS = "/soap/petitions";
    private static final Logger LOG = LogManager.getLogger(SoapServer.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PetitionService petitions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Authenticator authenticator;

    private Server server;

    /** New proxies apply to the next call; the service is not published again. */
    @Modified
    void modified(Proxies config) {
        trustedProxies = Settings.listed(config.trustedProxies());
    }

    @Activate
    void activate(Proxies config) {
        modified(config);
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(ADDRESS);
        factory.setServiceClass(Petitions.class);
        factory.setServiceBean(new PetitionsEndpoint(() -> petitions));
        factory.setWsdlLocation(SoapServer.class.getResource("/wsdl/petitions-v1.wsdl").toString());
        factory.setServiceName(new javax.xml.namespace.QName(Petitions.NAMESPACE, "PetitionsService"));
        factory.setEndpointName(new javax.xml.namespace.QName(Petitions.NAMESPACE, "PetitionsPort"));
        SchemaNames names = SchemaNames.ofContract();
        Map<String, Object> properties = limits();
        SoapFaults faults = new SoapFaults();
        properties.put(JAXBDataBinding.VALIDATION_EVENT_HANDLER, new SchemaViolations(names));
        properties.put(FaultListener.class.getName(), faults);
        factory.setProperties(properties);
        factory.getInInterceptors().add(new SignIn(() -> authenticator, () -> trustedProxies));
        factory.getInInterceptors().add(new DeclaredEncoding());
        factory.getInInterceptors().add(new SchemaViolations.TrackPath(names));
        factory.getInInterceptors().add(new SchemaViolations.Refuse());
        factory.getOutFaultInterceptors().add(faults);
        server = factory.create();
        LOG.info("SOAP petitions service published at {} under the CXF servlet", ADDRESS);
    }

    /** What a request may be: schema-valid, and bounded in every dimension a parser can be flooded in. */
    static Map<String, Object> limits() {
        Map<String, Object> limits = new HashMap<>();
        limits.put("schema-validation-enabled", "BOTH");
        limits.put("org.apache.cxf.stax.maxElementDepth", 32);
        // A petition's own children: up to 500 petitioners, 50 accused, 20 linked petitions and eight more.
        limits.put("org.apache.cxf.stax.maxChildElements", 1_000);
        limits.put("org.apache.cxf.stax.maxElementCount", 5_000);
        limits.put("org.apache.cxf.stax.maxAttributeCount", 50);
        limits.put("org.apache.cxf.stax.maxAttributeSize", 1_024);
        limits.put("org.apache.cxf.stax.maxTextLength", 64 * 1_024);
        limits.put("org.apache.cxf.stax.maxXMLCharacters", 1_024L * 1_024L);
        return limits;
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
    }
}
