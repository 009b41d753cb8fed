package org.reception.outbound;

import java.io.StringReader;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.util.Locale;

import javax.net.ssl.SSLException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a county system's answer means for the outbox, and the words for a delivery that failed.
 *
 * <ul>
 *   <li><b>delivered</b>: 2xx (SOAP: {@code accepted=true}); and 409 Conflict, which a county system
 *       answers for an idempotency key it already has: it has the case.</li>
 *   <li><b>refused</b>: any other 4xx but 408 and 429, a SOAP {@code accepted=false} or a SOAP fault
 *       of code {@code Client}: the county system answered and declined the case.</li>
 *   <li><b>retry</b>: no answer, 408, 429, 5xx (SOAP: a {@code Server} fault), 1xx and 3xx, and an
 *       answer that is not the contract's.</li>
 * </ul>
 */
final class Answers {

    static final int EXCERPT = 200;
    static final int MAX_ERROR = 300;
    static final String SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";

    enum Verdict {
        DELIVERED,
        REFUSED,
        RETRY
    }

    /** @param reason for operators; names the county system's host */
    record Outcome(Verdict verdict, String reason) {
    }

    private Answers() {
    }

    static Verdict ofStatus(int status) {
        if (status / 100 == 2 || status == 409) {
            return Verdict.DELIVERED;
        }
        if (status / 100 == 4 && status != 408 && status != 429) {
            return Verdict.REFUSED;
        }
        return Verdict.RETRY;
    }

    /** A REST county system's answer. */
    static Outcome rest(URI url, int status, String body) {
        Verdict verdict = ofStatus(status);
        return new Outcome(verdict, verdict == Verdict.DELIVERED ? null
                : bounded(host(url) + ": " + (verdict == Verdict.REFUSED ? "refused with " : "") + "HTTP " + status
                        + excerpt(body)));
    }

    /** A SOAP county system's answer: {@code ReceiveCaseResponse} of county-v1.wsdl, or a fault. */
    static Outcome soap(URI url, int status, String body) {
        // A fault comes with 500; an answer with 2xx, whose body says accepted or not; any other status speaks for itself.
        if (status != 500 && status / 100 != 2) {
            return rest(url, status, body);
        }
        String faultCode = null;
        String faultString = null;
        Boolean accepted = null;
        String reason = null;
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(body == null ? "" : body));
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                String namespace = xml.getNamespaceURI();
                if (CountySystemClient.COUNTY_NAMESPACE.equals(namespace) && "accepted".equals(name)) {
                    accepted = Boolean.parseBoolean(xml.getElementText().strip());
                } else if (CountySystemClient.COUNTY_NAMESPACE.equals(namespace) && "reason".equals(name)) {
                    reason = xml.getElementText().strip();
                } else if ("faultcode".equals(name)) {
                    faultCode = xml.getElementText().strip();
                } else if ("faultstring".equals(name)) {
                    faultString = xml.getElementText().strip();
                }
            }
        } catch (XMLStreamException e) {
            return new Outcome(Verdict.RETRY, bounded(host(url) + ": HTTP " + status + ", not a SOAP answer" + excerpt(body)));
        }
        if (faultCode != null) {
            String code = faultCode.substring(faultCode.indexOf(':') + 1);
            return new Outcome("Client".equals(code) ? Verdict.REFUSED : Verdict.RETRY,
                    bounded(host(url) + ": SOAP fault " + code + (faultString == null ? "" : ": " + faultString)));
        }
        if (status != 500 && accepted != null) {
            return accepted ? new Outcome(Verdict.DELIVERED, null)
                    : new Outcome(Verdict.REFUSED, bounded(host(url) + ": accepted=false"
                            + (reason == null || reason.isEmpty() ? "" : ": " + reason)));
        }
        return new Outcome(Verdict.RETRY, bounded(host(url) + ": HTTP " + status + ", no ReceiveCaseResponse" + excerpt(body)));
    }

    /**
     * Why a delivery got no answer, as {@code host:port: cause}, e.g.
     * {@code county.example:8443: connection refused}: the innermost cause the network gave.
     */
    static String failure(URI url, Throwable failure) {
        String cause = null;
        for (Throwable at = failure; at != null; at = at.getCause() == at ? null : at.getCause()) {
            String words = words(at);
            if (words != null) {
                cause = words;
            }
        }
        if (cause == null) {
            Throwable innermost = failure;
            while (innermost.getCause() != null && innermost.getCause() != innermost) {
                innermost = innermost.getCause();
            }
            cause = message(innermost) != null ? message(innermost)
                    : innermost.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        return bounded(host(url) + ": " + cause);
    }

    private static String words(Throwable at) {
        if ((at instanceof SSLException || at instanceof CertificateException) && message(at) != null
                && message(at).contains("PKIX path")) {
            return "TLS: the server's certificate is not trusted (trustStore)";
        }
        if (at instanceof ConnectException) {
            String message = message(at);
            return message != null && message.toLowerCase(Locale.ROOT).contains("timed out") ? "connection timed out"
                    : "connection refused";
        }
        if (at instanceof UnknownHostException) {
            return "unknown host";
        }
        if (at instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (at instanceof SocketTimeoutException || at instanceof HttpTimeoutException) {
            String message = message(at);
            return message != null && message.toLowerCase(Locale.ROOT).contains("connect") ? "connection timed out"
                    : "no answer in time";
        }
        if (at instanceof CertificateException) {
            return "TLS: certificate not accepted: " + message(at);
        }
        if (at instanceof SSLException) {
            String message = message(at);
            return "TLS: " + (message == null ? "handshake failed" : message);
        }
        return null;
    }

    private static String message(Throwable at) {
        String message = at.getMessage();
        return message == null || message.isBlank() || "null".equals(message.strip()) ? null : message.strip();
    }

    static String host(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getHost() + ":" + port;
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip().replaceAll("\\s+", " ");
        return ": " + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
    }

    static String bounded(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > MAX_ERROR ? line.substring(0, MAX_ERROR - 1) + "…" : line;
    }
}
