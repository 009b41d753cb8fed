package org.reception.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.reception.outbound.Answers.Verdict;

class AnswersTest {

    private static final URI REST = URI.create("https://county.example:8443/reception/cases");
    private static final URI SOAP = URI.create("http://county.example/soap");

    private static String response(String inside) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ReceiveCaseResponse xmlns=\"urn:reception:county:v1\">" + inside + "</ReceiveCaseResponse>"
                + "</soap:Body></soap:Envelope>";
    }

    private static String fault(String code, String text) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:" + code + "</faultcode><faultstring>" + text + "</faultstring></soap:Fault>"
                + "</soap:Body></soap:Envelope>";
    }

    @Test
    void twoHundredsAndAConflictOverAKeyAlreadyHeldAreDeliveries() {
        for (int status : new int[] {200, 201, 202, 204, 409}) {
            assertEquals(Verdict.DELIVERED, Answers.rest(REST, status, "").verdict(), "HTTP " + status);
            assertNull(Answers.rest(REST, status, "").reason());
        }
    }

    @Test
    void otherClientErrorsAreRefusalsWithTheCountysWords() {
        for (int status : new int[] {400, 401, 403, 404, 410, 413, 415, 422}) {
            assertEquals(Verdict.REFUSED, Answers.rest(REST, status, "").verdict(), "HTTP " + status);
        }
        assertEquals("county.example:8443: refused with HTTP 422: {\"detail\": \"unknown unit 520102-ZJJ\"}",
                Answers.rest(REST, 422, "{\"detail\":\n \"unknown unit 520102-ZJJ\"}").reason());
    }

    @Test
    void timeOutsThrottlingServerErrorsAndRedirectsAreTriedAgain() {
        for (int status : new int[] {408, 429, 500, 502, 503, 504, 301, 302, 100}) {
            assertEquals(Verdict.RETRY, Answers.rest(REST, status, "").verdict(), "HTTP " + status);
        }
        assertEquals("county.example:8443: HTTP 503", Answers.rest(REST, 503, "").reason());
    }

    @Test
    void aSoapCountyDeclinesWithAcceptedFalseAndMaySayWhy() {
        assertEquals(Verdict.DELIVERED, Answers.soap(SOAP, 200, response("<accepted>true</accepted>")).verdict());
        Answers.Outcome declined = Answers.soap(SOAP, 200, response("<accepted>false</accepted><reason>没有该单位</reason>"));
        assertEquals(Verdict.REFUSED, declined.verdict());
        assertEquals("county.example:80: accepted=false: 没有该单位", declined.reason());
        assertEquals("county.example:80: accepted=false",
                Answers.soap(SOAP, 200, response("<accepted>false</accepted>")).reason());
    }

    @Test
    void aSoapClientFaultIsARefusalAndAServerFaultOrAStrangeAnswerIsTriedAgain() {
        Answers.Outcome client = Answers.soap(SOAP, 500, fault("Client", "caseJson is not JSON"));
        assertEquals(Verdict.REFUSED, client.verdict());
        assertEquals("county.example:80: SOAP fault Client: caseJson is not JSON", client.reason());
        assertEquals(Verdict.RETRY, Answers.soap(SOAP, 500, fault("Server", "database down")).verdict());
        assertEquals(Verdict.RETRY, Answers.soap(SOAP, 200, "<html>maintenance</html>").verdict());
        assertEquals(Verdict.RETRY, Answers.soap(SOAP, 200, "not xml at all").verdict());
        assertEquals(Verdict.RETRY, Answers.soap(SOAP, 500, response("<accepted>true</accepted>")).verdict(),
                "a 500 is not a delivery whatever it carries");
        assertEquals(Verdict.REFUSED, Answers.soap(SOAP, 401, "").verdict());
        assertEquals(Verdict.DELIVERED, Answers.soap(SOAP, 409, "").verdict());
        assertEquals(Verdict.RETRY, Answers.soap(SOAP, 503, "").verdict());
    }

    @Test
    void aFailureNamesTheHostAndTheCauseNeverNull() {
        assertEquals("county.example:8443: connection refused",
                Answers.failure(REST, new RuntimeException("Could not send Message.", new ConnectException())));
        assertEquals("county.example:8443: connection refused",
                Answers.failure(REST, new RuntimeException(null, new ConnectException("Connection refused"))));
        assertEquals("county.example:80: unknown host",
                Answers.failure(SOAP, new RuntimeException(new UnknownHostException("county.example"))));
        assertEquals("county.example:8443: no answer in time",
                Answers.failure(REST, new RuntimeException(new SocketTimeoutException("Read timed out"))));
        assertEquals("county.example:8443: connection timed out",
                Answers.failure(REST, new RuntimeException(new SocketTimeoutException("connect timed out"))));
        assertEquals("county.example:8443: TLS: the server's certificate is not trusted (trustStore)",
                Answers.failure(REST, new RuntimeException(new SSLHandshakeException(
                        "PKIX path building failed: unable to find valid certification path"))));
        assertEquals("county.example:8443: broken pipe",
                Answers.failure(REST, new RuntimeException(new IOException("broken pipe"))));
        assertEquals("county.example:8443: illegal state exception",
                Answers.failure(REST, new IllegalStateException()));
    }

    @Test
    void errorsStayShortAndOnOneLine() {
        String error = Answers.rest(REST, 500, "<html>\n" + "x".repeat(10_000) + "</html>").reason();
        assertTrue(error.length() <= Answers.MAX_ERROR, error);
        assertTrue(!error.contains("\n"), error);
        assertTrue(Answers.failure(REST, new IOException("y".repeat(5_000))).length() <= Answers.MAX_ERROR);
    }
}
