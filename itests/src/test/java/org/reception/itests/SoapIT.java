package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import com.sun.tools.xjc.api.XJC;

import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.dynamic.DynamicClientFactory;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A county system's SOAP client, generated at run time from the WSDL the platform serves and
 * nothing else, calls every operation; hostile XML is refused with a fault and stores nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SoapIT {

    private static final String NS = "urn:reception:petitions:v1";
    private static final String ENDPOINT = "/api/soap/petitions";

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
        HttpResponse<String> accepted = api.post("petitions/" + id + "/dispose",
                Map.of("disposition", "ACCEPT", "unit", "520103-STHJJ", "reason", "主管"), "If-Match", "\"0\"");
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
        refusals.put(xxe, "event DTD");
        refusals.put(laughs, "event DTD");
        refusals.put(huge, "limit");
        refusals.put(deep, "Element Depth limit (32)");
        refusals.put(invalid, "cvc-pattern-valid");
        for (Map.Entry<String, String> hostile : refusals.entrySet()) {
            HttpResponse<String> refused = post(hostile.getKey());
            String fault = refused.body().substring(0, Math.min(600, refused.body().length()));
            assertEquals(500, refused.statusCode(), fault);
            assertTrue(fault.contains("<faultstring>"), fault);
            assertTrue(fault.contains(hostile.getValue()), "expected '" + hostile.getValue() + "' in " + fault);
            assertFalse(refused.body().contains("root:"), "no file content comes back");
        }
        assertEquals(before, total(), "nothing stored");
    }

    private static long total() throws Exception {
        return Api.json(api.get("petitions?jurisdiction=520103&size=1")).get("total").asLong();
    }

    private static HttpResponse<String> post(String envelope) throws Exception {
        String operation = envelope.contains("GetPetitionStatusRequest") ? "GetPetitionStatus" : "SubmitPetition";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(karaf.http(ENDPOINT))
                .header("Authorization", Account.OPERATOR.authorization())
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + NS + ":" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
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

    private static void assertFault(String code, Call call) {
        assertFault(code, call, "");
    }

    /** @param containing what the fault's message must also say */
    private static void assertFault(String code, Call call, String containing) {
        Exception fault = assertThrows(Exception.class, call::run);
        assertTrue(String.valueOf(fault.getMessage()).startsWith(code + ":"), fault.toString());
        assertTrue(String.valueOf(fault.getMessage()).contains(containing), fault.toString());
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
