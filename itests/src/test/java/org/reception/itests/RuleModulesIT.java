package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Jurisdiction rule modules against the booted distribution: dropped into deploy/, updated, refused,
 * rolled back, plain DRL files, runaway rules, what-if, the shell, and the example modules as features.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleModulesIT {

    /** Wudang district: the county of the module dropped into deploy/. */
    private static final String WUDANG = "520112";
    private static final String BAIYUN = "520113";
    private static final String HUAXI = "520111";
    private static final String YUNYAN = "520103";

    private static KarafInstance karaf;
    private static Api api;
    private static Path moduleJar;

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("rule-modules");
        karaf.start();
        api = new Api(karaf);
        moduleJar = karaf.home().resolve("deploy/wudang-health.jar");
    }

    @AfterAll
    static void shutDown() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @Order(1)
    void aCountyModuleDroppedIntoDeployChangesRoutingForThatCountyOnly() throws Exception {
        RuleModuleJars.write(moduleJar, wudangHealth("1.0.0", "520112-V1", "520112-V1"));

        JsonNode routing = awaitRouting(WUDANG, "HEALTH", "wudang-health", "1.0.0");
        assertEquals("520112-V1", routing.get("unitCode").asText());
        assertEquals(List.of("Health to the district hospital group"), rulesFired(routing));
        assertEquals("520113-WJJ", routingOf(register(BAIYUN, "HEALTH", "看病难")).get("unitCode").asText(),
                "a neighbouring county keeps the province's routing");
        assertEquals("520112-ZRZYJ",
                routingOf(register(WUDANG, "LAND_RESOURCES", "征地")).get("unitCode").asText(),
                "other matters of the county are the province's");
    }

    @Test
    @Order(2)
    void anUpdatedModuleDecidesFromItsNewVersion() throws Exception {
        RuleModuleJars.write(moduleJar, wudangHealth("2.0.0", "520112-V2", "520112-V2"));

        assertEquals("520112-V2", awaitRouting(WUDANG, "HEALTH", "wudang-health", "2.0.0").get("unitCode").asText());
    }

    @Test
    @Order(3)
    void aModuleWithASyntaxErrorOrAFailingTestCaseIsRefusedAndTheOldOneKeepsDeciding() throws Exception {
        RuleModuleJars.write(moduleJar, RuleModuleJars.bytes("wudang-health", "3.0.0", WUDANG,
                Map.of("rules/routing.drl", RuleModuleJars.HEAD + "rule \"Broken\" when PetitionFact( category == ) then end")));
        JsonNode refused = awaitRejection("3.0.0");
        assertTrue(refused.get("errors").get(0).asText().startsWith("/rules/routing.drl line 6"), refused.toString());
        assertDecidedBy(WUDANG, "wudang-health", "2.0.0", "520112-V2");

        RuleModuleJars.write(moduleJar, wudangHealth("3.1.0", "520112-V3", "520112-WRONG"));
        JsonNode failing = awaitRejection("3.1.0");
        assertTrue(failing.get("errors").get(0).asText()
                .contains("expected unit 520112-WRONG but was 520112-V3"), failing.toString());
        assertDecidedBy(WUDANG, "wudang-health", "2.0.0", "520112-V2");

        String info = karaf.shell("rules:info wudang-health");
        assertTrue(info.contains("wudang-health 2.0.0 for 520112, ACTIVE"), info);
        assertTrue(info.contains("kept for rollback: 1.0.0"), info);
        assertTrue(info.contains("refused wudang-health 3.1.0"), info);
    }

    @Test
    @Order(4)
    void rollingBackBringsTheReplacedVersionBack() throws Exception {
        HttpResponse<String> rolledBack = api.post("rules/modules/wudang-health/rollback", "");
        assertEquals(200, rolledBack.statusCode(), rolledBack.body());
        assertEquals("1.0.0", Api.json(rolledBack).get("version").asText());
        assertDecidedBy(WUDANG, "wudang-health", "1.0.0", "520112-V1");

        HttpResponse<String> nothingLeft = api.post("rules/modules/wudang-health/rollback", "");
        assertEquals(409, nothingLeft.statusCode(), nothingLeft.body());
        assertEquals("urn:reception:problem:no-earlier-version", Api.json(nothingLeft).get("type").asText());
        assertEquals(404, api.post("rules/modules/nowhere/rollback", "").statusCode());
    }

    @Test
    @Order(5)
    void aPlainDrlFileDroppedIntoDeployBecomesItsJurisdictionsModule() throws Exception {
        Path drl = karaf.home().resolve("deploy/" + YUNYAN + "-yunyan-plain.drl");
        Path staged = Files.createTempFile(karaf.home(), "plain", ".tmp");
        Files.writeString(staged, RuleModuleJars.healthTo("520103-PLAIN"), StandardCharsets.UTF_8);
        Files.move(staged, drl);

        JsonNode routing = awaitUnit(YUNYAN, "520103-PLAIN");
        assertEquals("yunyan-plain", routing.at("/provenance/moduleId").asText());
        assertTrue(routing.at("/provenance/moduleVersion").asText().startsWith("drl-"));
        assertTrue(karaf.shell("rules:list").contains("file deploy/520103-yunyan-plain.drl"));

        Files.delete(drl);
        assertEquals("province-base", awaitUnit(YUNYAN, "520103-WJJ").at("/provenance/moduleId").asText());
    }

    @Test
    @Order(6)
    void aModuleThatLoopsIsCutOffAndSuspendedAndOneThatWouldHangIsRefused() throws Exception {
        HttpResponse<String> hangs = api.postJar("rules/modules", RuleModuleJars.bytes("huaxi-runaway", "0.9.0",
                HUAXI, Map.of("rules/routing.drl", RuleModuleJars.HEAD + """
                        rule "Hangs on one word"
                        when PetitionFact( mentions( "挂起" ) )
                        then while ( true ) { Thread.sleep( 20 ); }
                        end
                        """)));
        assertEquals(422, hangs.statusCode(), hangs.body());
        assertTrue(hangs.body().contains("rule Hangs on one word (consequence): loops (a jump backwards)"), hangs.body());
        assertTrue(hangs.body().contains("calls java.lang.Thread.sleep"), hangs.body());

        HttpResponse<String> deployed = api.postJar("rules/modules", RuleModuleJars.bytes("huaxi-runaway", "1.0.0",
                HUAXI, Map.of("rules/routing.drl", RuleModuleJars.HEAD + """
                        rule "Loops on one word"
                        when $p : PetitionFact( mentions( "循环" ) )
                        then update( $p );
                        end
                        rule "Routes the rest"
                        when PetitionFact( !mentions( "循环" ) )
                        then insert( new Routing( "520111-HX", "花溪区信访局", "属地管理" ) );
                        end
                        """)));
        assertEquals(200, deployed.statusCode(), deployed.body());
        assertEquals("huaxi-runaway", routingOf(register(HUAXI, "OTHER", "一般事项")).at("/provenance/moduleId").asText());

        Instant started = Instant.now();
        JsonNode looping = routingOf(register(HUAXI, "OTHER", "循环反映"));
        assertEquals("province-base", looping.at("/provenance/moduleId").asText());
        assertTrue(Duration.between(started, Instant.now()).toSeconds() < 20, "runaway rules were cut off");

        JsonNode module = Api.json(api.get("rules/modules/huaxi-runaway"));
        assertEquals(1, module.get("runaways").asInt(), module.toString());
        assertEquals("ACTIVE", module.at("/active/state").asText(), "cut off at the fire limit, it decides the rest: "
                + module);
        assertEquals("huaxi-runaway", routingOf(register(HUAXI, "OTHER", "一般事项")).at("/provenance/moduleId").asText());
        assertEquals(200, api.get("health").statusCode(), "the province still serves");
    }

    /**
     * A module that would reach beyond the rule contract in every way the contract forbids, through
     * every way a module arrives: refused before any of its code runs (the marker files its code
     * would create are never there), the refusal naming each rule and reference, the platform up
     * and serving, and no thread of the module left spinning.
     */
    @Test
    @Order(10)
    void aModuleThatWouldReachBeyondTheContractIsRefusedOnEveryPathBeforeAnyOfItsCodeRuns() throws Exception {
        List<Path> markers = new ArrayList<>();
        Map<String, String> refusals = new LinkedHashMap<>();
        for (String path : List.of("upload", "what-if", "deploy-jar", "deploy-drl")) {
            Path marker = karaf.home().resolve("marker-" + path);
            markers.add(marker);
            String drl = RuleModuleJars.HEAD + """
                    function String touch( String file ) {
                        try { Runtime.getRuntime().exec( new String[] { "touch", file } ); } catch ( Exception e ) { }
                        return file;
                    }
                    function int spin( int n ) { int i = 0; while ( i >= 0 ) { i = i + n; } return i; }
                    rule "Runs a program"
                    when $p : PetitionFact()
                    then new java.io.File( "%1$s-file" ).createNewFile();
                         insert( new Routing( "520112-X", "x", touch( "%1$s" ) ) );
                    end
                    rule "Writes a file"
                    when PetitionFact()
                    then java.nio.file.Files.createFile( java.nio.file.Path.of( "%1$s-files" ) );
                    end
                    rule "Loads a class by its name"
                    when PetitionFact()
                    then Class.forName( "java.lang.Runtime" ).getMethod( "getRuntime" ).invoke( null );
                    end
                    rule "Finds a hidden method"
                    when PetitionFact()
                    then String.class.getDeclaredMethod( "length" ).invoke( "x" );
                    end
                    rule "Stops the platform"
                    when PetitionFact()
                    then System.exit( 0 );
                    end
                    rule "Starts a thread"
                    when PetitionFact()
                    then new Thread( () -> { while ( true ) { } } ).start();
                    end
                    rule "Changes the state of the JVM"
                    when PetitionFact()
                    then java.util.Locale.setDefault( java.util.Locale.CHINA );
                    end
                    rule "Spins"
                    when PetitionFact()
                    then insert( new Routing( "520112-X", "x", String.valueOf( spin( 1 ) ) ) );
                    end
                    """.formatted(marker);
            byte[] jar = RuleModuleJars.bytes("wudang-program", "6.6." + markers.size(), WUDANG,
                    Map.of("rules/routing.drl", drl));
            switch (path) {
                case "upload" -> refusals.put(path, api.postJar("rules/modules", jar).body());
                case "what-if" -> refusals.put(path, api.postJar("rules/what-if", jar).body());
                case "deploy-jar" -> {
                    RuleModuleJars.write(karaf.home().resolve("deploy/wudang-program.jar"), jar);
                    refusals.put(path, awaitRejection("6.6.3").toString());
                }
                default -> {
                    Path staged = Files.createTempFile(karaf.home(), "program", ".tmp");
                    Files.writeString(staged, drl, StandardCharsets.UTF_8);
                    Files.move(staged, karaf.home().resolve("deploy/" + WUDANG + "-wudang-program.drl"));
                    refusals.put(path, Eventually.value(() -> {
                        for (JsonNode rejection : Api.json(api.get("rules/rejections"))) {
                            if (rejection.get("id").asText().equals("wudang-program")
                                    && rejection.get("version").asText().startsWith("drl-")) {
                                return rejection.toString();
                            }
                        }
                        return null;
                    }, "the refusal of the dropped DRL file"));
                }
            }
        }
        List<String> references = List.of(
                "function touch (Touch): calls java.lang.Runtime.getRuntime",
                "function spin (Spin): loops (a jump backwards); module code has no loops",
                "rule Runs a program (consequence): uses the type java.io.File",
                "rule Writes a file (consequence): calls java.nio.file.",
                "rule Loads a class by its name (consequence): calls java.lang.Class.forName",
                "rule Finds a hidden method (consequence): calls java.lang.Class.getDeclaredMethod",
                "rule Stops the platform (consequence): calls java.lang.System.exit",
                "rule Starts a thread (consequence): uses the type java.lang.Thread",
                "rule Changes the state of the JVM (consequence): calls java.util.Locale.setDefault");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            for (String reference : references) {
                assertTrue(refusal.getValue().contains(reference), refusal.getKey() + " lacks '" + reference + "': "
                        + refusal.getValue());
            }
        }
        for (Path marker : markers) {
            for (String suffix : List.of("", "-file", "-files")) {
                Path created = Path.of(marker + suffix);
                assertFalse(Files.exists(created), created + ": the module's code ran");
            }
        }
        assertEquals(200, api.get("health").statusCode(), "the platform serves on");
        assertFalse(routingOf(register(WUDANG, "LAND_RESOURCES", "征地")).at("/provenance/moduleId").asText()
                .equals("wudang-program"), "the refused module decides nothing");
        Eventually.until(() -> karaf.cpuOverOneSecond().toMillis() < 500,
                "the platform idle again: no thread of the refused module spins");
    }

    @Test
    @Order(7)
    void whatIfReportsTheDecisionsACandidateWouldChangeAndActivatesNothing() throws Exception {
        byte[] candidate = wudangHealth("9.0.0", "520112-CANDIDATE", "520112-CANDIDATE");

        HttpResponse<String> answer = api.postJar("rules/what-if?cases=500", candidate);

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode report = Api.json(answer);
        assertEquals("9.0.0", report.at("/candidate/version").asText());
        assertEquals("1.0.0", report.at("/serving/version").asText());
        assertTrue(report.get("examined").asInt() >= 6, report.toString());
        JsonNode changes = report.get("changes");
        assertTrue(changes.size() >= 4, report.toString());
        for (JsonNode change : changes) {
            assertEquals("routing: TRANSFER 520112-V1 NORMAL -> TRANSFER 520112-CANDIDATE NORMAL",
                    change.get("differences").get(0).asText(), change.toString());
        }
        assertDecidedBy(WUDANG, "wudang-health", "1.0.0", "520112-V1");

        HttpResponse<String> invalid = api.postJar("rules/what-if", RuleModuleJars.bytes("wudang-health", "9.1.0",
                WUDANG, Map.of("rules/routing.drl", "rule")));
        assertEquals(422, invalid.statusCode(), invalid.body());
        assertEquals("urn:reception:problem:invalid-rule-module", Api.json(invalid).get("type").asText());
        assertEquals(400, api.postJar("rules/what-if?cases=0", candidate).statusCode());
        assertEquals(422, api.postJar("rules/modules", "not a jar".getBytes(StandardCharsets.UTF_8)).statusCode());
        HttpResponse<String> code = api.postJar("rules/modules", RuleModuleJars.bytes("wudang-health", "9.2.0", WUDANG,
                Map.of("rules/routing.drl", RuleModuleJars.healthTo("520112-X"), "org/example/Evil.class", "cafebabe")));
        assertEquals(422, code.statusCode(), code.body());
        assertTrue(code.body().contains("DRL only"), code.body());

        // A province module that would switch Art. 30 off for every new accusation is not one.
        HttpResponse<String> lawless = api.postJar("rules/modules", RuleModuleJars.bytes("province-base", "9.0.0", "52",
                Map.of("rules/routing.drl", RuleModuleJars.HEAD + """
                        rule "Everything to the provincial bureau"
                        when PetitionFact()
                        then insert( new Routing( "520000-XFJ", "贵州省信访局", "一律转送" ) );
                        end
                        """)));
        assertEquals(422, lawless.statusCode(), lawless.body());
        assertTrue(lawless.body().contains("constitution/province-accusation-hidden-from-the-accused"), lawless.body());
        JsonNode provenance = routingOf(register(WUDANG, "OTHER", "宪法测试后")).at("/provenance");
        assertEquals("province-base", provenance.get("moduleId").asText());
        assertTrue(provenance.get("moduleVersion").asText().startsWith("0.1.0"), "the shipped module still decides: "
                + provenance);
    }

    @Test
    @Order(8)
    void theShellDeploysTestsAndExplains() throws Exception {
        Path jar = karaf.home().resolve("wudang-health-4.0.0.jar");
        Files.write(jar, wudangHealth("4.0.0", "520112-V4", "520112-V4"));
        String deployed = karaf.shell("rules:deploy " + jar);
        assertTrue(deployed.contains("Deployed wudang-health 4.0.0 for 520112"), deployed);
        JsonNode petition = register(WUDANG, "HEALTH", "看病难");
        assertEquals("520112-V4", routingOf(petition).get("unitCode").asText());

        String tested = karaf.shell("rules:test province-base");
        assertTrue(tested.contains("0 failed"), tested);
        assertTrue(tested.contains("PASS /rules/tests/accusation-hidden-from-accused.properties"), tested);

        String explained = karaf.shell("rules:explain " + petition.get("registrationNumber").asText());
        assertTrue(explained.contains("Routing: TRANSFER to 520112-V4"), explained);
        assertTrue(explained.contains("by wudang-health 4.0.0 (520112), still serving"), explained);
        JsonNode explanation = Api.json(api.get("rules/explain/" + petition.get("id").asText()));
        assertFalse(explanation.get("decidedBySupersededVersion").asBoolean());

        String rolledBack = karaf.shell("rules:rollback wudang-health");
        assertTrue(rolledBack.contains("wudang-health 1.0.0 decides"), rolledBack);
        String nowExplained = karaf.shell("rules:explain " + petition.get("registrationNumber").asText());
        assertTrue(nowExplained.contains("since replaced by 1.0.0"), nowExplained);
    }

    @Test
    @Order(9)
    void theExampleCityAndCountyModulesInstallAsFeaturesAndLayerOverTheProvince() throws Exception {
        karaf.shell("feature:install reception-rules-guiyang reception-rules-nanming");
        awaitModule("nanming");

        JsonNode property = register("520102", "HOUSING_CONSTRUCTION", "物业乱收费");
        JsonNode routing = routingOf(property);
        assertEquals("ASSIGN", routing.get("disposition").asText());
        assertEquals("520102-ZJJ", routing.get("unitCode").asText());
        assertEquals("[\"520102-SCJGJ\"]", routing.get("coUnits").toString());
        assertEquals("5201-ZRZYHGHJ", routingOf(register("520102", "LAND_RESOURCES", "征地")).get("unitCode").asText(),
                "Guiyang decides land matters of Nanming");

        Map<String, Object> accusation = Petitions.petition("HOUSING_CONSTRUCTION", "举报物业负责人", "李某收受贿赂。", "520102");
        accusation.put("type", "ACCUSATION");
        accusation.put("accused", List.of("李某"));
        HttpResponse<String> created = api.post("petitions", accusation);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = Api.json(created);
        assertTrue(body.at("/confidentiality/identityHidden").asBoolean());
        assertEquals("[\"李某\"]", body.at("/confidentiality/hiddenFrom").toString());
        assertEquals("[\"520102-JJJCW\"]", body.at("/confidentiality/readers").toString());
        assertEquals("***", body.at("/petitioners/0/name").asText(), "a hidden identity is masked on every read");
        assertEquals("***", Api.json(api.get("petitions/" + body.get("id").asText())).at("/petitioners/0/name").asText());

        Map<String, Object> againstBureau = Petitions.withPetitioners(Petitions.petition("HOUSING_CONSTRUCTION",
                "举报区住建局", "区住建局违规审批。", "520102"), List.of(Petitions.person("钱七",
                Petitions.residentId("52010219800101088"), false)));
        againstBureau.put("type", "ACCUSATION");
        againstBureau.put("accused", List.of("520102-ZJJ"));
        String bureauCase = Api.json(api.post("petitions", againstBureau)).get("id").asText();
        HttpResponse<String> toAccused = api.step(bureauCase, "dispose",
                Map.of("disposition", "TRANSFER", "unit", "520102-ZJJ", "reason", "主管"));
        assertEquals(409, toAccused.statusCode(), "an accusation never goes to the unit accused (Art. 30)");

        Map<String, Object> group = Petitions.withPetitioners(
                Petitions.petition("AGRICULTURE_RURAL", "土地流转纠纷", "要求解决。", "520181"), Petitions.group(6, 2));
        group.put("channel", "VISIT");
        JsonNode visit = Api.json(api.post("petitions", group));
        JsonNode escalation = visit.at("/escalations/0");
        assertEquals("GROUP_VISIT", escalation.get("trigger").asText(), visit.toString());
        assertEquals("CITY", escalation.get("level").asText());
        assertEquals(1, escalation.get("reportWithinHours").asInt(), "Guiyang's hour, not the province's two");
        assertEquals("guiyang", escalation.at("/provenance/moduleId").asText());
        assertEquals("HIGH", visit.at("/routing/priority").asText());
    }

    private static byte[] wudangHealth(String version, String unit, String testExpects) throws Exception {
        return RuleModuleJars.bytes("wudang-health", version, WUDANG, Map.of(
                "rules/routing.drl", RuleModuleJars.HEAD + """
                        rule "Health to the district hospital group"
                        when PetitionFact( category == Category.HEALTH )
                        then insert( new Routing( "%s", "乌当区医疗集团", "属地管理（《信访工作条例》第二十二条）" ) );
                        end
                        """.formatted(unit),
                "rules/tests/health.properties", "petition.category = HEALTH\nexpect.unit = " + testExpects + "\n"));
    }

    /**
     * A candidate that copies what a case says into its routing, tried by a rules administrator who
     * reads no case, and by one who also belongs to the accused unit: neither learns anything of
     * the accusation, and the second's candidate never even sees it.
     */
    @Test
    @Order(11)
    void whatIfTellsARulesAdministratorNothingOfWhatACaseSaysOrWhomItAccuses() throws Exception {
        String secret = "甲乙丙丁";
        Map<String, Object> accusation = Petitions.petition("PUBLIC_SECURITY", "举报" + secret,
                "城南派出所民警" + secret + "收受财物。", "520102");
        accusation.put("type", "ACCUSATION");
        accusation.put("accused", List.of("南明区公安局城南派出所" + secret));
        HttpResponse<String> registered = api.post("petitions", accusation);
        assertEquals(201, registered.statusCode(), registered.body());
        for (int i = 0; i < 3; i++) {
            register("520102", "HEALTH", "看病难" + i);
        }
        byte[] copies = RuleModuleJars.bytes("nanming-leak", "1.0.0", "520102", Map.of("rules/routing.drl",
                RuleModuleJars.HEAD + """
                        rule "Copies the case into its routing"
                        when $p : PetitionFact()
                        then insert( new Routing( "520102-" + $p.getTitle() + "|" + $p.getContent() + "|"
                                 + $p.getAccused(), "泄露", $p.getContent() ) );
                        end
                        """));
        HttpResponse<String> copied = api.as(Account.RULE_ADMINISTRATOR).postJar("rules/what-if?cases=1000", copies);
        assertEquals(422, copied.statusCode(), "a unit code made of a case's words is no unit: " + copied.body());
        assertTrue(copied.body().contains("routes to something that is not a unit code"), copied.body());
        assertFalse(copied.body().contains(secret), copied.body());

        // A candidate that passes, and asks what-if whether some case says the secret: one case would
        // shift, too few to be told.
        byte[] leak = RuleModuleJars.bytes("nanming-leak", "1.0.1", "520102", Map.of("rules/routing.drl",
                RuleModuleJars.HEAD + """
                        rule "Asks whether a case says the secret"
                        when $p : PetitionFact( mentions( "%s" ) )
                        then insert( new Routing( "520102-JJJCW", "纪委监委", "探测" ) );
                        end
                        """.formatted(secret)));

        HttpResponse<String> administrator = api.as(Account.RULE_ADMINISTRATOR).postJar("rules/what-if?cases=1000", leak);
        assertEquals(200, administrator.statusCode(), administrator.body());
        JsonNode report = Api.json(administrator);
        assertEquals(0, report.get("changes").size(), "a rules administrator reads no case: " + report);
        for (JsonNode shift : report.get("shifts")) {
            assertTrue(shift.get("cases").asInt() >= 3, shift.toString());
            assertFalse(shift.get("after").asText().contains("JJJCW"), "the one case that says it is not told: " + shift);
        }
        assertTrue(report.get("suppressed").asInt() >= 1, "the probe's one case is only counted as suppressed: " + report);

        // An administrator who also belongs to the accused police bureau, added as an operator adds one.
        Files.writeString(karaf.home().resolve("etc/users.properties"),
                "\npolice-rules = Police-Rules-1,rules-admin,unit:520102-GAJ\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        String policeRules = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "police-rules:Police-Rules-1".getBytes(StandardCharsets.UTF_8));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> accusedUnits = Eventually.value(() -> {
            HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(
                    karaf.api("rules/what-if?cases=1000")).header("Authorization", policeRules)
                    .header("Content-Type", "application/java-archive")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(leak)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 401 ? null : answer;
        }, "the new account signs in");
        assertEquals(200, accusedUnits.statusCode(), accusedUnits.body());
        assertFalse(accusedUnits.body().contains(secret), accusedUnits.body());
        assertTrue(Api.json(accusedUnits).get("examined").asInt() < report.get("examined").asInt(),
                "the accusation kept from the caller's unit is not put to its candidate: " + accusedUnits.body());
        HttpResponse<String> explained = http.send(java.net.http.HttpRequest.newBuilder(karaf.api("rules/explain/"
                + Api.json(registered).get("registrationNumber").asText())).header("Authorization", policeRules).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, explained.statusCode(), "the accused unit's administrator is told of no such case");
    }

    /** The rules host takes a new configuration while it serves: nothing compiled again, no history lost. */
    @Test
    @Order(12)
    void editingTheRulesConfigurationAppliesWhileRequestsGoOnAndLosesNoHistory() throws Exception {
        JsonNode province = Api.json(api.get("rules/modules/province-base"));
        JsonNode wudang = Api.json(api.get("rules/modules/wudang-health"));
        java.util.concurrent.atomic.AtomicBoolean going = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Queue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Thread load = new Thread(() -> {
            while (going.get() && answered.get() < 2_000) {
                try {
                    HttpResponse<String> response = api.post("petitions", Petitions.petition("HEALTH", "配置变更期间",
                            "请求处理。", WUDANG));
                    if (response.statusCode() != 201) {
                        failures.add(response.statusCode() + " " + response.body());
                    }
                    answered.incrementAndGet();
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        });
        load.start();
        Eventually.until(() -> answered.get() >= 10, "registrations under way");

        karaf.configure("org.reception.rules",
                "fireLimit = 5000\ntimeLimitMillis = 1500\nkeptVersions = 3\nwithdrawDelaySeconds = 10\n");
        Path log = karaf.home().resolve("data/log/reception.log");
        Eventually.until(() -> Files.readString(log, StandardCharsets.UTF_8)
                .contains("Rules host now: fire limit 5000, time limit 1500 ms"), "the new limits in force");
        int atChange = answered.get();
        Eventually.until(() -> answered.get() >= atChange + 20, "registrations after the change");
        going.set(false);
        load.join();

        assertEquals(List.of(), List.copyOf(failures), "no request failed while the configuration changed");
        assertEquals(province.at("/active/activatedAt"), Api.json(api.get("rules/modules/province-base"))
                .at("/active/activatedAt"), "the province's module was not compiled and activated again");
        JsonNode wudangAfter = Api.json(api.get("rules/modules/wudang-health"));
        assertEquals(wudang.get("kept"), wudangAfter.get("kept"), "the versions kept for a rollback are kept");
        assertEquals(wudang.at("/active/activatedAt"), wudangAfter.at("/active/activatedAt"));
    }

    private static JsonNode register(String county, String category, String title) throws Exception {
        HttpResponse<String> created = api.post("petitions", Petitions.petition(category, title, "请求处理。", county));
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created);
    }

    private static JsonNode routingOf(JsonNode petition) {
        return petition.get("routing");
    }

    private static List<String> rulesFired(JsonNode routing) {
        List<String> rules = new ArrayList<>();
        routing.at("/provenance/rulesFired").forEach(rule -> rules.add(rule.asText()));
        return rules;
    }

    private static void assertDecidedBy(String county, String module, String version, String unit) throws Exception {
        JsonNode routing = routingOf(register(county, "HEALTH", "看病难"));
        assertEquals(module, routing.at("/provenance/moduleId").asText(), routing.toString());
        assertEquals(version, routing.at("/provenance/moduleVersion").asText(), routing.toString());
        assertEquals(unit, routing.get("unitCode").asText());
    }

    private static JsonNode awaitRouting(String county, String category, String module, String version)
            throws Exception {
        return Eventually.value(() -> {
            JsonNode routing = routingOf(register(county, category, "看病难"));
            return module.equals(routing.at("/provenance/moduleId").asText())
                    && version.equals(routing.at("/provenance/moduleVersion").asText()) ? routing : null;
        }, module + " " + version + " deciding for " + county);
    }

    private static JsonNode awaitUnit(String county, String unit) throws Exception {
        return Eventually.value(() -> {
            JsonNode routing = routingOf(register(county, "HEALTH", "看病难"));
            return unit.equals(routing.get("unitCode").asText()) ? routing : null;
        }, "health petitions of " + county + " routed to " + unit);
    }

    private static JsonNode awaitRejection(String version) throws Exception {
        return Eventually.value(() -> {
            for (JsonNode rejection : Api.json(api.get("rules/rejections"))) {
                if (version.equals(rejection.get("version").asText())) {
                    return rejection;
                }
            }
            return null;
        }, "the rejection of version " + version);
    }

    private static void awaitModule(String id) throws Exception {
        Eventually.value(() -> {
            for (JsonNode module : Api.json(api.get("rules/modules"))) {
                if (id.equals(module.get("id").asText())) {
                    return module;
                }
            }
            return null;
        }, "module " + id + " active");
    }
}
