package org.reception.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.ws.rs.core.Response;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.apache.cxf.jaxrs.client.WebClient;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.OutboxMessage;
import org.reception.cases.Petition;
import org.reception.cases.spi.DeliveryRefused;
import org.reception.cases.spi.OutboundAdapter;

/**
 * The platform's client for one county system, configured in {@code etc/org.reception.county-<code>.cfg}:
 * REST posts the case as JSON with an {@code Idempotency-Key} header; SOAP sends {@code ReceiveCase}
 * of {@code wsdl/county-v1.wsdl} with the key in the message. Both go through CXF's JAX-RS client,
 * whose HTTP conduit carries the county's sign-in (HTTP Basic or a bearer token), client certificate
 * and trust store. {@link Answers} says what an answer means: delivered, refused, or to be retried.
 */
@Component(service = OutboundAdapter.class, configurationPid = CountySystemConfig.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CountySystemConfig.class, factory = true)
public final class CountySystemClient implements OutboundAdapter {

    static final String COUNTY_NAMESPACE = "urn:reception:county:v1";
    private static final Logger LOG = LogManager.getLogger(CountySystemClient.class);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** The county system as configured now: replaced whole by a change, read once per delivery. */
    private volatile Endpoint endpoint;

    private record Endpoint(CountySystemConfig config, URI url) {
    }

    @Activate
    public CountySystemClient(CountySystemConfig config) {
        modified(config);
    }

    /**
     * A change of the county's file (address, protocol, time-out, sign-in, TLS) applies to the next
     * delivery; the adapter stays registered, so no delivery waits for it to come back. A file it
     * names that cannot be used is said in the log now, and the county's cases wait until it can.
     */
    @Modified
    void modified(CountySystemConfig config) {
        endpoint = new Endpoint(config, URI.create(config.url().strip()));
        LOG.info("County system for {} at {} ({}, authentication {}{}{})", config.destination(), config.url(),
                config.protocol(), config.authentication(), config.keyStore().isBlank() ? "" : ", client certificate",
                config.trustStore().isBlank() ? "" : ", trust store " + config.trustStore());
        try {
            ClientSecurity.read(config, etc());
        } catch (ClientSecurity.Unusable e) {
            LOG.error("County system for {}: {}; its cases wait in the outbox until this is put right",
                    config.destination(), e.getMessage());
        }
        boolean https = "https".equalsIgnoreCase(endpoint.url().getScheme());
        if (!https && config.authentication() != CountySystemConfig.Authentication.NONE) {
            LOG.warn("County system for {}: its credentials cross the network in the clear over {}; use https",
                    config.destination(), config.url());
        }
        if (!https && !(config.keyStore().isBlank() && config.trustStore().isBlank())) {
            LOG.warn("County system for {}: keyStore and trustStore apply to https only, not to {}",
                    config.destination(), config.url());
        }
    }

    /** Where the files of a configuration are: Karaf's {@code etc/}. */
    private static Path etc() {
        return Path.of(System.getProperty("karaf.etc", "etc"));
    }

    @Override
    public void deliver(OutboxMessage message, Petition petition) throws Exception {
        Endpoint current = endpoint;
        CountySystemConfig config = current.config();
        URI url = current.url();
        ClientSecurity security;
        try {
            security = ClientSecurity.read(config, etc());
        } catch (ClientSecurity.Unusable e) {
            throw new IOException("not sent to " + Answers.host(url) + ": " + e.getMessage(), e);
        }
        // The rules' confidentiality decision names who must not see the case: it stays in the platform.
        ObjectNode document = JSON.valueToTree(petition);
        document.remove("confidentiality");
        String json = JSON.writeValueAsString(document);

        WebClient client = WebClient.create(url.toString());
        try {
            HTTPConduit conduit = WebClient.getConfig(client).getHttpConduit();
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(config.timeoutSeconds() * 1000L);
            policy.setReceiveTimeout(config.timeoutSeconds() * 1000L);
            policy.setAllowChunking(false);
            conduit.setClient(policy);
            if (security.authorization() != null) {
                conduit.setAuthorization(security.authorization());
            }
            if (security.tls() != null) {
                conduit.setTlsClientParameters(security.tls());
            }
            client.header("Idempotency-Key", message.idempotencyKey())
                    .header("Reception-Delivery", message.kind());
            boolean soap = config.protocol() == CountySystemConfig.Protocol.SOAP;
            byte[] body;
            if (soap) {
                client.type("text/xml; charset=utf-8").accept("text/xml", "*/*")
                        .header("SOAPAction", "\"" + COUNTY_NAMESPACE + ":ReceiveCase\"");
                body = envelope(message, json);
            } else {
                client.type("application/json; charset=utf-8").accept("application/json", "*/*");
                body = json.getBytes(StandardCharsets.UTF_8);
            }
            Answers.Outcome outcome;
            try (Response answer = client.post(body)) {
                String text = answer.hasEntity() ? answer.readEntity(String.class) : "";
                outcome = soap ? Answers.soap(url, answer.getStatus(), text) : Answers.rest(url, answer.getStatus(), text);
            } catch (RuntimeException e) {
                throw new IOException(Answers.failure(url, e), e);
            }
            switch (outcome.verdict()) {
                case DELIVERED -> {
                }
                case REFUSED -> throw new DeliveryRefused(outcome.reason());
                default -> throw new IOException(outcome.reason());
            }
        } finally {
            client.close();
        }
    }

    /** {@code ReceiveCase}: the key, the kind, the number, and the case as JSON text (the same document REST sends). */
    static byte[] envelope(OutboxMessage message, String json) throws XMLStreamException, JsonProcessingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("soap", "Envelope", "http://schemas.xmlsoap.org/soap/envelope/");
        xml.writeNamespace("soap", "http://schemas.xmlsoap.org/soap/envelope/");
        xml.writeStartElement("soap", "Body", "http://schemas.xmlsoap.org/soap/envelope/");
        xml.writeStartElement("", "ReceiveCase", COUNTY_NAMESPACE);
        xml.writeDefaultNamespace(COUNTY_NAMESPACE);
        element(xml, "idempotencyKey", message.idempotencyKey());
        element(xml, "kind", message.kind());
        element(xml, "registrationNumber", message.registrationNumber());
        element(xml, "caseJson", json);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(COUNTY_NAMESPACE, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
