package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Document;

/**
 * What county systems and third-party clients meet: retries with an idempotency key, and the
 * Open311 GeoReport v2 face, its JSON answers validated against the GeoReport v2 JSON schemas.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CountyIntegrationIT {

    private static final String OPEN311 = "/api/open311/v2/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private static KarafInstance karaf;
    private static Api api;
    private static String filed;

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("county-integration");
        karaf.start();
        api = new Api(karaf);
    }

    @AfterAll
    static void shutDown() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @Order(1)
    void aRetriedRegistrationWithItsIdempotencyKeyGivesOnePetitionEvenWhenRetriesRace() throws Exception {
        Map<String, Object> petition = Petitions.petition("EDUCATION", "幼儿园收费问题 重试", "收费过高。", "520102");
        ExecutorService retries = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(retries.submit(() -> api.post("petitions", petition, "Idempotency-Key", "county-520102-42")));
        }
        Set<String> ids = new HashSet<>();
        Set<String> codes = new HashSet<>();
        int replayed = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertEquals(201, response.statusCode(), response.body());
            JsonNode body = Api.json(response);
            ids.add(body.get("id").asText());
            codes.add(body.at("/receipt/queryCode").asText());
            replayed += response.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
        }
        retries.shutdown();

        assertEquals(1, ids.size(), "one petition: " + ids);
        assertEquals(1, codes.size(), "every answer carries the receipt of the first");
        assertEquals(5, replayed);
        JsonNode listed = Api.json(api.get("petitions?q=%E9%87%8D%E8%AF%95&size=200"));
        assertEquals(1, listed.get("total").asInt(), listed.toString());

        Map<String, Object> other = Petitions.petition("EDUCATION", "另一件事", "不同的内容。", "520102");
        HttpResponse<String> reused = api.post("petitions", other, "Idempotency-Key", "county-520102-42");
        assertEquals(422, reused.statusCode(), reused.body());
        assertEquals("urn:reception:problem:idempotency-key-reused", Api.json(reused).get("type").asText());
        HttpResponse<String> badKey = api.post("petitions", other, "Idempotency-Key", "has spaces in it");
        assertEquals(400, badKey.statusCode(), badKey.body());
        assertEquals(1, Api.json(api.get("petitions?q=%E9%87%8D%E8%AF%95&size=200")).get("total").asInt());
    }

    @Test
    @Order(2)
    void open311ServicesAndTheirDefinitionsFollowTheSchemas() throws Exception {
        JsonNode services = open311Json("services.json", 200);
        assertValid("services.json", services);
        assertEquals(13, services.size(), "a service per category");
        assertEquals("environment", services.get(4).get("service_code").asText());

        assertValid("service-definition.json", open311Json("services/environment.json", 200));
        Document xml = open311Xml("services.xml");
        assertEquals("services", xml.getDocumentElement().getTagName());
        assertEquals(13, xml.getElementsByTagName("service").getLength());
        assertEquals("service_definition", open311Xml("services/environment.xml").getDocumentElement().getTagName());

        JsonNode wrong = Petitions.JSON.readTree("[{\"service_request_id\": \"1\", \"status\": \"pending\","
                + " \"service_code\": \"x\", \"requested_datetime\": \"2026-03-02T09:30:00+08:00\"}]");
        assertFalse(SCHEMAS.getSchema(SchemaLocation.of("classpath:open311/requests.json")).validate(wrong).isEmpty(),
                "the schemas do reject what breaks them");

        JsonNode unknown = open311Json("services/nothing.json", 404);
        assertEquals(404, unknown.get(0).get("code").asInt());
    }

    @Test
    @Order(3)
    void anOpen311ClientFilesAPetitionAndFollowsIt() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jurisdiction_id", "520103");
        form.put("service_code", "environment");
        form.put("description", "小区旁工地夜间施工，噪音扰民，多次反映无果。");
        form.put("first_name", "三");
        form.put("last_name", "张");
        form.put("phone", "13800000000");
        form.put("attribute[resident_id]", Petitions.ZHANG_ID);
        HttpResponse<String> created = api.postForm(OPEN311 + "requests.json", form);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode answer = Api.json(created).get(0);
        filed = answer.get("service_request_id").asText();
        assertTrue(filed.matches("520103-\\d{4}-\\d{6}"), filed);
        assertTrue(answer.get("service_notice").asText().contains("查询码"));

        JsonNode one = open311Json("requests/" + filed + ".json", 200);
        assertValid("requests.json", one);
        assertEquals("open", one.get(0).get("status").asText());
        assertEquals("environment", one.get(0).get("service_code").asText());
        assertTrue(one.get(0).get("description").isNull(), "the text is not public");
        assertFalse(one.toString().contains("张"), "no name on the public face");

        JsonNode open = open311Json("requests.json?status=open&service_code=environment", 200);
        assertValid("requests.json", open);
        assertTrue(open.toString().contains(filed));
        assertValid("requests.json", open311Json("requests.json?service_request_id=" + filed + ",520103-2000-000001", 200));
        assertEquals(0, open311Json("requests.json?status=closed", 200).size());
        JsonNode token = open311Json("tokens/" + answer.get("token").asText() + ".json", 200);
        assertEquals(filed, token.get(0).get("service_request_id").asText());
        assertEquals("service_requests", open311Xml("requests/" + filed + ".xml").getDocumentElement().getTagName());
        assertEquals(1, open311Xml("requests.xml?service_request_id=" + filed).getElementsByTagName("request")
                .getLength());

        // GeoReport v2 as the spec says: W3C times with seconds, names of agencies, several values per filter.
        JsonNode request = one.get(0);
        String w3c = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d";
        assertTrue(request.get("requested_datetime").asText().matches(w3c), request.toString());
        assertTrue(request.get("expected_datetime").asText().matches(w3c), request.toString());
        assertTrue(request.get("updated_datetime").asText().matches(w3c), request.toString());
        assertEquals("云岩区生态环境局", request.get("agency_responsible").asText(), "the unit's name, not its code");
        String id = Api.json(api.get("petitions/number/" + filed)).get("id").asText();
        HttpResponse<String> transferred = api.step(id, "dispose", Map.of("disposition", "TRANSFER",
                "unit", "520103-ZJJ", "reason", "属地管理"));
        assertEquals(200, transferred.statusCode(), transferred.body());
        JsonNode afterStep = open311Json("requests/" + filed + ".json", 200);
        assertValid("requests.json", afterStep);
        assertEquals("云岩区住房和城乡建设局", afterStep.get(0).get("agency_responsible").asText());
        assertFalse(java.time.OffsetDateTime.parse(afterStep.get(0).get("updated_datetime").asText())
                .isBefore(java.time.OffsetDateTime.parse(request.get("requested_datetime").asText())));
        JsonNode listed = open311Json("requests.json?status=open,closed&service_code=environment,health", 200);
        assertValid("requests.json", listed);
        assertTrue(listed.toString().contains(filed), listed.toString());
        for (JsonNode item : listed) {
            assertFalse(item.get("agency_responsible").asText().matches("\\d+-[A-Z0-9]+"), item.toString());
        }

        // A county system's account files for its county's system, as over SOAP.
        form.put("description", "小区垃圾清运不及时，堆放多日无人处理。");
        HttpResponse<String> bySystem = api.as(Account.YUNYAN_SYSTEM).postForm(OPEN311 + "requests.json", form);
        assertEquals(201, bySystem.statusCode(), bySystem.body());
        String systemsNumber = Api.json(bySystem).get(0).get("service_request_id").asText();
        assertEquals("COUNTY_SYSTEM", Api.json(api.get("petitions/number/" + systemsNumber)).get("channel").asText());
    }

    @Test
    @Order(4)
    void anOpen311RequestWithoutWhatThePlatformNeedsIsRefusedAndNothingIsStored() throws Exception {
        long before = Api.json(api.get("petitions?jurisdiction=520103&size=1")).get("total").asLong();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jurisdiction_id", "520103");
        form.put("service_code", "environment");
        form.put("description", "没有身份证号。");
        HttpResponse<String> refused = api.postForm(OPEN311 + "requests.json", form);
        assertEquals(400, refused.statusCode(), refused.body());
        JsonNode error = Api.json(refused).get(0);
        assertEquals(400, error.get("code").asInt());
        assertTrue(error.get("description").asText().contains("residentId"), error.toString());

        form.put("service_code", "no-such-service");
        assertEquals(400, api.postForm(OPEN311 + "requests.json", form).statusCode());
        form.put("service_code", "environment");
        form.put("attribute[petition_type]", "ACCUSATION");
        form.put("attribute[resident_id]", Petitions.ZHANG_ID);
        assertEquals(400, api.postForm(OPEN311 + "requests.json", form).statusCode(), "no accusations on Open311");
        assertEquals(before, Api.json(api.get("petitions?jurisdiction=520103&size=1")).get("total").asLong());
    }

    @Test
    @Order(5)
    void accusationsNeverShowOnTheOpen311Face() throws Exception {
        Map<String, Object> accusation = Petitions.petition("ENVIRONMENT", "举报排污企业", "某厂偷排。", "520103");
        accusation.put("type", "ACCUSATION");
        accusation.put("accused", List.of("某化工厂"));
        String number = Api.json(api.post("petitions", accusation)).get("registrationNumber").asText();

        open311Json("requests/" + number + ".json", 404);
        JsonNode all = open311Json("requests.json", 200);
        assertValid("requests.json", all);
        assertTrue(all.toString().contains(filed));
        assertFalse(all.toString().contains(number), "the accusation is not listed");
        assertEquals(0, open311Json("requests.json?service_request_id=" + number, 200).size());
    }

    @Test
    @Order(6)
    void theServedOpenApiDocumentDescribesTheRunningApi() throws Exception {
        HttpResponse<String> served = api.get("openapi.json");
        assertEquals(200, served.statusCode());
        JsonNode document = Api.json(served);
        assertTrue(document.get("openapi").asText().startsWith("3."));
        JsonNode paths = document.get("paths");
        assertTrue(paths.size() >= 30, paths.size() + " paths");
        List<String> answeredWrongly = new ArrayList<>();
        for (java.util.Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            if (paths.get(path).has("get") && !path.contains("{")) {
                int status = api.get(path.substring(1)).statusCode();
                if (status == 404 || status == 405) {
                    answeredWrongly.add(path + " " + status);
                }
            }
        }
        assertEquals(List.of(), answeredWrongly, "documented GET paths the API does not serve");
        assertEquals(404, api.get("no-such-path").statusCode(), "and an undocumented one is not served");
    }

    private static JsonNode open311Json(String path, int status) throws Exception {
        HttpResponse<String> answer = api.getAt(OPEN311 + path);
        assertEquals(status, answer.statusCode(), path + ": " + answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Api.json(answer);
    }

    private static Document open311Xml(String path) throws Exception {
        HttpResponse<String> answer = api.getAt(OPEN311 + path);
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertValid(String schema, JsonNode document) {
        JsonSchema validator = SCHEMAS.getSchema(SchemaLocation.of("classpath:open311/" + schema));
        Set<ValidationMessage> errors = validator.validate(document);
        assertEquals(Set.of(), errors, schema + " against " + document);
    }
}
