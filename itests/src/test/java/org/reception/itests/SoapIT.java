package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;

import com.sun.tools.xjc.api.XJC;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.interceptor.Soap11FaultInInterceptor;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.dynamic.DynamicClientFactory;
import org.apache.cxf.interceptor.ClientFaultConverter;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A county system's SOAP client, generated at run time from the WSDL the platform serves and
 * nothing else, calls every operation; hostile XML is refused with a fault and stores nothing. Every
 * failure is a {@code PetitionFault} with the platform's code, {@code soap:Client} when the caller
 * must change the request, and repeats no long value.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SoapIT {

    private static final String NS = "urn:reception:petitions:v1";
    private static final String ENDPOINT = "/api/soap/petitions";
    /** The codes of the platform's own faults, which a client may retry; every other code is the caller's. */
    private static final Set<String> SERVERS_FAULTS = Set.of("service-unavailable", "internal-error");
    private static final String LONG_CONTENT = "长".repeat(20_001);

    private static KarafInstance karaf;
    private static Api api;
    private static Client client;
    private static String number;

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("soap");
        karaf.start();
        api = new Api(karaf);
        String wsdl = karaf.http(ENDPOINT + "?wsdl").toString();
        client = DynamicClientFactory.newInstance().createClient(wsdl);
        client = Soap.signIn(client, Account.YUNYAN_SYSTEM);
        client.getInFaultInterceptors().add(new KeepWireFault());
    }

    /** The fault as it came over the wire, before the client turns it into the exception it generated. */
    private static final AtomicReference<SoapFault> WIRE_FAULT = new AtomicReference<>();

    private static final class KeepWireFault extends AbstractPhaseInterceptor<Message> {
        KeepWireFault() {
            super(Phase.UNMARSHAL);
            addAfter(Soap11FaultInInterceptor.class.getName());
            addBefore(ClientFaultConverter.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            Exception fault = message.getContent(Exception.class);
            WIRE_FAULT.set(fault instanceof SoapFault soap ? soap : null);
        }
    }

    @AfterAll
    static void shutDown() throws Exception {
        if (client != null) {
            client.destroy();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @Order(1)
    void submitRegistersOncePerIdempotencyKey() throws Exception {
        Object request = submission("county-soap-1", "520103");

        Object first = call("SubmitPetition", request);
        number = (String) get(first, "registrationNumber");
        assertTrue(number.matches("520103-\\d{4}-\\d{6}"), number);
        assertEquals("REGISTERED", get(first, "status"));
        assertEquals(Boolean.FALSE, get(first, "replayed"));
        assertEquals(10, ((String) get(first, "queryCode")).length());

        Object again = call("SubmitPetition", request);
        assertEquals(number, get(again, "registrationNumber"));
        assertEquals(Boolean.TRUE, get(again, "replayed"));
        assertEquals("COUNTY_SYSTEM", Api.json(api.get("petitions/number/" + number)).get("channel").asText());
    }

    @Test
    @Order(2)
    void statusHandlingResultAndFeedbackFollowTheCase() throws Exception {
        Object status = call("GetPetitionStatus", with(newInput("GetPetitionStatus"), "registrationNumber", number));
        assertEquals("REGISTERED", get(status, "status"));
        assertEquals(Boolean.TRUE, get(status, "open"));
        assertEquals(0, get(status, "version"));

        String id = Api.json(api.get("petitions/number/" + number)).get("id").asText();
        HttpResponse<String> accepted = api.step(id, "dispose",
                Map.of("disposition", "ACCEPT", "unit", "520103-STHJJ", "reason", "主管"));
        assertEquals(200, accepted.statusCode(), accepted.body());

        Object stale = with(with(with(with(newInput("ReportHandlingResult"), "registrationNumber", number),
                "expectedVersion", 0), "actor", "520103-STHJJ"), "reply", "已责令工地夜间停工。");
        assertFault("conflict", () -> call("ReportHandlingResult", stale));

        Object replied = call("ReportHandlingResult", with(stale, "expectedVersion", 1));
        assertEquals("REPLIED", get(replied, "status"));
        Object evaluated = call("ReportFeedback", with(with(with(newInput("ReportFeedback"), "registrationNumber", number),
                "actor", "county-520103"), "satisfaction", enumValue("ReportFeedback", "satisfaction", "SATISFIED")));
        assertEquals(3, get(evaluated, "version"));

        Object after = call("GetPetitionStatus", with(newInput("GetPetitionStatus"), "registrationNumber", number));
        assertEquals("已责令工地夜间停工。", get(after, "reply"));
        assertEquals("SATISFIED", String.valueOf(get(after, "satisfaction")));
    }

    @Test
    @Order(3)
    void faultsCarryTheCodesOfTheRestApi() throws Exception {
        assertFault("not-found", () -> call("GetPetitionStatus",
                with(newInput("GetPetitionStatus"), "registrationNumber", "520103-2000-000001")));
        assertFault("invalid-petition", () -> call("SubmitPetition", submission(null, "529999")));
        Object nobodyAccused = submission(null, "520103");
        with(nobodyAccused, "type", enumValue("SubmitPetition", "type", "ACCUSATION"));
        // An accusation names whom it accuses: they are whom it is kept from (Art. 30).
        assertFault("invalid-petition", () -> call("SubmitPetition", nobodyAccused), "accused:");
        Object registered = call("SubmitPetition", submission(null, "520103"));
        assertFault("illegal-transition", () -> call("ReportFeedback", with(with(with(newInput("ReportFeedback"),
                "registrationNumber", get(registered, "registrationNumber")), "actor", "county-520103"),
                "satisfaction", enumValue("ReportFeedback", "satisfaction", "DISSATISFIED"))));
    }

    @Test
    @Order(4)
    void hostileOrOversizedXmlIsRefusedWithAFaultAndStoresNothing() throws Exception {
        long before = total();
        String body = envelope(submissionXml("520103", "正常内容"));
        HttpResponse<String> plain = post(body);
        assertEquals(200, plain.statusCode(), plain.body());
        before++;

        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + envelope(submissionXml("520103", "&x;"));
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"哈哈哈哈哈哈哈哈\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + envelope(submissionXml("520103", "&c;"));
        String huge = envelope(submissionXml("520103", "长".repeat(2_000_000)));
        // In a header, where no schema stops it first.
        String deep = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>"
                + "<x>".repeat(200) + "</x>".repeat(200) + "</soap:Header><soap:Body>"
                + submissionXml("520103", "嵌套过深") + "</soap:Body></soap:Envelope>";
        String invalid = envelope(submissionXml("5201", "管辖区划不是县级代码"));
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put(xxe, "malformed-request event DTD");
        refusals.put(laughs, "malformed-request event DTD");
        refusals.put(huge, "malformed-request limit");
        refusals.put(deep, "malformed-request Element Depth limit (32)");
        refusals.put(invalid, "invalid-petition jurisdiction: must match the pattern [0-9]{6}");
        for (Map.Entry<String, String> hostile : refusals.entrySet()) {
            HttpResponse<String> refused = post(hostile.getKey());
            String fault = refused.body().substring(0, Math.min(600, refused.body().length()));
            assertEquals(500, refused.statusCode(), fault);
            assertTrue(fault.contains("<faultstring>"), fault);
            String code = hostile.getValue().substring(0, hostile.getValue().indexOf(' '));
            String said = hostile.getValue().substring(code.length() + 1);
            assertTrue(fault.contains(said), "expected '" + said + "' in " + fault);
            assertRawFault(refused, 500, code);
            assertFalse(refused.body().contains("root:"), "no file content comes back");
            assertTrue(refused.body().length() < 2_000, "the fault repeats nothing long: " + fault);
        }
        assertEquals(before, total(), "nothing stored");
    }

    @Test
    @Order(5)
    void schemaViolationsAreClientFaultsThatNameTheFieldAndRepeatNoValue() throws Exception {
        long before = total();
        Object untitled = with(submission(null, "520103"), "title", null);
        assertEquals(List.of("title"), fields(assertFault("invalid-petition", () -> call("SubmitPetition", untitled))));

        Object malformedNumber = with(newInput("GetPetitionStatus"), "registrationNumber", "520103-26-000001");
        assertEquals(List.of("registrationNumber"), fields(assertFault("invalid-petition",
                () -> call("GetPetitionStatus", malformedNumber), "registrationNumber: must match the pattern")));

        Object tooLong = with(submission(null, "520103"), "content", LONG_CONTENT);
        Object info = assertFault("invalid-petition", () -> call("SubmitPetition", tooLong),
                "content: is longer than 20000 characters");
        assertEquals(List.of("content"), fields(info));
        SoapFault wire = WIRE_FAULT.get();
        assertFalse(wire.getMessage().contains("长长长长长"), wire.getMessage());
        assertFalse(wire.getDetail().getTextContent().contains("长长长长长"), wire.getDetail().getTextContent());
        assertEquals(before, total(), "nothing stored");

        // The schema's limit is the intake's: the longest content it takes is registered.
        Object longest = with(submission(null, "520103"), "content", "长".repeat(20_000));
        assertEquals("REGISTERED", get(call("SubmitPetition", longest), "status"));
    }

    @Test
    @Order(6)
    void theCallersRefusalsAreClientFaultsWithTheCodesOfTheRestApi() throws Exception {
        Object badCheckDigit = submission(null, "520103");
        with(((List<?>) get(badCheckDigit, "petitioner")).get(0), "residentId", "110105194912310021");
        // The service's fields are named as the contract names its elements.
        assertEquals(List.of("petitioner[0].residentId"), fields(assertFault("invalid-petition",
                () -> call("SubmitPetition", badCheckDigit), "petitioner[0].residentId: ")));

        // Yunyan's system registers Yunyan's petitions, not Nanming's.
        assertFault("forbidden", () -> call("SubmitPetition", submission(null, "520102")));
        assertFault("not-found", () -> call("GetPetitionStatus",
                with(newInput("GetPetitionStatus"), "registrationNumber", "520103-2001-000009")));

        // Of another matter than the petitions before it, so that it is registered to be disposed (Art. 19).
        Object registered = call("SubmitPetition", with(with(submission(null, "520103"), "category",
                enumValue("SubmitPetition", "category", "HEALTH")), "title", "卫生院收费"));
        assertEquals("REGISTERED", get(registered, "status"));
        String registeredNumber = (String) get(registered, "registrationNumber");
        String id = Api.json(api.get("petitions/number/" + registeredNumber)).get("id").asText();
        HttpResponse<String> accepted = api.post("petitions/" + id + "/dispose",
                Map.of("disposition", "ACCEPT", "unit", "520103-STHJJ", "reason", "主管"), "If-Match", "\"0\"");
        assertEquals(200, accepted.statusCode(), accepted.body());
        Object stale = with(with(with(with(newInput("ReportHandlingResult"), "registrationNumber", registeredNumber),
                "expectedVersion", 0), "actor", "520103-STHJJ"), "reply", "已处理。");
        assertFault("conflict", () -> call("ReportHandlingResult", stale));

        call("SubmitPetition", submission("county-soap-reused", "520103"));
        Object another = with(submission("county-soap-reused", "520103"), "title", "另一件事");
        assertFault("idempotency-key-reused", () -> call("SubmitPetition", another));
    }

    @Test
    @Order(7)
    void aWrongPasswordIsAnsweredWith401AndTheChallengeOfTheRestApi() throws Exception {
        HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(karaf.http("/api/v1/petitions"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, rest.statusCode(), rest.body());
        String challenge = rest.headers().firstValue("WWW-Authenticate").orElseThrow();

        String wrong = "Basic " + Base64.getEncoder().encodeToString((Account.YUNYAN_SYSTEM.user() + ":not-the-password")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = post(envelope(submissionXml("520103", "密码错误")).getBytes(StandardCharsets.UTF_8),
                "text/xml; charset=utf-8", wrong);
        assertRawFault(refused, 401, "unauthorized");
        assertEquals(challenge, refused.headers().firstValue("WWW-Authenticate").orElse(null));

        // The client built from the WSDL is told so, not handed a fault to retry.
        Soap.signIn(client, Account.YUNYAN_SYSTEM.user(), "not-the-password");
        try {
            Exception failed = assertThrows(Exception.class, () -> call("GetPetitionStatus",
                    with(newInput("GetPetitionStatus"), "registrationNumber", number)));
            StringBuilder causes = new StringBuilder();
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                causes.append(cause).append('\n');
            }
            assertTrue(causes.toString().contains("401"), causes.toString());
        } finally {
            Soap.signIn(client, Account.YUNYAN_SYSTEM);
        }
    }

    @Test
    @Order(8)
    void anEnvelopeHasOneBodyOfOneRequestAndIsReadInItsEncoding() throws Exception {
        long before = total();
        String twoBodies = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + submissionXml("520103", "第一") + "</soap:Body><soap:Body>" + submissionXml("520103", "第二")
                + "</soap:Body></soap:Envelope>";
        assertRawFault(post(twoBodies), 500, "malformed-request");
        assertRawFault(post(envelope(submissionXml("520103", "第一") + submissionXml("520103", "第二"))), 500,
                "malformed-request");
        assertEquals(before, total(), "nothing stored");

        String utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + envelope(submissionXml("520103", "以UTF-16发送"));
        for (String contentType : List.of("text/xml; charset=utf-16", "text/xml; charset=utf-8", "text/xml")) {
            HttpResponse<String> read = post(utf16.getBytes(StandardCharsets.UTF_16), contentType,
                    Account.OPERATOR.authorization());
            assertEquals(200, read.statusCode(), contentType + ": " + read.body());
            assertTrue(read.body().contains("registrationNumber"), read.body());
        }
        assertEquals(before + 3, total());
    }

    @Test
    @Order(9)
    void aSignInThrottledAfterFailuresIsAnswered429WithRetryAfter() throws Exception {
        // An account that signs in nowhere else in this class: its failures hold back no other test.
        String guess = "Basic " + Base64.getEncoder().encodeToString((Account.AUDITOR.user() + ":a-guess")
                .getBytes(StandardCharsets.UTF_8));
        byte[] envelope = envelope(submissionXml("520103", "猜密码")).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = post(envelope, "text/xml; charset=utf-8", guess);
        for (int tries = 1; answer.statusCode() != 429 && tries < 10; tries++) {
            assertRawFault(answer, 401, "unauthorized");
            answer = post(envelope, "text/xml; charset=utf-8", guess);
        }
        assertRawFault(answer, 429, "too-many-requests");
        long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1, "Retry-After: " + retryAfter);
    }

    private static long total() throws Exception {
        return Api.json(api.get("petitions?jurisdiction=520103&size=1")).get("total").asLong();
    }

    private static HttpResponse<String> post(String envelope) throws Exception {
        return post(envelope.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8", Account.OPERATOR.authorization());
    }

    private static HttpResponse<String> post(byte[] envelope, String contentType, String authorization) throws Exception {
        String operation = new String(envelope, StandardCharsets.ISO_8859_1).contains("GetPetitionStatusRequest")
                ? "GetPetitionStatus" : "SubmitPetition";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(karaf.http(ENDPOINT))
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .header("SOAPAction", "\"" + NS + ":" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A fault as any SOAP client reads it off the wire: its status, faultcode, faultstring and PetitionFault detail. */
    private static void assertRawFault(HttpResponse<String> answer, int status, String code) throws Exception {
        String body = answer.body();
        assertEquals(status, answer.statusCode(), body);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document fault = factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
        String faultCode = fault.getElementsByTagName("faultcode").item(0).getTextContent();
        assertEquals(SERVERS_FAULTS.contains(code) ? "Server" : "Client",
                faultCode.substring(faultCode.indexOf(':') + 1), body);
        assertTrue(fault.getElementsByTagName("faultstring").item(0).getTextContent().startsWith(code + ": "), body);
        Node detail = fault.getElementsByTagNameNS(NS, "PetitionFault").item(0);
        assertNotNull(detail, "a PetitionFault detail in " + body);
        assertEquals(code, ((Element) detail).getElementsByTagNameNS(NS, "code").item(0).getTextContent(), body);
    }

    private static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + body
                + "</soap:Body></soap:Envelope>";
    }

    private static String submissionXml(String county, String content) {
        return "<tns:SubmitPetitionRequest xmlns:tns=\"" + NS + "\"><tns:type>APPEAL</tns:type>"
                + "<tns:category>ENVIRONMENT</tns:category><tns:title>噪音扰民</tns:title><tns:content>" + content
                + "</tns:content><tns:jurisdiction>" + county + "</tns:jurisdiction><tns:petitioner><tns:name>张三</tns:name>"
                + "<tns:residentId>" + Petitions.ZHANG_ID + "</tns:residentId></tns:petitioner></tns:SubmitPetitionRequest>";
    }

    private static Object submission(String key, String county) throws Exception {
        Object request = newInput("SubmitPetition");
        if (key != null) {
            with(request, "idempotencyKey", key);
        }
        with(request, "type", enumValue("SubmitPetition", "type", "APPEAL"));
        with(request, "category", enumValue("SubmitPetition", "category", "ENVIRONMENT"));
        with(request, "title", "工地夜间施工噪音");
        with(request, "content", "工地每晚施工到凌晨，噪音扰民。");
        with(request, "jurisdiction", county);
        Class<?> petitionerType = request.getClass().getMethod("getPetitioner").getReturnType();
        Object petitioner = Class.forName(request.getClass().getPackageName() + ".Petitioner", true,
                request.getClass().getClassLoader()).getConstructor().newInstance();
        with(petitioner, "name", "张三");
        with(petitioner, "residentId", Petitions.ZHANG_ID);
        @SuppressWarnings("unchecked")
        List<Object> petitioners = (List<Object>) request.getClass().getMethod("getPetitioner").invoke(request);
        assertEquals(List.class, petitionerType);
        petitioners.add(petitioner);
        return request;
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static Object assertFault(String code, Call call) throws Exception {
        return assertFault(code, call, "");
    }

    /**
     * The fault the client built from the WSDL sees: the exception it generated for
     * {@code PetitionFault}, whose detail has the code, its string beginning with the code, and
     * {@code soap:Client} on the wire unless the platform failed.
     *
     * @param containing what the fault's message must also say
     * @return the fault's detail, as the client's generated class
     */
    private static Object assertFault(String code, Call call, String containing) throws Exception {
        WIRE_FAULT.set(null);
        Exception fault = assertThrows(Exception.class, call::run);
        assertTrue(fault.getClass().getSimpleName().startsWith("PetitionFault"), fault.toString());
        assertTrue(String.valueOf(fault.getMessage()).startsWith(code + ":"), fault.toString());
        assertTrue(String.valueOf(fault.getMessage()).contains(containing), fault.toString());
        Object info = fault.getClass().getMethod("getFaultInfo").invoke(fault);
        assertEquals(code, get(info, "code"), fault.toString());
        SoapFault wire = WIRE_FAULT.get();
        assertNotNull(wire, "the fault on the wire");
        assertEquals(SERVERS_FAULTS.contains(code) ? "Server" : "Client", wire.getFaultCode().getLocalPart(),
                fault.toString());
        return info;
    }

    /** The fields a fault names, in its order. */
    private static List<Object> fields(Object info) throws Exception {
        List<Object> fields = new java.util.ArrayList<>();
        for (Object violation : (List<?>) get(info, "violation")) {
            fields.add(get(violation, "field"));
        }
        return fields;
    }

    private static Object call(String operation, Object input) throws Exception {
        return client.invoke(operation, input)[0];
    }

    private static BindingOperationInfo operation(String name) {
        return client.getEndpoint().getEndpointInfo().getBinding().getOperation(new QName(NS, name));
    }

    /** The class XJC generated for the operation's input element, in the package it derives from the namespace. */
    private static Object newInput(String operation) throws Exception {
        QName element = operation(operation).getInput().getMessageParts().get(0).getElementQName();
        String type = XJC.getDefaultPackageName(element.getNamespaceURI()) + "." + element.getLocalPart();
        return Class.forName(type, true, Thread.currentThread().getContextClassLoader()).getConstructor().newInstance();
    }

    /** XJC turns the schema's enumerations into Java enums; take the constant by name. */
    private static Object enumValue(String operation, String property, String name) throws Exception {
        Class<?> type = setter(newInput(operation), property).getParameterTypes()[0];
        if (!type.isEnum()) {
            return name;
        }
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new AssertionError(name + " is not a constant of " + type);
    }

    private static Object with(Object bean, String property, Object value) throws Exception {
        setter(bean, property).invoke(bean, value);
        return bean;
    }

    private static Method setter(Object bean, String property) {
        String name = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : bean.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1) {
                return method;
            }
        }
        throw new AssertionError("no " + name + " on " + bean.getClass());
    }

    private static Object get(Object bean, String property) throws Exception {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String prefix : List.of("get", "is")) {
            try {
                return bean.getClass().getMethod(prefix + suffix).invoke(bean);
            } catch (NoSuchMethodException e) {
                // try the next prefix
            }
        }
        throw new AssertionError("no " + property + " on " + bean.getClass());
    }
}
