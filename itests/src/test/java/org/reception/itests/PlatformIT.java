package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The walking skeleton, end to end, against the real distribution: HTTP in, Drools and Derby behind. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PROBLEM_JSON = Api.PROBLEM_JSON;
    /** The rule module's version as OSGi spells the project's version: 0.1.0-SNAPSHOT is 0.1.0.SNAPSHOT. */
    private static final String MODULE_VERSION = System.getProperty("reception.version").replace('-', '.');

    private static KarafInstance karaf;
    /** Every petition the platform accepted during this class, by id, as it answered. */
    private static final Map<String, JsonNode> ACCEPTED = new LinkedHashMap<>();

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("platform");
        karaf.start();
    }

    @AfterAll
    static void shutDown() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @Order(1)
    void healthIsUpWithTheStoreAndTheRules() throws Exception {
        HttpResponse<String> response = get("health");

        assertEquals(200, response.statusCode());
        JsonNode health = JSON.readTree(response.body());
        assertEquals("UP", health.get("status").asText());
        assertTrue(health.at("/checks/store/up").asBoolean());
        assertTrue(health.at("/checks/rules/up").asBoolean());
        assertTrue(health.at("/checks/rules/detail").asText().contains("province-base"));
    }

    @Test
    @Order(2)
    void aPostedPetitionReadsBackWithTheSameContentAndItsRoutingDecision() throws Exception {
        String title = "南明河支流黑臭";
        String content = "小区旁的河道长期发黑发臭，夏季尤甚，请求查处排污并治理。";
        HttpResponse<String> created = post(petition("ENVIRONMENT", title, content, "520102"));

        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = petitionOf(created);
        String id = body.get("id").asText();
        assertEquals(karaf.api("petitions/" + id).toString(), created.headers().firstValue("Location").orElseThrow());
        assertTrue(body.get("registrationNumber").asText().matches("520102-\\d{4}-\\d{6}"));
        assertEquals("REGISTERED", body.get("status").asText());
        assertEquals("520102-STHJJ", body.at("/routing/unitCode").asText());
        assertEquals("TRANSFER", body.at("/routing/disposition").asText());
        assertEquals("province-base", body.at("/routing/provenance/moduleId").asText());
        assertEquals(MODULE_VERSION, body.at("/routing/provenance/moduleVersion").asText());
        assertEquals("Local matters go to the competent department of the county (Art. 22)",
                body.at("/routing/provenance/rulesFired/0").asText());
        ACCEPTED.put(id, body);

        HttpResponse<String> read = get("petitions/" + id);

        assertEquals(200, read.statusCode());
        JsonNode stored = JSON.readTree(read.body());
        assertEquals(body, stored);
        assertEquals(title, stored.get("title").asText());
        assertEquals(content, stored.get("content").asText());
        assertEquals("ONLINE", stored.get("channel").asText());
        assertEquals("520102", stored.get("jurisdiction").asText());
        assertEquals("***002X", stored.at("/petitioners/0/residentId").asText(), "identity numbers are masked");
        assertEquals("***0000", stored.at("/petitioners/0/phone").asText(), "phones are masked");
        assertFalse(read.body().contains(Petitions.ZHANG_ID));

        Map<String, Object> confidential = Petitions.petition("PUBLIC_SECURITY", "举报", "举报某人", "520102");
        confidential.put("confidential", true);
        JsonNode hidden = JSON.readTree(post(Petitions.json(confidential)).body());
        assertEquals("***", hidden.at("/petitioners/0/name").asText(), "a confidential petitioner's name is masked");
        assertEquals("***", hidden.at("/petitioners/0/address").asText());
        ACCEPTED.put(hidden.get("id").asText(), petitionOf(hidden));
    }

    /**
     * An accusation goes where what it accuses is supervised (Art. 22, 30, 31): an enterprise's
     * pollution to the environment bureau, an official's conduct to the discipline organ; never
     * redirected out of the petition channel, and kept from the accused.
     */
    @Test
    @Order(3)
    void anAccusationIsTransferredToTheOrganCompetentForWhatItAccuses() throws Exception {
        Map<String, Object> pollution = Petitions.petition("ENVIRONMENT", "举报化工厂夜间偷排", "某化工有限公司夜间向河道偷排污水。",
                "520102");
        pollution.put("type", "ACCUSATION");
        pollution.put("accused", List.of("某化工有限公司"));
        JsonNode enterprise = JSON.readTree(post(Petitions.json(pollution)).body());
        assertEquals("TRANSFER", enterprise.at("/routing/disposition").asText(), enterprise.toString());
        assertEquals("520102-STHJJ", enterprise.at("/routing/unitCode").asText());
        assertTrue(enterprise.at("/confidentiality/hiddenFrom").toString().contains("某化工有限公司"), enterprise.toString());
        ACCEPTED.put(enterprise.get("id").asText(), petitionOf(enterprise));

        Map<String, Object> bribe = Petitions.petition("LAND_RESOURCES", "举报干部受贿", "国土所干部收受开发商财物。", "520102");
        bribe.put("type", "ACCUSATION");
        bribe.put("accused", List.of("某镇国土所干部李某"));
        JsonNode official = JSON.readTree(post(Petitions.json(bribe)).body());
        assertEquals("TRANSFER", official.at("/routing/disposition").asText());
        assertEquals("520102-JJJCW", official.at("/routing/unitCode").asText());
        ACCEPTED.put(official.get("id").asText(), petitionOf(official));
    }

    @Test
    @Order(3)
    void anUnknownPetitionIsA404Problem() throws Exception {
        HttpResponse<String> response = get("petitions/00000000-0000-0000-0000-000000000000");

        assertEquals(404, response.statusCode());
        assertEquals(PROBLEM_JSON, response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("urn:reception:problem:not-found", JSON.readTree(response.body()).get("type").asText());
    }

    @Test
    @Order(4)
    void badInputGetsA400ProblemAndStoresNothing() throws Exception {
        Map<String, String> badBodies = new LinkedHashMap<>();
        badBodies.put("malformed JSON", "{\"channel\": \"ONLINE\", ");
        badBodies.put("not an object", "[1, 2, 3]");
        badBodies.put("empty body", "");
        badBodies.put("unknown channel", petition("ENVIRONMENT", "t", "c", "520102").replace("ONLINE", "PIGEON"));
        badBodies.put("unknown field", petition("ENVIRONMENT", "t", "c", "520102").replace("{", "{\"secret\": 1, "));
        badBodies.put("wrong type", petition("ENVIRONMENT", "t", "c", "520102").replace("\"t\"", "[\"t\"]"));
        badBodies.put("missing fields", "{\"title\": \"标题\"}");
        badBodies.put("unknown county", petition("HEALTH", "t", "c", "529999"));
        badBodies.put("county of another province", petition("HEALTH", "t", "c", "110101"));
        badBodies.put("title too long", petition("HEALTH", "长".repeat(201), "c", "520102"));
        badBodies.put("trailing garbage", petition("HEALTH", "t", "c", "520102") + " {}");
        badBodies.put("wrong check digit", petition("HEALTH", "t", "c", "520102").replace("11010519491231002X", "110105194912310021"));
        badBodies.put("no petitioner", petition("HEALTH", "t", "c", "520102").replaceAll("\\[\\{.*\\}\\]", "[]"));
        Map<String, Object> visitOfSix = Petitions.withPetitioners(Petitions.petition("LAND_RESOURCES", "征地补偿",
                "补偿标准过低", "520102"), Petitions.group(6, 0));
        visitOfSix.put("channel", "VISIT");
        badBodies.put("visit of six without representatives", Petitions.json(visitOfSix));
        for (String receivedAt : List.of("12345", "\"0001-06-01T00:00:00Z\"", "\"-0001-06-01T00:00:00Z\"",
                "-999999999999", "\"1999-12-31T23:59:59Z\"")) {
            badBodies.put("received at " + receivedAt, petition("HEALTH", "t", "c", "520102")
                    .replace("{", "{\"receivedAt\": " + receivedAt + ", "));
        }

        for (Map.Entry<String, String> bad : badBodies.entrySet()) {
            HttpResponse<String> response = post(bad.getValue());
            assertEquals(400, response.statusCode(), bad.getKey() + ": " + response.body());
            assertEquals(PROBLEM_JSON, response.headers().firstValue("Content-Type").orElseThrow(), bad.getKey());
            JsonNode problem = JSON.readTree(response.body());
            assertTrue(problem.get("type").asText().startsWith("urn:reception:problem:"), bad.getKey());
            assertFalse(problem.get("detail").asText().isBlank(), bad.getKey());
        }
        HttpResponse<String> notJson = HTTP.send(HttpRequest.newBuilder(karaf.api("petitions"))
                .header("Authorization", Account.OPERATOR.authorization()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, notJson.statusCode());
        assertEquals(PROBLEM_JSON, notJson.headers().firstValue("Content-Type").orElseThrow());

        byte[] huge = petition("HEALTH", "t", "长".repeat(700_000), "520102").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = post(new String(huge, StandardCharsets.UTF_8));
        assertEquals(413, declared.statusCode());
        assertEquals(PROBLEM_JSON, declared.headers().firstValue("Content-Type").orElseThrow());
        // Padded with blanks, which no JSON limit counts: only the body's size refuses it.
        byte[] padded = ("{" + " ".repeat(1_100_000) + petition("HEALTH", "t", "c", "520102").substring(1))
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(karaf.api("petitions"))
                .header("Authorization", Account.OPERATOR.authorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), "a chunked body without Content-Length is counted as it is read");

        karaf.stop();
        assertEquals(ACCEPTED.keySet(), storedPetitionIds(), "only the accepted petitions are in the database");
        karaf.start();
    }

    @Test
    @Order(5)
    void petitionsSurviveARestart() throws Exception {
        HttpResponse<String> created = post(petition("LABOUR_SOCIAL_SECURITY", "拖欠工资", "某建筑工地拖欠农民工工资三个月。", "520302"));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = petitionOf(created);
        ACCEPTED.put(body.get("id").asText(), body);

        karaf.stop();
        Duration restart = karaf.start();

        for (Map.Entry<String, JsonNode> petition : ACCEPTED.entrySet()) {
            HttpResponse<String> read = get("petitions/" + petition.getKey());
            assertEquals(200, read.statusCode(), "after a restart of " + restart);
            assertEquals(petition.getValue(), JSON.readTree(read.body()));
        }
    }

    @Test
    @Order(6)
    void aRuleModuleDroppedIntoDeployDecidesForItsCountyOnlyUntilItIsRemoved() throws Exception {
        Path module = karaf.home().resolve("deploy/yunyan-health.jar");
        RuleModuleJars.write(module, "yunyan-health", "1.0.0", "520103", """
                package org.reception.rules.yunyan
                import org.reception.cases.Category
                import org.reception.rules.PetitionFact
                import org.reception.rules.Routing
                rule "Health in Yunyan to the district health bureau"
                when
                    PetitionFact( category == Category.HEALTH )
                then
                    insert( new Routing( "520103-YLJFTJ", "云岩区医疗纠纷人民调解委员会", "属地管理" ) );
                end
                """);

        JsonNode inYunyan = awaitRouting("520103", "520103-YLJFTJ");
        assertTrue(karaf.shell("rules:list").contains("yunyan-health"), "the shell lists the new module");
        JsonNode modules = JSON.readTree(get("rules/modules").body());
        assertEquals("52", modules.get(0).get("jurisdiction").asText());
        assertEquals("province-base", modules.get(0).get("id").asText());
        assertEquals("520103", modules.get(1).get("jurisdiction").asText());
        assertEquals("yunyan-health", modules.get(1).get("id").asText());
        assertEquals("yunyan-health", inYunyan.at("/provenance/moduleId").asText());
        assertEquals("1.0.0", inYunyan.at("/provenance/moduleVersion").asText());
        assertEquals("520102-WJJ", routingOf(registerHealthPetition("520102")).at("/unitCode").asText(),
                "a neighbouring county keeps the province's routing");

        Files.delete(module);

        assertEquals("province-base", awaitRouting("520103", "520103-WJJ").at("/provenance/moduleId").asText());
    }

    /** Registers health petitions in the county until one is routed to the unit; fails after 30 s. */
    private static JsonNode awaitRouting(String county, String unitCode) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode routing;
        do {
            routing = routingOf(registerHealthPetition(county));
            if (unitCode.equals(routing.at("/unitCode").asText())) {
                return routing;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("petitions of " + county + " still routed as " + routing + " after 30 s");
    }

    private static JsonNode registerHealthPetition(String county) throws Exception {
        HttpResponse<String> created = post(petition("HEALTH", "医疗纠纷", "手术后并发症，医院拒绝说明情况。", county));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = petitionOf(created);
        ACCEPTED.put(body.get("id").asText(), body);
        return body;
    }

    /** The petition of a registration's answer, without the receipt and duplicates that come with it once. */
    private static JsonNode petitionOf(HttpResponse<String> created) throws IOException {
        return petitionOf(JSON.readTree(created.body()));
    }

    private static JsonNode petitionOf(JsonNode registration) {
        ObjectNode body = (ObjectNode) registration.deepCopy();
        assertTrue(body.has("receipt"));
        body.remove(List.of("receipt", "possibleDuplicates"));
        return body;
    }

    private static JsonNode routingOf(JsonNode petition) {
        return petition.get("routing");
    }

    @Test
    @Order(7)
    void onlyTheIntendedFeaturesAreInstalled() throws Exception {
        String listing = karaf.shell("feature:list -i --no-format");
        Set<String> installed = Arrays.stream(listing.split("\\R"))
                .map(line -> line.split("\\s+")[0].trim())
                .filter(name -> !name.isEmpty() && !name.equals("Name"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(InstalledFeatures.INTENDED, installed, "installed features:\n" + listing);
    }

    @Test
    @Order(8)
    void theLogHasNoError() throws IOException {
        assertEquals(List.of(), karaf.loggedErrors());
    }

    /**
     * The distribution serves HTTPS with the certificate it made at its first start, tells browsers
     * to keep to it (HSTS, on HTTPS only), and plain HTTP goes away when configured off.
     */
    @Test
    @Order(9)
    void httpsWithTheCertificateMadeAtFirstStartAndPlainHttpOffWhenConfigured() throws Exception {
        HttpClient https = karaf.httpsClient();
        HttpResponse<String> secure = https.send(HttpRequest.newBuilder(karaf.https("/api/v1/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, secure.statusCode(), secure.body());
        assertEquals("max-age=31536000", secure.headers().firstValue("Strict-Transport-Security").orElse(null));
        HttpResponse<String> signedIn = https.send(HttpRequest.newBuilder(karaf.https("/api/v1/clock"))
                .header("Authorization", Account.OPERATOR.authorization()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        HttpResponse<String> plain = get("health");
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
        String web = Files.readString(karaf.home().resolve("etc/org.ops4j.pax.web.cfg"));
        assertEquals(1, web.lines().filter(line -> line.startsWith("org.ops4j.pax.web.ssl.keystore =")).count(),
                "the certificate is made once: " + web);

        karaf.stop();
        Files.writeString(karaf.home().resolve("etc/org.ops4j.pax.web.cfg"), "\norg.osgi.service.http.enabled = false\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        karaf.launch();
        Eventually.until(() -> {
            try {
                return https.send(HttpRequest.newBuilder(karaf.https("/api/v1/health")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        }, "the platform healthy over HTTPS");
        assertThrows(IOException.class, () -> get("health"), "plain HTTP is off");
    }

    private static Set<String> storedPetitionIds() throws SQLException {
        String url = "jdbc:derby:" + karaf.database();
        Set<String> ids = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM petition")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } finally {
            shutDownDerby(url);
        }
        return ids;
    }

    /** Releases the database so that the platform can open it again. */
    private static void shutDownDerby(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a clean shutdown of a database as SQLState 08006.
            if (!"08006".equals(expected.getSQLState())) {
                throw new IllegalStateException("could not release the database", expected);
            }
        }
    }

    private static String petition(String category, String title, String content, String jurisdiction)
            throws IOException {
        return Petitions.json(Petitions.petition(category, title, content, jurisdiction));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return new Api(karaf).get(path);
    }

    private static HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return new Api(karaf).post("petitions", json);
    }
}
