package org.reception.soap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.bind.ValidationEvent;
import javax.xml.bind.ValidationEventHandler;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.wsdl.interceptors.DocLiteralInInterceptor;
import org.reception.cases.PetitionRejected;
import org.reception.cases.Problem;
import org.reception.cases.Violation;

/**
 * What the schema refuses in a request, field by field, in the platform's words: a missing element,
 * a text too long, a value not of its pattern is {@code invalid-petition}, as the intake says it of
 * a REST body; a value of the wrong type or an element the schema does not have is
 * {@code malformed-request}, as a JSON body of the wrong shape is. The value itself is never
 * repeated. Every fault is collected (up to {@value #MOST}) and the request refused after the body
 * is read, naming them all.
 */
final class SchemaViolations implements ValidationEventHandler {

    static final int MOST = 20;

    private static final Pattern KEY = Pattern.compile("^(cvc-[a-zA-Z0-9.-]+):");
    private static final Pattern MAX_LENGTH = Pattern.compile("maxLength '(\\d+)'");
    private static final Pattern PATTERN = Pattern.compile("with respect to pattern '(.*)' for type");
    private static final Pattern ENUMERATION = Pattern.compile("enumeration '(\\[[^\\]]*\\])'");
    private static final Pattern DATATYPE = Pattern.compile("is not a valid value for '([^']+)'");
    private static final Pattern FOUND = Pattern.compile("starting with element '([^']+)'");
    private static final Pattern TOO_MANY = Pattern.compile("^cvc-complex-type.2.4.e: '([^']+)'");
    private static final Pattern MAXIMUM = Pattern.compile("maximum of '(\\d+)' times");
    private static final Pattern INCOMPLETE = Pattern.compile("content of element '([^']+)' is not complete");
    private static final Pattern EXPECTED = Pattern.compile("One of '\\{(?:\"[^\"]*\":)?([^,}\"]+)");

    private final SchemaNames names;

    SchemaViolations(SchemaNames names) {
        this.names = names;
    }

    /** What was found wrong with the request so far: each field once, with whether it is malformed or only invalid. */
    static final class Found {
        private final Map<String, Violation> violations = new LinkedHashMap<>();
        private boolean malformed;

        void add(String field, String message, boolean malformed) {
            if (violations.putIfAbsent(field, new Violation(field, message)) == null) {
                this.malformed |= malformed;
            }
        }

        int size() {
            return violations.size();
        }

        PetitionRejected refusal() {
            return new PetitionRejected(malformed ? Problem.MALFORMED_REQUEST : Problem.INVALID_PETITION,
                    new ArrayList<>(violations.values()));
        }
    }

    /** What the schema refused in the exchange's request; null when it refused nothing. */
    static Found of(Exchange exchange) {
        return exchange == null ? null : exchange.get(Found.class);
    }

    @Override
    public boolean handleEvent(ValidationEvent event) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Exchange exchange = message == null ? null : message.getExchange();
        if (exchange == null) {
            return false;
        }
        Found found = exchange.get(Found.class);
        if (found == null) {
            found = new Found();
            exchange.put(Found.class, found);
        }
        describe(String.valueOf(event.getMessage()), exchange.get(ElementPath.class), found);
        return event.getSeverity() != ValidationEvent.FATAL_ERROR && found.size() < MOST;
    }

    /** Turns one message of the schema validator (or of JAXB) into a violation of the field being read. */
    void describe(String text, ElementPath path, Found found) {
        String here = path == null ? "" : path.field();
        Matcher key = KEY.matcher(text);
        if (!key.find()) {
            // JAXB's own: an element it has no place for, a value it cannot convert.
            found.add(here, text.startsWith("unexpected element") ? "is not an element of this request"
                    : "cannot be read", true);
            return;
        }
        switch (key.group(1)) {
            case "cvc-maxLength-valid" -> found.add(here, "is longer than " + group(MAX_LENGTH, text, "allowed")
                    + " characters", false);
            case "cvc-minLength-valid", "cvc-length-valid" -> found.add(here, "is required", false);
            case "cvc-pattern-valid" -> found.add(here, "must match the pattern " + group(PATTERN, text, "of its type"),
                    false);
            case "cvc-enumeration-valid" -> found.add(here, "must be one of " + group(ENUMERATION, text, "its values"),
                    true);
            case "cvc-datatype-valid.1.2.1", "cvc-datatype-valid.1.2.2", "cvc-datatype-valid.1.2.3" ->
                    found.add(here, "is not a valid " + group(DATATYPE, text, "value"), true);
            case "cvc-complex-type.2.4.a", "cvc-complex-type.2.4.c", "cvc-complex-type.2.4.d" ->
                    misplaced(text, path, found);
            case "cvc-complex-type.2.4.e" -> tooMany(text, path, found);
            case "cvc-complex-type.2.4.b" -> {
                String incomplete = localName(group(INCOMPLETE, text, ""));
                String parent = path == null || incomplete.isEmpty() ? here : path.at(incomplete).field();
                found.add(join(parent, group(EXPECTED, text, "an element")), "is required", false);
            }
            case "cvc-complex-type.2.3" -> found.add(here, "holds text where only elements belong", true);
            default -> found.add(here, "is not valid", true);
        }
    }

    /** An element where the schema expects another: one too many of a kind, one the schema lacks, or one missing before it. */
    private void misplaced(String text, ElementPath path, Found found) {
        String element = localName(group(FOUND, text, ""));
        if (path == null) {
            found.add(element, "is not allowed here", true);
            return;
        }
        ElementPath.Position at = path.at(element);
        if (!names.elements().contains(element)) {
            found.add(at.field(), "is not an element of this request", true);
        } else if (at.repeated() && names.repeating().contains(element)) {
            found.add(at.fieldWithoutIndex(), "may occur at most " + at.index() + " times", false);
        } else if (EXPECTED.matcher(text).find()) {
            found.add(join(at.parentField(), group(EXPECTED, text, "")), "is required (before " + element + ")", false);
        } else {
            found.add(at.field(), "is not allowed here", true);
        }
    }

    /** One of a kind too many ({@code cvc-complex-type.2.4.e}, for a limit the validator counts). */
    private static void tooMany(String text, ElementPath path, Found found) {
        String element = localName(group(TOO_MANY, text, ""));
        String field = path == null ? element : path.at(element).fieldWithoutIndex();
        found.add(field, "may occur at most " + group(MAXIMUM, text, "as many as the schema allows") + " times", false);
    }

    private static String localName(String qualified) {
        String name = qualified.replace("}", "").replace("\"", "");
        return name.substring(name.lastIndexOf(':') + 1);
    }

    private static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }

    private static String group(Pattern pattern, String text, String otherwise) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1).trim() : otherwise;
    }

    /** Reads the body through an {@link ElementPath}, so that each violation names its field. */
    static final class TrackPath extends AbstractPhaseInterceptor<Message> {
        private final SchemaNames names;

        TrackPath(SchemaNames names) {
            super(Phase.UNMARSHAL);
            addBefore(DocLiteralInInterceptor.class.getName());
            this.names = names;
        }

        @Override
        public void handleMessage(Message message) {
            XMLStreamReader reader = message.getContent(XMLStreamReader.class);
            if (reader != null && message.getExchange() != null) {
                ElementPath path = new ElementPath(reader, names);
                message.setContent(XMLStreamReader.class, path);
                message.getExchange().put(ElementPath.class, path);
            }
        }
    }

    /**
     * After the body is read: refuses the request if the schema refused anything in it, or if the
     * envelope holds anything after the one element of its one {@code Body} (a second element, a
     * second {@code Body}), which no reader may silently drop.
     */
    static final class Refuse extends AbstractPhaseInterceptor<Message> {
        Refuse() {
            super(Phase.UNMARSHAL);
            addAfter(DocLiteralInInterceptor.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            Found found = of(message.getExchange());
            if (found != null && found.size() > 0) {
                throw found.refusal();
            }
            XMLStreamReader reader = message.getContent(XMLStreamReader.class);
            if (reader == null) {
                return;
            }
            try {
                int event = reader.getEventType();
                while (event != XMLStreamConstants.END_DOCUMENT) {
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        throw new MalformedMessage("the envelope holds '" + clip(reader.getLocalName())
                                + "' after the request: a SOAP message has one Body with one element");
                    }
                    if (!reader.hasNext()) {
                        break;
                    }
                    event = reader.next();
                }
            } catch (XMLStreamException e) {
                throw new MalformedMessage("the envelope is not well-formed after the request: " + clip(e.getMessage()));
            }
        }

        private static String clip(String text) {
            return SoapFaults.clip(text);
        }
    }
}
