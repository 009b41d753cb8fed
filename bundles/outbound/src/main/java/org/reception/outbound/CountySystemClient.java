package org.reception.outbound;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.OutboxMessage;
import org.reception.cases.Petition;
import org.reception.cases.spi.OutboundAdapter;

/**
 * The platform's client for one county system, configured in {@code etc/org.reception.county-<code>.cfg}:
 * REST posts the case as JSON with an {@code Idempotency-Key} header; SOAP sends {@code ReceiveCase}
 * of {@code wsdl/county-v1.wsdl} with the key in the message. A 2xx answer (without a SOAP fault)
 * is a delivery; anything else is retried by the outbox.
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

    private record Endpoint(CountySystemConfig config, URI url, HttpClient http) {
    }

    @Activate
    public CountySystemClient(CountySystemConfig config) {
        modified(config);
    }

    /**
     * A change of the county's file (address, protocol, time-out) applies to the next delivery; the
     * adapter stays registered, so no delivery waits for it to come back.
     */
    @Modified
    void modified(CountySystemConfig config) {
        endpoint = new Endpoint(config, URI.create(config.url()),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(config.timeoutSeconds())).build());
        LOG.info("County system for {} at {} ({})", config.destination(), config.url(), config.protocol());
    }

    @Override
    public void deliver(OutboxMessage message, Petition petition) throws Exception {
        Endpoint current = endpoint;
        CountySystemConfig config = current.config();
        URI url = current.url();
        HttpClient http = current.http();
        // The rules' confidentiality decision names who must not see the case: it stays in the platform.
        ObjectNode document = JSON.valueToTree(petition);
        document.remove("confidentiality");
        String json = JSON.writeValueAsString(document);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(config.timeoutSeconds()))
                .header("Idempotency-Key", message.idempotencyKey())
                .header("Reception-Delivery", message.kind());
        if (config.protocol() == CountySystemConfig.Protocol.SOAP) {
            request.header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"" + COUNTY_NAMESPACE + ":ReceiveCase\"")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(envelope(message, json)));
        } else {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2 || answer.body().contains(":Fault>")) {
            throw new IllegalStateException("HTTP " + answer.statusCode() + " from " + url + ": "
                    + answer.body().substring(0, Math.min(200, answer.body().length())));
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
