package org.reception.soap;

import java.io.CharConversionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.reception.cases.Problem;
import org.reception.cases.ReceptionException;
import org.reception.cases.Violation;
import org.reception.cases.access.BasicCredentials;
import org.reception.soap.v1.Petitions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns every failure of a SOAP call into a {@code PetitionFault}, once, in one place: the fault
 * chain of the endpoint, whatever failed (the sign-in, the XML, the schema, the petition service,
 * or the platform). The fault carries the stable code of the platform's {@link Problem} (the REST
 * API's problem type) in its detail and at the head of its {@code faultstring}, the fields at fault,
 * and {@code soap:Client} when the caller must change the request, {@code soap:Server} only when
 * the platform failed. A failed sign-in answers HTTP 401 with the realm's challenge, a throttled one
 * 429 with {@code Retry-After}; every other fault HTTP 500, as SOAP 1.1 has it. No value of the
 * request is repeated beyond {@value #MOST_ECHOED} characters.
 */
final class SoapFaults extends AbstractPhaseInterceptor<Message> implements FaultListener {

    static final int MOST_ECHOED = 200;
    private static final Logger LOG = LogManager.getLogger(SoapFaults.class);
    private static final String INTERNAL = "the request failed; the platform's log has the details";
    /** The REST API's fields whose elements the contract names otherwise. */
    private static final Map<String, String> ELEMENTS = Map.of("petitioners", "petitioner",
            "linkedPetitions", "linkedPetition", "text", "reply", "Idempotency-Key", "idempotencyKey");
    private static final Set<String> CALLERS_CODES = Set.of("Client", "Sender", "VersionMismatch", "MustUnderstand");

    SoapFaults() {
        // On the fault chain, before the binding writes the fault (PREPARE_SEND) and takes its status.
        super(Phase.PRE_LOGICAL);
    }

    /**
     * What went wrong, in the platform's terms; null when it is a fault of the platform's own.
     *
     * @param exchange the call's exchange, which keeps what the schema refused in its request
     */
    static ReceptionException refusal(Throwable thrown, Exchange exchange) {
        SchemaViolations.Found refused = SchemaViolations.of(exchange);
        if (refused != null && refused.size() > 0) {
            return refused.refusal();
        }
        XMLStreamException unreadable = null;
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReceptionException known) {
                return known;
            }
            if (cause instanceof XMLStreamException xml) {
                unreadable = xml;
            }
            if (cause instanceof CharConversionException || cause instanceof java.nio.charset.CharacterCodingException) {
                return new MalformedMessage("the request is not in the encoding it declares (" + encoding(exchange)
                        + "): " + clip(cause.getMessage()));
            }
        }
        if (unreadable != null) {
            return new MalformedMessage("the request is not a well-formed SOAP envelope within the limits: "
                    + clip(unreadable.getMessage()));
        }
        if (thrown instanceof Fault fault && callersFault(fault.getFaultCode())) {
            String said = String.valueOf(fault.getMessage());
            // A schema's message repeats the value it refuses: never send it back.
            return new MalformedMessage(said.contains("cvc-") ? "the request does not follow the schema of the contract"
                    : clip(said));
        }
        return null;
    }

    private static boolean callersFault(QName code) {
        return Fault.FAULT_CODE_CLIENT.equals(code) || code != null && CALLERS_CODES.contains(code.getLocalPart());
    }

    private static String encoding(Exchange exchange) {
        Message in = exchange == null ? null : exchange.getInMessage();
        return in == null ? "UTF-8" : String.valueOf(in.get(Message.ENCODING));
    }

    @Override
    public void handleMessage(Message message) {
        Exception thrown = message.getContent(Exception.class);
        if (thrown == null) {
            return;
        }
        ReceptionException refusal = refusal(thrown, message.getExchange());
        Problem problem = refusal == null ? Problem.INTERNAL_ERROR : refusal.problem();
        if (refusal == null) {
            LOG.error("SOAP call failed", thrown);
        } else if (!problem.callersFault()) {
            LOG.warn("SOAP call refused: {}: {}", problem.slug(), refusal.getMessage(), refusal.getCause());
        } else {
            LOG.debug("SOAP call refused: {}: {}", problem.slug(), refusal.getMessage());
        }
        List<Violation> violations = refusal == null ? List.of() : refusal.violations().stream()
                .map(violation -> new Violation(clip(elementPath(violation.field())), clip(violation.message()))).toList();
        String text = refusal == null ? INTERNAL : clip(violations.isEmpty() ? refusal.getMessage() : Violation.describe(violations));
        Fault fault = new Fault(new IllegalStateException(text),
                problem.callersFault() ? Fault.FAULT_CODE_CLIENT : Fault.FAULT_CODE_SERVER);
        fault.setMessage(problem.slug() + ": " + text);
        detail(fault, problem, text, violations);
        int status = problem == Problem.UNAUTHORIZED || problem == Problem.TOO_MANY_REQUESTS ? problem.status() : 500;
        fault.setStatusCode(status);
        message.put(Message.RESPONSE_CODE, status);
        if (problem == Problem.UNAUTHORIZED) {
            header(message, "WWW-Authenticate", BasicCredentials.CHALLENGE);
        }
        if (refusal != null && refusal.retryAfterSeconds() > 0) {
            header(message, "Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        message.setContent(Exception.class, fault);
    }

    /**
     * A field as the contract names it: the petition service speaks of the fields of the REST API
     * ({@code petitioners[0].name}), a fault of the elements of the request ({@code petitioner[0].name}).
     */
    static String elementPath(String field) {
        for (Map.Entry<String, String> renamed : ELEMENTS.entrySet()) {
            String rest = field.startsWith(renamed.getKey()) ? field.substring(renamed.getKey().length()) : null;
            if (rest != null && (rest.isEmpty() || rest.startsWith("[") || rest.startsWith("."))) {
                return renamed.getValue() + rest;
            }
        }
        return field;
    }

    /** The fault's detail: the contract's {@code PetitionFault} element. */
    private static void detail(Fault fault, Problem problem, String text, List<Violation> violations) {
        Element detail = fault.getOrCreateDetail();
        Document document = detail.getOwnerDocument();
        Element info = document.createElementNS(Petitions.NAMESPACE, "PetitionFault");
        child(info, "code", problem.slug());
        child(info, "message", text);
        for (Violation violation : violations) {
            Element at = document.createElementNS(Petitions.NAMESPACE, "violation");
            child(at, "field", violation.field());
            child(at, "message", violation.message());
            info.appendChild(at);
        }
        detail.appendChild(info);
    }

    private static void child(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(Petitions.NAMESPACE, name);
        child.setTextContent(text);
        parent.appendChild(child);
    }

    @SuppressWarnings("unchecked")
    private static void header(Message message, String name, String value) {
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers == null) {
            headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            message.put(Message.PROTOCOL_HEADERS, headers);
        }
        headers.put(name, new ArrayList<>(List.of(value)));
    }

    /** The first line of a text, cut to {@value #MOST_ECHOED} characters: what a fault may repeat of anything. */
    static String clip(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip();
        int end = line.indexOf('\n');
        if (end >= 0) {
            line = line.substring(0, end).strip();
        }
        return line.codePointCount(0, line.length()) <= MOST_ECHOED ? line
                : line.substring(0, line.offsetByCodePoints(0, MOST_ECHOED)) + "…";
    }

    /** CXF's own log of a failed call is replaced by the one above, which knows whose fault it is. */
    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        return false;
    }
}
