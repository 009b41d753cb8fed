package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One petition through every step of the procedure, over REST, against the booted distribution;
 * time is moved by the platform's clock offset, never waited for.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleIT {

    private static final String COUNTY_UNIT = "520102-ZRZYJ";
    private static final String OTHER_UNIT = "520102-NYNCJ";

    private static KarafInstance karaf;
    private static Api api;
    private static String id;
    private static JsonNode receipt;
    private static String firstOnCivilAffairs;

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("lifecycle");
        karaf.configure("org.reception.deadlines", "scanSeconds = 1\ndueSoonDays = 3\n");
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
    void registrationGivesAReceiptAndStartsTheFifteenDayDisposalPeriod() throws Exception {
        HttpResponse<String> created = api.post("petitions",
                Petitions.petition("LAND_RESOURCES", "征地补偿款未到位", "村里土地被征收两年，补偿款至今未发放。", "520102"));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode petition = Api.json(created);
        id = petition.get("id").asText();
        receipt = petition.get("receipt");
        assertEquals("REGISTERED", petition.get("status").asText());
        assertEquals("\"0\"", created.headers().firstValue("ETag").orElseThrow());
        assertEquals(petition.get("registrationNumber").asText(), receipt.get("registrationNumber").asText());
        assertTrue(receipt.get("queryCode").asText().matches("[2-9A-HJ-NP-Z]{10}"));
        JsonNode dispose = petition.at("/deadlines/0");
        assertEquals("DISPOSE", dispose.get("kind").asText());
        LocalDate received = LocalDate.parse(petition.get("receivedAt").asText().substring(0, 10));
        assertFalse(LocalDate.parse(dispose.get("due").asText()).isBefore(received.plusDays(15)));

        HttpResponse<String> status = api.post("receipts/status", Map.of("registrationNumber",
                receipt.get("registrationNumber").asText(), "queryCode", receipt.get("queryCode").asText()));
        assertEquals(200, status.statusCode(), status.body());
        assertEquals("REGISTERED", Api.json(status).get("status").asText());
        assertFalse(status.body().contains(Petitions.ZHANG_ID), "the public status carries no personal data");
        HttpResponse<String> wrongCode = api.post("receipts/status", Map.of("registrationNumber",
                receipt.get("registrationNumber").asText(), "queryCode", "AAAAAAAAAA"));
        assertEquals(404, wrongCode.statusCode());
    }

    @Test
    @Order(2)
    void transferToACountyObjectionAndReRoutingThenAcceptance() throws Exception {
        JsonNode transferred = act("dispose", Map.of("disposition", "TRANSFER", "unit", OTHER_UNIT,
                "reason", "属地管理"), "0");
        assertEquals("TRANSFERRED", transferred.get("status").asText());
        assertTrue(pending(transferred, "OBJECT"), "the receiving unit has 5 working days to object");

        JsonNode objected = act("object", Map.of("reason", "征地补偿不属本局职责"), "1");
        assertEquals("REGISTERED", objected.get("status").asText());

        JsonNode assigned = act("dispose", Map.of("disposition", "ASSIGN", "unit", COUNTY_UNIT, "reason", "分级负责"), "2");
        assertEquals("ASSIGNED", assigned.get("status").asText());
        JsonNode accepted = act("accept", Map.of(), "3");
        assertEquals("ACCEPTED", accepted.get("status").asText());
        assertEquals(COUNTY_UNIT, accepted.at("/handling/unit").asText());
        assertTrue(pending(accepted, "HANDLE"), "60 days to handle from acceptance");
    }

    @Test
    @Order(3)
    void oneExtensionOfAtMostThirtyDays() throws Exception {
        JsonNode before = Api.json(api.get("petitions/" + id));
        LocalDate due = LocalDate.parse(deadline(before, "HANDLE").get("due").asText());

        assertEquals(400, api.post("petitions/" + id + "/extend", Map.of("days", 31, "reason", "复杂"),
                "If-Match", "\"4\"").statusCode());
        JsonNode extended = act("extend", Map.of("days", 30, "reason", "需要会同多部门调查"), "4");
        assertFalse(LocalDate.parse(deadline(extended, "HANDLE").get("due").asText()).isBefore(due.plusDays(30)));

        HttpResponse<String> again = api.post("petitions/" + id + "/extend", Map.of("days", 10, "reason", "再延"),
                "If-Match", "\"5\"");
        assertEquals(409, again.statusCode());
        assertEquals("urn:reception:problem:illegal-transition", Api.json(again).get("type").asText());
    }

    @Test
    @Order(4)
    void replySatisfactionReviewAndReReview() throws Exception {
        assertEquals("REPLIED", act("reply", Map.of("text", "经核查，补偿款将于30日内发放到位。"), "5").get("status").asText());
        assertEquals("DISSATISFIED", act("evaluate", Map.of("satisfaction", "DISSATISFIED"), "6")
                .at("/handling/satisfaction").asText());
        assertEquals("UNDER_REVIEW", act("request-review", Map.of("reason", "补偿标准过低"), "7").get("status").asText());
        // Art. 35: Guiyang, above Nanming's department, answers the review; the level is recorded with it.
        JsonNode reviewed = act(Account.GUIYANG_SUPERVISOR, "answer-review", Map.of("text", "维持原处理意见。"), "8");
        assertEquals("REVIEWED", reviewed.get("status").asText());
        assertEquals("5201", reviewed.at("/handling/reviewedBy").asText());
        assertEquals("UNDER_RE_REVIEW", act("request-re-review", Map.of("reason", "仍不服"), "9").get("status").asText());
        // Art. 36: the re-review is answered above the level that reviewed, never at it.
        HttpResponse<String> sameLevel = api.as(Account.GUIYANG_SUPERVISOR).post("petitions/" + id + "/answer-re-review",
                Petitions.json(Map.of("text", "复核维持。")), "If-Match", "\"10\"");
        assertEquals(403, sameLevel.statusCode(), sameLevel.body());
        assertTrue(Api.json(sameLevel).get("detail").asText().contains("Art. 36"), sameLevel.body());
        JsonNode final_ = act("answer-re-review", Map.of("text", "复核维持。"), "10");
        assertEquals("RE_REVIEWED", final_.get("status").asText());
        assertEquals("52", final_.at("/handling/reReviewedBy").asText());
    }

    /**
     * After the re-review (Art. 36): a third request is refused; the same matter linked by the
     * petitioner is not accepted again; new facts of the same person, category and place are.
     */
    @Test
    @Order(5)
    void aThirdAttemptIsRefusedAndTheSameMatterIsNotAcceptedAgainButNewFactsAre() throws Exception {
        HttpResponse<String> third = api.step(id, "request-review", Map.of("reason", "再次申请"));
        assertEquals(409, third.statusCode());
        assertTrue(Api.json(third).get("detail").asText().contains("Art. 36"));
        String reviewed = receipt.get("registrationNumber").asText();

        Map<String, Object> sameMatter = Petitions.petition("LAND_RESOURCES", "再次反映征地补偿", "补偿仍未到位。", "520102");
        sameMatter.put("linkedPetitions", List.of(reviewed));
        JsonNode repeat = Api.json(api.post("petitions", sameMatter));
        assertEquals("NOT_ACCEPTED", repeat.get("status").asText());
        assertTrue(repeat.at("/handling/reason").asText().contains("第三十六条"));
        assertEquals(reviewed, repeat.at("/linkedPetitions/0").asText());

        HttpResponse<String> newFacts = api.post("petitions", Petitions.petition("LAND_RESOURCES", "宅基地被占用",
                "邻居新建房屋占用我家宅基地约二十平方米，请求处理。", "520102"));
        assertEquals(201, newFacts.statusCode(), newFacts.body());
        JsonNode accepted = Api.json(newFacts);
        assertEquals("REGISTERED", accepted.get("status").asText(), "new facts are a new matter");
        assertEquals(reviewed, accepted.at("/possibleDuplicates/0").asText(), "shown to the clerk, who decides");
        assertEquals(0, accepted.get("linkedPetitions").size());
    }

    @Test
    @Order(6)
    void archiveWithTheCompleteAuditedFile() throws Exception {
        assertEquals("ARCHIVED", act("archive", null, "11").get("status").asText());
        assertEquals(409, api.step(id, "reply", Map.of("text", "x")).statusCode());

        List<String> actions = new ArrayList<>();
        Api.json(api.get("petitions/" + id + "/audit")).forEach(entry -> actions.add(entry.get("action").asText()));
        assertEquals(List.of("register", "dispose", "object", "dispose", "accept", "extend", "reply", "evaluate",
                "request-review", "answer-review", "request-re-review", "answer-re-review", "archive"), actions);
        JsonNode verification = Api.json(api.get("audit/verification"));
        assertTrue(verification.get("intact").asBoolean(), verification.toString());
    }

    @Test
    @Order(7)
    void aLitigationMatterIsRedirectedAndAVisitOfSixWithoutRepresentativesIsRefused() throws Exception {
        String litigation = Api.json(api.post("petitions", Petitions.petition("OTHER", "判决执行", "法院判决后对方拒不履行。",
                "520103"))).get("id").asText();
        JsonNode redirected = Api.json(api.step(litigation, "dispose", Map.of("disposition", "REDIRECT",
                "reason", "涉法涉诉事项，引导通过法律程序解决（《信访工作条例》第三十一条）")));
        assertEquals("REDIRECTED", redirected.get("status").asText());

        Map<String, Object> visit = Petitions.withPetitioners(
                Petitions.petition("LAND_RESOURCES", "集体土地", "村集体土地被占用。", "520103"), Petitions.group(6, 0));
        visit.put("channel", "VISIT");
        HttpResponse<String> group = api.post("petitions", visit);
        assertEquals(400, group.statusCode());
        assertTrue(Api.json(group).get("detail").asText().contains("Art. 20"));
        visit.put("petitioners", Petitions.group(6, 2));
        assertEquals(201, api.post("petitions", visit).statusCode());
        Map<String, Object> jointLetter = Petitions.withPetitioners(
                Petitions.petition("LAND_RESOURCES", "联名信：集体土地", "六户村民联名反映村集体土地被占用。", "520113"),
                Petitions.group(6, 0));
        jointLetter.put("channel", "LETTER");
        assertEquals(201, api.post("petitions", jointLetter).statusCode(), "a joint letter of six needs no representatives");
    }

    @Test
    @Order(8)
    void ofConcurrentUpdatesAtTheSameVersionExactlyOneWins() throws Exception {
        String contested = Api.json(api.post("petitions", Petitions.petition("HEALTH", "医疗纠纷", "手术后并发症。",
                "520111"))).get("id").asText();
        int clerks = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clerks);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < clerks; i++) {
            // Eight clerks, eight known units of Huaxi: each a disposal the law allows.
            String unit = "520111-" + List.of("XFJ", "GAJ", "ZRZYJ", "ZJJ", "RSJ", "STHJJ", "WJJ", "JYJ").get(i);
            Callable<Integer> clerk = () -> {
                start.await();
                return api.post("petitions/" + contested + "/dispose",
                        Map.of("disposition", "ACCEPT", "unit", unit), "If-Match", "\"0\"").statusCode();
            };
            answers.add(pool.submit(clerk));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(clerks - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        JsonNode after = Api.json(api.get("petitions/" + contested));
        assertEquals(1, after.get("version").asInt());
        assertEquals(2, Api.json(api.get("petitions/" + contested + "/audit")).size(), "register and one dispose");
    }

    /**
     * Steps are conditional (RFC 9110): without {@code If-Match} a step is refused with 428 once the
     * caller may take it; a stale or weak tag is 412 and changes nothing; a list is honoured.
     */
    @Test
    @Order(8)
    void everyStepStatesTheVersionItWasTakenOn() throws Exception {
        String id = Api.json(api.post("petitions", Petitions.petition("HEALTH", "医保报销", "医保报销三个月未到账。",
                "520111"))).get("id").asText();
        Map<String, Object> accept = Map.of("disposition", "TRANSFER", "unit", "520111-WJJ", "reason", "属地管理");

        HttpResponse<String> unconditional = api.post("petitions/" + id + "/dispose", accept);
        assertEquals(428, unconditional.statusCode(), unconditional.body());
        assertEquals("urn:reception:problem:precondition-required", Api.json(unconditional).get("type").asText());
        assertEquals(404, api.as(Account.NANMING_CLERK).post("petitions/" + id + "/dispose", accept).statusCode(),
                "a caller who may not see the case learns nothing of its version");
        HttpResponse<String> weak = api.post("petitions/" + id + "/dispose", accept, "If-Match", "W/\"0\"");
        assertEquals(412, weak.statusCode(), "a weak tag never matches strongly: " + weak.body());
        assertEquals("urn:reception:problem:conflict", Api.json(weak).get("type").asText());
        assertEquals(412, api.post("petitions/" + id + "/dispose", accept, "If-Match", "\"7\"").statusCode());
        assertEquals(400, api.post("petitions/" + id + "/dispose", accept, "If-Match", "0").statusCode(),
                "an entity tag is quoted");
        assertEquals(0, Api.json(api.get("petitions/" + id)).get("version").asInt(), "nothing changed");

        HttpResponse<String> listed = api.post("petitions/" + id + "/dispose", accept, "If-Match", "\"7\", \"0\"");
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals("\"1\"", listed.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, api.as(Account.OPERATOR).post("petitions/" + id + "/accept", "{}", "If-Match", "*")
                .statusCode(), "* acts on whatever version is current");

        // A body says what it is: without a Content-Type it is not taken for JSON.
        java.net.http.HttpResponse<String> untyped = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(karaf.api("petitions"))
                        .header("Authorization", Account.OPERATOR.authorization())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Petitions.json(
                                Petitions.petition("HEALTH", "无类型", "没有内容类型的请求。", "520111")))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(415, untyped.statusCode(), untyped.body());
        assertEquals(0, Api.json(api.get("petitions?q=%E6%97%A0%E7%B1%BB%E5%9E%8B")).get("total").asInt(),
                "nothing was registered");
    }

    /**
     * The same matter while it is handled in time (Art. 19): refused only when certain (linked, or the
     * same facts retold); a different matter of the same person is registered and shown as possible;
     * a clerk reopens a refusal that was wrong, audited.
     */
    @Test
    @Order(9)
    void theSameMatterRaisedAgainWhileOpenIsLinkedNotAcceptedAgain() throws Exception {
        JsonNode open = Api.json(api.post("petitions", Petitions.petition("CIVIL_AFFAIRS", "低保申请三个月未答复",
                "本人于去年十月向街道提交低保申请，至今三个月未获答复。", "520112")));
        assertEquals("REGISTERED", open.get("status").asText());
        String first = open.get("registrationNumber").asText();
        firstOnCivilAffairs = first;

        JsonNode retold = Api.json(api.post("petitions", Petitions.petition("CIVIL_AFFAIRS", "低保申请三个月仍未答复",
                "本人于去年十月向街道提交低保申请，至今三个月仍未获答复。", "520112")));
        assertEquals("NOT_ACCEPTED", retold.get("status").asText(), "the same facts retold");
        assertTrue(retold.at("/handling/reason").asText().contains("第十九条"));
        assertEquals(first, retold.at("/linkedPetitions/0").asText());

        JsonNode other = Api.json(api.post("petitions", Petitions.petition("CIVIL_AFFAIRS", "残疾人补贴",
                "母亲的残疾人护理补贴停发半年。", "520112")));
        assertEquals("REGISTERED", other.get("status").asText(), "another matter of the same person and category");
        assertEquals(List.of(first), List.of(other.at("/possibleDuplicates/0").asText()));

        // Linked by the petitioner while the first is handled within its time limit: refused (Art. 19).
        Map<String, Object> linked = Petitions.petition("CIVIL_AFFAIRS", "低保一事再次反映", "请尽快给个说法。", "520112");
        linked.put("linkedPetitions", List.of(first));
        JsonNode linkedAgain = Api.json(api.post("petitions", linked));
        assertEquals("NOT_ACCEPTED", linkedAgain.get("status").asText(), linkedAgain.toString());
        assertTrue(linkedAgain.at("/handling/reason").asText().contains("第十九条"));

        String reopenedId = retold.get("id").asText();
        HttpResponse<String> reopened = api.step(reopenedId, "not-the-same-matter",
                Map.of("reason", "经核实，此次反映的是另一次申请"));
        assertEquals(200, reopened.statusCode(), reopened.body());
        assertEquals("REGISTERED", Api.json(reopened).get("status").asText());
        assertTrue(Api.json(api.get("petitions/" + reopenedId + "/audit")).toString()
                .contains("not the same matter: 经核实，此次反映的是另一次申请"));
        assertEquals(409, api.step(reopenedId, "not-the-same-matter", Map.of("reason", "再次"))
                .statusCode(), "a registered petition has nothing to reopen");
    }

    @Test
    @Order(10)
    void overdueCasesAppearInTheOverdueListAndRaiseAnEventThenASupervisorActs() throws Exception {
        String late = Api.json(api.post("petitions", Petitions.petition("EDUCATION", "入学难", "孩子无法就近入学。",
                "520113"))).get("id").asText();
        assertFalse(listed("petitions?overdue=true&size=200", late));

        moveClock(Duration.ofDays(20));

        awaitEvent(late, "OVERDUE", "DISPOSE");
        JsonNode escalation = awaitEscalation(late, "OVERDUE");
        assertEquals("CITY", escalation.get("level").asText(), "the province's rules report overdue cases to the city");
        assertEquals("province-base", escalation.at("/provenance/moduleId").asText());
        assertTrue(Api.json(api.get("petitions/" + late + "/audit")).toString().contains("escalate"));
        assertTrue(listed("petitions?overdue=true&jurisdiction=5201&size=200", late));
        JsonNode summary = find(Api.json(api.get("petitions?overdue=true&size=200")), late);
        assertTrue(summary.get("overdue").asBoolean());

        String due = Api.json(api.get("clock")).get("today").asText();
        JsonNode supervised = Api.json(api.as(Account.GUIYANG_SUPERVISOR).step(late, "supervise",
                Map.of("order", "立即办理并报告结果", "due", LocalDate.parse(due).plusDays(5).toString())));
        JsonNode order = supervised.at("/supervisions/0");
        assertEquals(Account.GUIYANG_SUPERVISOR.user(), order.get("orderedBy").asText(), "the account that acted");
        JsonNode resolved = Api.json(api.step(late, "supervisions/" + order.get("id").asLong() + "/resolve",
                Map.of("outcome", "已责成区教育局三日内办理")));
        assertEquals("已责成区教育局三日内办理", resolved.at("/supervisions/0/outcome").asText());
    }

    /** Once the handling organ's period has passed, the same matter linked again is registered (Art. 19). */
    @Test
    @Order(11)
    void theSameMatterAfterTheHandlingPeriodPassedIsRegistered() throws Exception {
        Map<String, Object> again = Petitions.petition("CIVIL_AFFAIRS", "低保申请逾期未办", "街道逾期未办理低保申请。", "520112");
        again.put("linkedPetitions", List.of(firstOnCivilAffairs));
        JsonNode registered = Api.json(api.post("petitions", again));
        assertEquals("REGISTERED", registered.get("status").asText(), registered.toString());
        assertEquals(firstOnCivilAffairs, registered.at("/linkedPetitions/0").asText());
    }

    /**
     * A third petition telling the same facts is linked to the first two, and the matter is put
     * under the city's supervision (Art. 40); the second was not (outside Guiyang, whose own module
     * escalates the second).
     */
    @Test
    @Order(12)
    void aThirdPetitionOnTheSameMatterIsLinkedToTheFirstTwoAndSupervisedByTheCity() throws Exception {
        Map<String, Object> petition = Petitions.petition("HEALTH", "医院拒绝出具病历复印件",
                "本人多次要求县人民医院出具住院病历复印件，医院一直拒绝。", "520203");
        JsonNode first = Api.json(api.post("petitions", petition));
        assertEquals("REGISTERED", first.get("status").asText(), first.toString());
        JsonNode second = Api.json(api.post("petitions", petition));
        assertEquals("NOT_ACCEPTED", second.get("status").asText(), "the same facts while the first is handled");
        assertFalse(second.get("escalations").toString().contains("REPEAT_PETITION"), second.toString());

        JsonNode third = Api.json(api.post("petitions", petition));

        Set<String> linked = new HashSet<>();
        third.get("linkedPetitions").forEach(number -> linked.add(number.asText()));
        assertEquals(Set.of(first.get("registrationNumber").asText(), second.get("registrationNumber").asText()),
                linked);
        JsonNode repeat = null;
        for (JsonNode escalation : third.get("escalations")) {
            if (escalation.get("trigger").asText().equals("REPEAT_PETITION")) {
                repeat = escalation;
            }
        }
        assertNotNull(repeat, third.toString());
        assertEquals("CITY", repeat.get("level").asText());
        assertTrue(repeat.get("reason").asText().contains("第四十条"), repeat.toString());
    }

    /**
     * A case goes only to a unit of the register, of the level it exists at, or to one its rules
     * named: anything else is 400 naming the field and changes nothing. A code is taken as a clerk
     * types it and kept in one form.
     */
    @Test
    @Order(13)
    void aCaseGoesOnlyToAKnownUnitAndTheRegisterListsAPlacesUnits() throws Exception {
        JsonNode nanming = Api.json(api.get("units?division=520102"));
        Map<String, String> kinds = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        nanming.forEach(unit -> kinds.put(unit.get("code").asText(), unit.get("kind").asText()));
        nanming.forEach(unit -> names.put(unit.get("code").asText(), unit.get("name").asText()));
        assertEquals("DISCIPLINE", kinds.get("520102-JJJCW"));
        assertEquals("COURT", kinds.get("520102-FY"));
        assertFalse(kinds.containsKey("520102-GAT"), "the province's department is not a county's unit");
        assertEquals("南明区公安局", names.get("520102-GAJ"));
        assertEquals(400, api.get("units?division=529999").statusCode());

        String land = Api.json(api.post("petitions", Petitions.petition("LAND_RESOURCES", "宅基地确权",
                "宅基地确权登记迟迟未办。", "520102"))).get("id").asText();
        int audited = Api.json(api.get("petitions/" + land + "/audit")).size();
        for (String unknown : List.of("12345", "520102-GAT", "<script>", "520102-GAJ\u0000", "530102-GAJ",
                "520102-NOBODY", "52-GAJ")) {
            HttpResponse<String> refused = api.step(land, "dispose",
                    Map.of("disposition", "TRANSFER", "unit", unknown, "reason", "属地"));
            assertEquals(400, refused.statusCode(), unknown + ": " + refused.body());
            assertEquals("unit", Api.json(refused).at("/violations/0/field").asText(), refused.body());
        }
        JsonNode unchanged = Api.json(api.get("petitions/" + land));
        assertEquals("REGISTERED", unchanged.get("status").asText());
        assertEquals(audited, Api.json(api.get("petitions/" + land + "/audit")).size(), "nothing was recorded");

        JsonNode transferred = Api.json(api.step(land, "dispose",
                Map.of("disposition", "TRANSFER", "unit", " 520102-zrzyj ", "reason", "属地")));
        assertEquals("520102-ZRZYJ", transferred.at("/handling/unit").asText(), transferred.toString());
        assertEquals(200, api.as(Account.NANMING_LAND).get("petitions/" + land).statusCode(),
                "the unit's own account reads the case given to it as a clerk typed its code");
    }

    @Test
    @Order(14)
    void theLogHasNoError() throws Exception {
        assertEquals(List.of(), karaf.loggedErrors());
    }

    private static JsonNode act(String action, Object body, String version) throws Exception {
        return act(Account.OPERATOR, action, body, version);
    }

    private static JsonNode act(Account account, String action, Object body, String version) throws Exception {
        HttpResponse<String> response = api.as(account).post("petitions/" + id + "/" + action, body == null ? "{}" : Petitions.json(body),
                "If-Match", "\"" + version + "\"");
        assertEquals(200, response.statusCode(), action + ": " + response.body());
        assertEquals("\"" + (Integer.parseInt(version) + 1) + "\"", response.headers().firstValue("ETag").orElseThrow());
        return Api.json(response);
    }

    private static boolean pending(JsonNode petition, String kind) {
        JsonNode deadline = deadline(petition, kind);
        return deadline != null && deadline.get("metAt").isNull();
    }

    /** The latest deadline of that kind. */
    private static JsonNode deadline(JsonNode petition, String kind) {
        JsonNode found = null;
        for (JsonNode deadline : petition.get("deadlines")) {
            if (deadline.get("kind").asText().equals(kind)) {
                found = deadline;
            }
        }
        return found;
    }

    private static boolean listed(String query, String petitionId) throws Exception {
        return find(Api.json(api.get(query)), petitionId) != null;
    }

    private static JsonNode find(JsonNode page, String petitionId) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asText().equals(petitionId)) {
                return item;
            }
        }
        return null;
    }

    @Test
    @Order(99)
    void anAdministratorRotatesThePersonalDataKeyWhileEverythingStaysReadable() throws Exception {
        String before = Api.json(api.post("petitions/" + id + "/disclose", Map.of("purpose", "密钥轮换前核对")))
                .at("/petitioners/0/residentId").asText();
        Path keyFile = karaf.home().resolve("etc/reception-pii.keys");
        String first = currentKey(Files.readString(keyFile));
        String rotated = karaf.shell("reception:rotate-personal-data-key");
        String second = currentKey(Files.readString(keyFile));
        assertTrue(second.matches("k[0-9a-f]{16}") && !second.equals(first), first + " then " + second);
        assertTrue(rotated.contains("Key " + second + " is current"), rotated);
        assertTrue(rotated.contains("No stored value needs " + first), rotated);
        assertEquals(before, Api.json(api.post("petitions/" + id + "/disclose", Map.of("purpose", "密钥轮换后核对")))
                .at("/petitioners/0/residentId").asText(), "sealed again, read the same");
        JsonNode registered = Api.json(api.post("petitions", Petitions.petition("HEALTH", "轮换后登记", "医院收费不合理。",
                "520102")));
        assertTrue(registered.has("registrationNumber"), "intake goes on under the new key");
    }

    private static String currentKey(String keyFile) {
        return keyFile.lines().filter(line -> line.startsWith("current = ")).map(line -> line.substring(10).strip())
                .findFirst().orElseThrow();
    }

    @Test
    @Order(100)
    void theDatabaseFilesHoldNoPlaintextIdentityNumberOrPhone() throws Exception {
        karaf.stop();
        byte[][] secrets = {Petitions.ZHANG_ID.getBytes(StandardCharsets.US_ASCII),
                "13800000000".getBytes(StandardCharsets.US_ASCII)};
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(karaf.database())) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] secret : secrets) {
                    if (indexOf(content, secret) >= 0) {
                        found.add(file + ": " + new String(secret, StandardCharsets.US_ASCII));
                    }
                }
            }
        }
        assertEquals(List.of(), found, "plaintext personal data in the database's files");
    }

    private static int indexOf(byte[] content, byte[] secret) {
        outer:
        for (int i = 0; i <= content.length - secret.length; i++) {
            for (int j = 0; j < secret.length; j++) {
                if (content[i + j] != secret[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The escalation the rules raise for an overdue case, once the deadline watch has put it to them. */
    private static JsonNode awaitEscalation(String petition, String trigger) throws Exception {
        return Eventually.value(() -> {
            for (JsonNode escalation : Api.json(api.get("petitions/" + petition)).get("escalations")) {
                if (trigger.equals(escalation.get("trigger").asText())) {
                    return escalation;
                }
            }
            return null;
        }, "a " + trigger + " escalation of " + petition);
    }

    /** Shifts the platform's clock and waits until the platform runs on it. */
    private static void moveClock(Duration offset) throws Exception {
        Instant target = Instant.now().plus(offset).minusSeconds(60);
        karaf.configure("org.reception.clock", "offset = " + offset + "\n");
        Eventually.until(() -> Instant.parse(Api.json(api.get("clock")).get("now").asText()).isAfter(target),
                "the platform's clock moved by " + offset);
    }

    /** Waits for the deadline watch to raise the event; it scans every second in this test. */
    private static void awaitEvent(String petitionId, String kind, String deadlineKind) throws Exception {
        Eventually.until(() -> {
            for (JsonNode event : Api.json(api.get("events?after=0&limit=1000"))) {
                if (event.get("petitionId").asText().equals(petitionId) && event.get("kind").asText().equals(kind)
                        && event.get("deadline").asText().equals(deadlineKind)) {
                    return true;
                }
            }
            return false;
        }, "a " + kind + " event of " + petitionId + " for " + deadlineKind);
    }
}
