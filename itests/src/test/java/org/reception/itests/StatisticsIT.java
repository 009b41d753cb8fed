package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The statistics end to end: cases of two counties of Guiyang and one of Zunyi are registered and
 * carried through the procedure over HTTP, the platform's clock is moved on so that some become
 * overdue, and every figure the platform answers is compared with the figures this test computes
 * itself from the cases as they read back, by the definitions of docs/analysis.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsIT {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final String NANMING = "520102";
    private static final String YUNYAN = "520103";
    private static final String HONGHUAGANG = "520302";
    private static final Set<String> PETITIONERS_WINDOWS = Set.of("REQUEST_REVIEW", "REQUEST_RE_REVIEW");
    private static final String HUICHUAN = "520303";
    private static final List<String> NAMES = List.of("registered", "people", "groupVisits", "groupVisitPeople",
            "accusations", "confidential", "repeats", "repeatRate", "filedAboveLevel", "accepted", "transferred", "assigned", "redirected",
            "redirectedToLitigation", "redirectedToDisciplineSupervision", "redirectedToArbitration",
            "redirectedToAdministrativeReconsideration", "notAccepted", "disposed", "disposedOnTime", "disposedOnTimeRate", "handled", "handledOnTime",
            "handledOnTimeRate", "overdue", "dueSoon", "replied", "evaluated", "evaluationRate", "satisfied",
            "satisfactionRate", "reviews", "reviewRate", "reviewsAnswered", "reviewsAnsweredOnTime", "reviewOnTimeRate",
            "reReviews", "reReviewRate", "reReviewsAnswered", "reReviewsAnsweredOnTime", "reReviewOnTimeRate",
            "supervisions", "supervisionsResolved", "supervisionsResolvedOnTime", "supervisionOnTimeRate", "escalated");
    /** What the many cases of three months did, counted as the test did it. */
    private static final Map<String, Long> DONE = new TreeMap<>();
    /** The first petitioner of each case, as registered. */
    private static final Map<String, Map<String, Object>> PERSONS = new java.util.HashMap<>();

    private static KarafInstance karaf;
    private static Api api;
    private static Instant start;
    private static LocalDate from;
    private static LocalDate to;
    private static int people;
    /** The ids of the cases of the period asked for, and of the period before. */
    private static final List<String> CASES = new ArrayList<>();
    private static final List<String> EARLIER = new ArrayList<>();
    /** Every case as the operator reads it back, after the clock moved. */
    private static List<JsonNode> cases;
    private static List<JsonNode> earlier;
    private static LocalDate today;

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("statistics");
        karaf.start();
        api = new Api(karaf);
        start = Instant.parse(Api.json(api.get("clock")).get("now").asText());
        LocalDate startDay = start.atZone(CST).toLocalDate();
        // Three months: the hand-made cases of the last weeks and the many cases spread over the months.
        from = startDay.minusDays(90);
        to = startDay;
        carry();
        // Twenty days on: what was registered or transferred and left is overdue now.
        moveClock(Duration.ofDays(20));
        today = LocalDate.parse(Api.json(api.get("clock")).get("today").asText());
        cases = read(CASES);
        earlier = read(EARLIER);
    }

    @AfterAll
    static void shutDown() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    /** A few dozen cases, through every disposition. */
    private static void carry() throws Exception {
        // Nanming
        replied(register(NANMING, "ONLINE", "APPEAL", 1, 3, null), "ACCEPT", "520102-ZRZYJ", "SATISFIED");
        replied(register(NANMING, "LETTER", "APPEAL", 1, 5, null), "TRANSFER", "520102-ZRZYJ", "BASICALLY_SATISFIED");
        replied(register(NANMING, "PHONE", "APPEAL", 1, 6, null), "ASSIGN", "520102-NYNCJ", "DISSATISFIED");
        String groupVisit = register(NANMING, "VISIT", "APPEAL", 8, 7, null);
        dispose(groupVisit, "ACCEPT", "520102-ZRZYJ");
        ok(api.step(groupVisit, "extend", Map.of("days", 30, "reason", "涉及多个部门")));
        ok(api.step(groupVisit, "reply", Map.of("text", "已答复")));
        dispose(register(NANMING, "ONLINE", "APPEAL", 1, 8, null), "REDIRECT", null);
        String accusation = register(NANMING, "LETTER", "ACCUSATION", 1, 9, List.of("南明区公安局城南派出所"));
        dispose(accusation, "TRANSFER", Api.json(api.get("petitions/" + accusation)).at("/routing/unitCode").asText());
        dispose(register(NANMING, "ONLINE", "SUGGESTION", 1, 10, null), "NOT_ACCEPT", null);
        replied(register(NANMING, "ONLINE", "APPEAL", 1, 11, null), "ACCEPT", "520102-GAJ", "SATISFIED");
        // Received twenty days before: disposed after its fifteen days.
        dispose(register(NANMING, "LETTER", "APPEAL", 1, 24 * 20, null), "ACCEPT", "520102-GAJ");
        // Received eighteen days before and left: overdue already.
        register(NANMING, "ONLINE", "APPEAL", 1, 24 * 18, null);
        String confidential = register(NANMING, "ONLINE", "APPEAL", 1, 12, null, true);
        dispose(confidential, "ACCEPT", "520102-ZRZYJ");
        for (int i = 0; i < 3; i++) {
            dispose(register(NANMING, "ONLINE", "APPEAL", 1, 13 + i, null), "ACCEPT", "520102-ZRZYJ");
        }
        // Yunyan
        replied(register(YUNYAN, "ONLINE", "APPEAL", 1, 3, null), "ACCEPT", "520103-ZRZYJ", "SATISFIED");
        String transferred = register(YUNYAN, "VISIT", "APPEAL", 3, 4, null);
        dispose(transferred, "TRANSFER", "520103-GAJ");
        dispose(register(YUNYAN, "ONLINE", "APPEAL", 1, 5, null), "REDIRECT", null);
        dispose(register(YUNYAN, "ONLINE", "APPEAL", 1, 6, null), "NOT_ACCEPT", null);
        register(YUNYAN, "ONLINE", "APPEAL", 1, 7, null);
        // Honghuagang, of Zunyi
        replied(register(HONGHUAGANG, "ONLINE", "APPEAL", 1, 3, null), "ACCEPT", "520302-ZRZYJ", "SATISFIED");
        String zunyiVisit = register(HONGHUAGANG, "VISIT", "APPEAL", 7, 4, null);
        dispose(zunyiVisit, "ASSIGN", "520302-ZRZYJ");
        ok(api.step(zunyiVisit, "accept", Map.of()));
        replied(register(HONGHUAGANG, "LETTER", "APPEAL", 1, 5, null), "TRANSFER", "520302-GAJ", "BASICALLY_SATISFIED");
        String zunyiAccusation = register(HONGHUAGANG, "LETTER", "ACCUSATION", 1, 6, List.of("红花岗区公安局"));
        dispose(zunyiAccusation, "TRANSFER",
                Api.json(api.get("petitions/" + zunyiAccusation)).at("/routing/unitCode").asText());
        for (int i = 0; i < 3; i++) {
            register(HONGHUAGANG, "PHONE", "CONSULTATION", 1, 7 + i, null);
        }
        carryMany();
        // The period before: a hundred days before the start.
        EARLIER.add(register(NANMING, "ONLINE", "APPEAL", 1, 24 * 100, null));
        String late = register(YUNYAN, "ONLINE", "APPEAL", 1, 24 * 101, null);
        EARLIER.add(late);
        dispose(late, "ACCEPT", "520103-ZRZYJ");
        CASES.removeAll(EARLIER);
    }

    /**
     * Three hundred cases over the three months, in four counties of two cities, each carried a way
     * of its own: left, replied and reviewed (some re-reviewed), extended, redirected, supervised,
     * raised again by the same person, assigned, not accepted, group visits, accusations.
     */
    private static void carryMany() throws Exception {
        List<String> counties = List.of(NANMING, YUNYAN, HONGHUAGANG, HUICHUAN);
        for (int i = 0; i < 300; i++) {
            // Ten cases in a row to one county, each carried its own way; the counties in turn.
            String county = counties.get((i / 10) % 4);
            int hoursAgo = 24 * 22 + (i * 37) % (24 * 66);
            String unit = county + "-ZRZYJ";
            switch (i % 10) {
                case 0 -> {
                    // Registered at the county's own center, not above it.
                    Account clerk = county.equals(NANMING) ? Account.NANMING_CLERK
                            : county.equals(YUNYAN) ? Account.YUNYAN_CLERK : Account.OPERATOR;
                    done("left", register(clerk, county, "LETTER", "APPEAL", 1, hoursAgo, null, false));
                    if (clerk != Account.OPERATOR) {
                        done("atTheCounty", null);
                    }
                }
                case 1 -> {
                    String id = register(county, "ONLINE", "APPEAL", 1, hoursAgo, null);
                    replied(id, "ACCEPT", unit, i % 20 == 1 ? "DISSATISFIED" : "SATISFIED");
                    ok(api.step(id, "request-review", Map.of("reason", "对处理意见不服")));
                    // The city answers the review of a county's unit; the province the re-review (Art. 35, 36).
                    Account city = county.startsWith("5201") ? Account.GUIYANG_SUPERVISOR : Account.ZUNYI_SUPERVISOR;
                    ok(api.as(city).step(id, "answer-review", Map.of("text", "维持原处理意见")));
                    done("reviewed", id);
                    if (i % 20 == 1) {
                        ok(api.step(id, "request-re-review", Map.of("reason", "仍不服")));
                        ok(api.step(id, "answer-re-review", Map.of("text", "维持复查意见")));
                        done("reReviewed", id);
                    }
                }
                case 2 -> {
                    String id = register(county, "PHONE", "APPEAL", 1, hoursAgo, null);
                    dispose(id, "TRANSFER", unit);
                    ok(api.step(id, "accept", Map.of()));
                    ok(api.step(id, "extend", Map.of("days", 30, "reason", "情况复杂")));
                    ok(api.step(id, "reply", Map.of("text", "已办结")));
                    done("extended", id);
                }
                case 3 -> {
                    // Each statutory channel in turn (Art. 31), and once in five none named.
                    String id = register(county, "ONLINE", "APPEAL", 1, hoursAgo, null);
                    String channel = List.of("LITIGATION", "DISCIPLINE_SUPERVISION", "ARBITRATION",
                            "ADMINISTRATIVE_RECONSIDERATION", "").get((i / 10) % 5);
                    Map<String, Object> body = new LinkedHashMap<>(Map.of("disposition", "REDIRECT",
                            "reason", "属法定途径，请依法申请"));
                    if (!channel.isEmpty()) {
                        body.put("redirectTo", channel);
                        done("redirectedTo" + channel, id);
                    }
                    ok(api.step(id, "dispose", body));
                    done("redirected", id);
                }
                case 4 -> {
                    String id = register(county, "ONLINE", "APPEAL", 1, hoursAgo, null);
                    dispose(id, "ACCEPT", unit);
                    ok(api.step(id, "supervise", Map.of("order", "请加快办理",
                            "due", start.atZone(CST).toLocalDate().plusDays(10).toString())));
                    if (i % 20 == 4) {
                        long supervision = Api.json(api.get("petitions/" + id)).at("/supervisions/0/id").asLong();
                        ok(api.step(id, "supervisions/" + supervision + "/resolve", Map.of("outcome", "已整改")));
                        done("supervisionsResolved", id);
                    }
                    done("supervised", id);
                }
                case 5 -> {
                    // The same person on the same matter again while it is handled: refused and linked.
                    String first = register(county, "ONLINE", "APPEAL", 1, hoursAgo, null);
                    dispose(first, "ACCEPT", unit);
                    String again = registerAgain(first, hoursAgo - 24);
                    done("repeats", again);
                }
                case 6 -> {
                    String id = register(county, "ONLINE", "SUGGESTION", 1, hoursAgo, null);
                    dispose(id, "ASSIGN", unit);
                    ok(api.step(id, "accept", Map.of()));
                    done("assigned", id);
                }
                case 7 -> {
                    String id = register(county, "LETTER", "CONSULTATION", 1, hoursAgo, null);
                    dispose(id, "NOT_ACCEPT", null);
                    done("notAccepted", id);
                }
                case 8 -> {
                    String id = register(county, "VISIT", "APPEAL", 6 + i % 3, hoursAgo, null);
                    dispose(id, "ACCEPT", unit);
                    done("groupVisits", id);
                    DONE.merge("groupVisitPeople", 6L + i % 3, Long::sum);
                }
                default -> {
                    // Every other tenth case: an accusation against Nanming's traffic police.
                    boolean accusation = (i / 10) % 2 == 0;
                    String id = accusation
                            ? register(NANMING, "LETTER", "ACCUSATION", 1, hoursAgo, List.of("南明区公安局交警大队"))
                            : register(county, "ONLINE", "APPEAL", 1, hoursAgo, null);
                    dispose(id, "TRANSFER", Api.json(api.get("petitions/" + id)).at("/routing/unitCode").asText());
                    done(accusation ? "accusations" : "transferred", id);
                }
            }
        }
    }

    private static void done(String what, String id) {
        DONE.merge(what, 1L, Long::sum);
    }

    /** The first case's petitioner again, on its matter (its category, its place), some hours later. */
    private static String registerAgain(String firstId, int hoursAgo) throws Exception {
        JsonNode first = Api.json(api.get("petitions/" + firstId));
        Map<String, Object> petition = Petitions.petition(first.get("category").asText(), "再次反映：" + first.get("title").asText(),
                "此前反映的问题仍未解决。", first.get("jurisdiction").asText());
        petition.put("channel", "ONLINE");
        petition.put("type", "APPEAL");
        petition.put("receivedAt", start.minus(Duration.ofHours(hoursAgo)).toString());
        petition.put("petitioners", List.of(PERSONS.get(firstId)));
        petition.put("linkedPetitions", List.of(first.get("registrationNumber").asText()));
        HttpResponse<String> created = api.post("petitions", petition);
        assertEquals(201, created.statusCode(), created.body());
        String id = Api.json(created).get("id").asText();
        CASES.add(id);
        return id;
    }

    private static String register(String county, String channel, String type, int size, int hoursAgo,
                                   List<String> accused) throws Exception {
        return register(county, channel, type, size, hoursAgo, accused, false);
    }

    private static String register(String county, String channel, String type, int size, int hoursAgo,
                                   List<String> accused, boolean confidential) throws Exception {
        return register(Account.OPERATOR, county, channel, type, size, hoursAgo, accused, confidential);
    }

    private static String register(Account clerk, String county, String channel, String type, int size, int hoursAgo,
                                   List<String> accused, boolean confidential) throws Exception {
        int n = CASES.size() + EARLIER.size() + 1;
        // An accusation's words are its own: the hot topics of a reader it is kept from never show them.
        Map<String, Object> petition = Petitions.petition(accused == null ? "LAND_RESOURCES" : "PUBLIC_SECURITY",
                (accused == null ? "统计测试事项第" : "检举交警乱罚款第") + n + "号",
                "第" + n + "号事项：" + (accused == null ? "甲乙丙丁戊己庚辛".repeat(n % 5 + 1) : "交警乱罚款，执法人员索要好处") + n,
                county);
        petition.put("channel", channel);
        petition.put("type", type);
        petition.put("receivedAt", start.minus(Duration.ofHours(hoursAgo)).toString());
        petition.put("confidential", confidential);
        if (accused != null) {
            petition.put("accused", accused);
        }
        List<Map<String, Object>> petitioners = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            petitioners.add(Petitions.person("信访人" + people, Petitions.residentId("52010219850101"
                    + String.format("%03d", ++people)), size > 5 && i < 2));
        }
        petition.put("petitioners", petitioners);
        HttpResponse<String> created = api.as(clerk).post("petitions", petition);
        assertEquals(201, created.statusCode(), created.body());
        String id = Api.json(created).get("id").asText();
        CASES.add(id);
        PERSONS.put(id, petitioners.get(0));
        return id;
    }

    private static void dispose(String id, String disposition, String unit) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("disposition", disposition);
        if (unit != null) {
            body.put("unit", unit);
        }
        body.put("reason", disposition.equals("REDIRECT") ? "属诉讼程序，请向人民法院起诉" : "依法处理");
        ok(api.step(id, "dispose", body));
    }

    private static void replied(String id, String disposition, String unit, String satisfaction) throws Exception {
        dispose(id, disposition, unit);
        if (!disposition.equals("ACCEPT")) {
            ok(api.step(id, "accept", Map.of()));
        }
        ok(api.step(id, "reply", Map.of("text", "经核查，已依法处理。")));
        ok(api.step(id, "evaluate", Map.of("satisfaction", satisfaction)));
    }

    private static void ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
    }

    private static List<JsonNode> read(List<String> ids) throws Exception {
        List<JsonNode> read = new ArrayList<>();
        for (String id : ids) {
            read.add(Api.json(api.get("petitions/" + id)));
        }
        return read;
    }

    private static void moveClock(Duration offset) throws Exception {
        Instant target = Instant.now().plus(offset).minusSeconds(60);
        karaf.configure("org.reception.clock", "offset = " + offset + "\n");
        Eventually.until(() -> Instant.parse(Api.json(api.get("clock")).get("now").asText()).isAfter(target),
                "the platform's clock moved by " + offset);
    }

    // ---------------------------------------------------------------- the figures, computed here

    /** The figures of some cases as they read back, by the definitions of docs/analysis.md. */
    static Map<String, Object> expected(List<JsonNode> of) {
        Map<String, Long> n = new LinkedHashMap<>();
        NAMES.stream().filter(name -> !name.endsWith("Rate")).forEach(name -> n.put(name, 0L));
        for (JsonNode one : of) {
            int size = one.get("petitioners").size();
            add(n, "registered", 1);
            add(n, "people", size);
            if (one.get("channel").asText().equals("VISIT") && size > 5) {
                add(n, "groupVisits", 1);
                add(n, "groupVisitPeople", size);
            }
            boolean accusation = one.get("type").asText().equals("ACCUSATION");
            add(n, "accusations", accusation ? 1 : 0);
            add(n, "confidential", accusation || one.get("confidential").asBoolean()
                    || one.at("/confidentiality/identityHidden").asBoolean() ? 1 : 0);
            add(n, "repeats", one.get("linkedPetitions").size() > 0 ? 1 : 0);
            String place = one.get("jurisdiction").asText();
            add(n, "filedAboveLevel", !place.endsWith("00") && one.get("receivedBy").asText().length() < 6 ? 1 : 0);
            String disposition = one.at("/handling/disposition").asText("");
            String redirectedTo = one.at("/handling/redirectedTo").asText("");
            for (String[] channel : new String[][] {{"LITIGATION", "redirectedToLitigation"},
                {"DISCIPLINE_SUPERVISION", "redirectedToDisciplineSupervision"}, {"ARBITRATION", "redirectedToArbitration"},
                {"ADMINISTRATIVE_RECONSIDERATION", "redirectedToAdministrativeReconsideration"}}) {
                add(n, channel[1], disposition.equals("REDIRECT") && redirectedTo.equals(channel[0]) ? 1 : 0);
            }
            for (String[] kind : new String[][] {{"ACCEPT", "accepted"}, {"TRANSFER", "transferred"},
                {"ASSIGN", "assigned"}, {"REDIRECT", "redirected"}, {"NOT_ACCEPT", "notAccepted"}}) {
                add(n, kind[1], disposition.equals(kind[0]) ? 1 : 0);
            }
            met(n, lastMet(one, "DISPOSE"), "disposed", "disposedOnTime");
            met(n, lastMet(one, "HANDLE"), "handled", "handledOnTime");
            LocalDate next = null;
            boolean reviewed = false;
            boolean reReviewed = false;
            for (JsonNode deadline : one.get("deadlines")) {
                String kind = deadline.get("kind").asText();
                reviewed |= kind.equals("ANSWER_REVIEW");
                reReviewed |= kind.equals("ANSWER_RE_REVIEW");
                if (!deadline.path("metAt").isTextual() && !PETITIONERS_WINDOWS.contains(kind)) {
                    LocalDate due = LocalDate.parse(deadline.get("due").asText());
                    next = next == null || due.isBefore(next) ? due : next;
                }
            }
            add(n, "overdue", next != null && next.isBefore(today) ? 1 : 0);
            add(n, "dueSoon", next != null && !next.isBefore(today) && !next.isAfter(today.plusDays(3)) ? 1 : 0);
            add(n, "replied", one.at("/handling/repliedAt").isTextual() ? 1 : 0);
            String satisfaction = one.at("/handling/satisfaction").asText("");
            add(n, "evaluated", satisfaction.isEmpty() ? 0 : 1);
            add(n, "satisfied", satisfaction.equals("SATISFIED") || satisfaction.equals("BASICALLY_SATISFIED") ? 1 : 0);
            add(n, "reviews", reviewed ? 1 : 0);
            met(n, lastMet(one, "ANSWER_REVIEW"), "reviewsAnswered", "reviewsAnsweredOnTime");
            add(n, "reReviews", reReviewed ? 1 : 0);
            met(n, lastMet(one, "ANSWER_RE_REVIEW"), "reReviewsAnswered", "reReviewsAnsweredOnTime");
            for (JsonNode supervision : one.get("supervisions")) {
                add(n, "supervisions", 1);
                if (supervision.path("resolvedAt").isTextual()) {
                    add(n, "supervisionsResolved", 1);
                    add(n, "supervisionsResolvedOnTime", !Instant.parse(supervision.get("resolvedAt").asText()).atZone(CST)
                            .toLocalDate().isAfter(LocalDate.parse(supervision.get("due").asText())) ? 1 : 0);
                }
            }
            add(n, "escalated", one.get("escalations").size() > 0 ? 1 : 0);
        }
        Map<String, String[]> rates = Map.of("repeatRate", new String[] {"repeats", "registered"},
                "disposedOnTimeRate", new String[] {"disposedOnTime", "disposed"},
                "handledOnTimeRate", new String[] {"handledOnTime", "handled"},
                "evaluationRate", new String[] {"evaluated", "replied"},
                "satisfactionRate", new String[] {"satisfied", "evaluated"},
                "reviewRate", new String[] {"reviews", "replied"},
                "reviewOnTimeRate", new String[] {"reviewsAnsweredOnTime", "reviewsAnswered"},
                "reReviewRate", new String[] {"reReviews", "reviews"},
                "reReviewOnTimeRate", new String[] {"reReviewsAnsweredOnTime", "reReviewsAnswered"},
                "supervisionOnTimeRate", new String[] {"supervisionsResolvedOnTime", "supervisionsResolved"});
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String name : NAMES) {
            String[] rate = rates.get(name);
            Object value = rate == null ? (Object) n.get(name) : (Object) rate(n.get(rate[0]), n.get(rate[1]));
            figures.put(name, value);
        }
        return figures;
    }

    /** The rates and the counts each is taken over. */
    static final Map<String, String> RATE_COUNTS = Map.of("repeatRate", "repeats,registered",
            "disposedOnTimeRate", "disposed,disposedOnTime", "handledOnTimeRate", "handled,handledOnTime",
            "evaluationRate", "replied,evaluated", "satisfactionRate", "evaluated,satisfied",
            "reviewRate", "reviews,replied", "reviewOnTimeRate", "reviewsAnswered,reviewsAnsweredOnTime",
            "reReviewRate", "reReviews,reviews", "reReviewOnTimeRate", "reReviewsAnswered,reReviewsAnsweredOnTime",
            "supervisionOnTimeRate", "supervisionsResolved,supervisionsResolvedOnTime");

    private static void add(Map<String, Long> counts, String name, long value) {
        counts.merge(name, value, Long::sum);
    }

    private static void met(Map<String, Long> counts, JsonNode deadline, String met, String onTime) {
        if (deadline != null) {
            add(counts, met, 1);
            add(counts, onTime, onTime(deadline) ? 1 : 0);
        }
    }

    private static JsonNode lastMet(JsonNode petition, String kind) {
        JsonNode last = null;
        for (JsonNode deadline : petition.get("deadlines")) {
            if (deadline.get("kind").asText().equals(kind) && deadline.path("metAt").isTextual() && (last == null
                    || Instant.parse(deadline.get("startedAt").asText())
                            .isAfter(Instant.parse(last.get("startedAt").asText())))) {
                last = deadline;
            }
        }
        return last;
    }

    private static boolean onTime(JsonNode deadline) {
        return !Instant.parse(deadline.get("metAt").asText()).atZone(CST).toLocalDate()
                .isAfter(LocalDate.parse(deadline.get("due").asText()));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }

    /** The expected rows: the cases grouped by a key, each group's figures. */
    static Map<String, Map<String, Object>> rows(List<JsonNode> of, Function<JsonNode, String> key) {
        Map<String, List<JsonNode>> groups = new TreeMap<>();
        for (JsonNode one : of) {
            groups.computeIfAbsent(key.apply(one), k -> new ArrayList<>()).add(one);
        }
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        groups.forEach((k, group) -> rows.put(k, expected(group)));
        return rows;
    }

    private static List<JsonNode> only(List<JsonNode> of, Predicate<JsonNode> which) {
        return of.stream().filter(which).toList();
    }

    private static boolean in(JsonNode petition, String prefix) {
        return petition.get("jurisdiction").asText().startsWith(prefix);
    }

    private static String text(Object value) {
        return value == null ? "null" : value.toString();
    }

    private static void assertFigures(Map<String, Object> expected, JsonNode actual, String what) {
        Map<String, String> want = new LinkedHashMap<>();
        Map<String, String> got = new LinkedHashMap<>();
        expected.forEach((name, value) -> want.put(name, text(value)));
        for (Iterator<Map.Entry<String, JsonNode>> it = actual.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> figure = it.next();
            got.put(figure.getKey(), figure.getValue().isNull() ? "null" : figure.getValue().asText());
        }
        assertEquals(want, got, what);
    }

    private static void assertRows(Map<String, Map<String, Object>> expected, JsonNode answer, String what) {
        Map<String, JsonNode> actual = new TreeMap<>();
        answer.get("rows").forEach(row -> actual.put(row.get("key").asText(), row.get("figures")));
        assertEquals(expected.keySet(), actual.keySet(), what + ": the rows");
        expected.forEach((key, figures) -> assertFigures(figures, actual.get(key), what + ", row " + key));
    }

    private static JsonNode statistics(Account account, String query) throws Exception {
        HttpResponse<String> answer = api.as(account).get("statistics?" + query);
        assertEquals(200, answer.statusCode(), answer.body());
        return Api.json(answer);
    }

    private static String period() {
        return "from=" + from + "&to=" + to;
    }

    // ---------------------------------------------------------------- the tests

    @Test
    @Order(1)
    void everyFigureOfTheProvinceEqualsWhatTheCasesSay() throws Exception {
        assertEquals(26 + 300 + DONE.get("repeats"), cases.size());
        JsonNode answer = statistics(Account.AUDITOR, "jurisdiction=52&" + period() + "&by=division");
        Map<String, Object> all = expected(cases);
        assertFigures(all, answer.get("total"), "the province's total");
        // What this test did, figure by figure, besides what the cases say.
        assertEquals(2L + DONE.get("groupVisits"), all.get("groupVisits"));
        assertEquals(15L + DONE.get("groupVisitPeople"), all.get("groupVisitPeople"));
        assertEquals(2L + DONE.get("accusations"), all.get("accusations"));
        assertEquals(2L + DONE.get("redirected"), all.get("redirected"));
        assertEquals(2L + DONE.get("notAccepted") + DONE.get("repeats"), all.get("notAccepted"),
                "a matter raised again while it is handled is not accepted (Art. 19)");
        assertEquals(8L + DONE.get("reviewed") + DONE.get("extended"), all.get("replied"));
        assertEquals(DONE.get("repeats"), all.get("repeats"));
        for (String channel : List.of("LITIGATION", "DISCIPLINE_SUPERVISION", "ARBITRATION", "ADMINISTRATIVE_RECONSIDERATION")) {
            String figure = "redirectedTo" + java.util.Arrays.stream(channel.split("_"))
                    .map(word -> word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT))
                    .reduce("", String::concat);
            assertEquals(DONE.getOrDefault("redirectedTo" + channel, 0L), all.get(figure), figure);
        }
        // Every case but those the counties' clerks registered came in at the province's center.
        assertEquals((long) cases.size() - DONE.get("atTheCounty"), all.get("filedAboveLevel"));
        assertEquals(DONE.get("reviewed"), all.get("reviews"));
        assertEquals(DONE.get("reviewed"), all.get("reviewsAnswered"));
        assertEquals(DONE.get("reReviewed"), all.get("reReviews"));
        assertEquals(DONE.get("supervised"), all.get("supervisions"));
        assertEquals(DONE.get("supervisionsResolved"), all.get("supervisionsResolved"));
        assertTrue((Long) all.get("escalated") >= DONE.get("groupVisits"), "every group visit is escalated: " + all);
        // The escalations raised in the period, by trigger and level, as the cases list them.
        Map<String, Long> raised = new TreeMap<>();
        for (JsonNode one : cases) {
            for (JsonNode escalation : one.get("escalations")) {
                LocalDate day = Instant.parse(escalation.get("raisedAt").asText()).atZone(CST).toLocalDate();
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    raised.merge(escalation.get("trigger").asText() + " " + escalation.get("level").asText(), 1L, Long::sum);
                }
            }
        }
        Map<String, Long> answered = new TreeMap<>();
        answer.get("escalations").forEach(count -> answered.put(count.get("trigger").asText() + " "
                + count.get("level").asText(), count.get("count").asLong()));
        assertEquals(raised, answered, "escalations by trigger and level");
        assertTrue(raised.getOrDefault("GROUP_VISIT CITY", 0L) >= DONE.get("groupVisits"), raised.toString());
        assertTrue((Long) all.get("overdue") >= 4, "left and transferred cases are overdue twenty days on: " + all);
        assertTrue((Long) all.get("disposedOnTime") < (Long) all.get("disposed"), "one was disposed late: " + all);
        assertRows(rows(cases, one -> one.get("jurisdiction").asText().substring(0, 4)), answer, "by city");
        assertFigures(expected(earlier), answer.get("previousTotal"), "the period before");
        assertEquals(from.toString(), answer.get("from").asText());
        assertEquals(from.minusDays(1).toString(), answer.get("previousTo").asText());
        // The same days a year before, when nothing was registered: all zero, rates over nothing.
        assertEquals(from.minusYears(1).toString(), answer.get("lastYearFrom").asText());
        assertEquals(to.minusYears(1).toString(), answer.get("lastYearTo").asText());
        assertFigures(expected(List.of()), answer.get("lastYearTotal"), "the same period a year before");
        assertEquals(today.toString(), answer.get("asOf").asText());
        assertTrue(!answer.toString().contains("信访人") && !answer.toString().contains("13800000000"),
                "no personal data: " + answer);
    }

    @Test
    @Order(2)
    void everyDimensionBreaksTheSameCasesDown() throws Exception {
        Map<String, Function<JsonNode, String>> dimensions = new LinkedHashMap<>();
        dimensions.put("division", one -> one.get("jurisdiction").asText());
        dimensions.put("type", one -> one.get("type").asText());
        dimensions.put("category", one -> one.get("category").asText());
        dimensions.put("channel", one -> one.get("channel").asText());
        dimensions.put("unit", one -> one.at("/handling/unit").asText("NONE").isEmpty() ? "NONE"
                : one.at("/handling/unit").asText("NONE"));
        dimensions.put("status", one -> one.get("status").asText());
        List<JsonNode> guiyang = only(cases, one -> in(one, "5201"));
        for (Map.Entry<String, Function<JsonNode, String>> dimension : dimensions.entrySet()) {
            JsonNode answer = statistics(Account.GUIYANG_SUPERVISOR,
                    "jurisdiction=5201&" + period() + "&by=" + dimension.getKey());
            assertRows(rows(guiyang, dimension.getValue()), answer, "Guiyang by " + dimension.getKey());
        }
        JsonNode month = statistics(Account.OPERATOR, "jurisdiction=520302&period=year&date=" + to + "&by=type");
        assertEquals(to.getYear() + "-01-01", month.get("from").asText());
    }

    @Test
    @Order(3)
    void aCitySupervisorCountsItsOwnCityAlone() throws Exception {
        JsonNode province = statistics(Account.GUIYANG_SUPERVISOR, "jurisdiction=52&" + period());
        assertRows(rows(only(cases, one -> in(one, "5201")), one -> "5201"), province, "Guiyang asking for the province");
        assertFigures(expected(only(cases, one -> in(one, "5201"))), province.get("total"), "Guiyang's total");
        JsonNode other = statistics(Account.ZUNYI_SUPERVISOR, "jurisdiction=5201&" + period());
        assertEquals(0, other.get("rows").size(), other.toString());
        assertEquals(0, other.at("/total/registered").asInt());
        JsonNode zunyi = statistics(Account.ZUNYI_SUPERVISOR, "jurisdiction=52&" + period() + "&by=division");
        assertRows(rows(only(cases, one -> in(one, "5203")), one -> "5203"), zunyi, "Zunyi");
    }

    @Test
    @Order(4)
    void anAccusationKeptFromAUnitNeverCountsForItsAccounts() throws Exception {
        Predicate<JsonNode> keptFromNanmingPolice = one -> one.get("type").asText().equals("ACCUSATION")
                && one.get("accused").toString().contains("南明区公安局");
        List<JsonNode> guiyang = only(cases, one -> in(one, "5201"));
        assertEquals(1 + DONE.get("accusations"), only(guiyang, keptFromNanmingPolice).size());
        // A member of Nanming's police who supervises Guiyang counts Guiyang less the accusation of his unit.
        JsonNode chief = statistics(Account.NANMING_POLICE_CHIEF, "jurisdiction=5201&" + period() + "&by=division");
        List<JsonNode> seen = only(guiyang, keptFromNanmingPolice.negate());
        assertRows(rows(seen, one -> one.get("jurisdiction").asText()), chief, "the police chief");
        assertEquals(guiyang.size() - 1 - DONE.get("accusations"), chief.at("/total/registered").asInt());
        assertEquals(0, chief.at("/total/accusations").asInt());
        // The unit's own account counts its own cases only.
        JsonNode police = statistics(Account.NANMING_POLICE, "jurisdiction=5201&" + period() + "&by=division");
        List<JsonNode> own = only(cases, one -> "520102-GAJ".equals(one.at("/handling/unit").asText()));
        assertEquals(2, own.size());
        assertFigures(expected(own), police.get("total"), "Nanming's police");
    }

    @Test
    @Order(5)
    void smallUnitCellsAreShownAsFewerThanTheMinimumToThoseWhoDoNotOverseeThePlace() throws Exception {
        List<JsonNode> nanming = only(cases, one -> in(one, NANMING));
        JsonNode clerk = statistics(Account.NANMING_CLERK, "jurisdiction=" + NANMING + "&" + period() + "&by=unit");
        Map<String, Map<String, Object>> exact = rows(nanming, one -> one.at("/handling/unit").asText("").isEmpty()
                ? "NONE" : one.at("/handling/unit").asText());
        Map<String, Map<String, Object>> shown = new TreeMap<>();
        exact.forEach((unit, figures) -> shown.put(unit, suppressed(figures)));
        assertRows(shown, clerk, "Nanming's clerk by unit");
        assertTrue(clerk.toString().contains("\"<3\""), clerk.toString());
        assertFigures(expected(nanming), clerk.get("total"), "the clerk's own total is exact");
        JsonNode supervisor = statistics(Account.GUIYANG_SUPERVISOR, "jurisdiction=" + NANMING + "&" + period() + "&by=unit");
        assertRows(exact, supervisor, "Guiyang's supervisor reads Nanming's units exactly");
    }

    /** The figures as a reader who does not oversee the place reads them (docs/analysis.md). */
    private static Map<String, Object> suppressed(Map<String, Object> figures) {
        Map<String, String> rates = RATE_COUNTS;
        Map<String, Object> shown = new LinkedHashMap<>();
        figures.forEach((name, value) -> {
            if (value instanceof Long count && count > 0 && count < 3) {
                shown.put(name, "<3");
            } else {
                shown.put(name, value);
            }
        });
        rates.forEach((rate, of) -> {
            for (String count : of.split(",")) {
                if ("<3".equals(shown.get(count))) {
                    shown.put(rate, null);
                }
            }
        });
        return shown;
    }

    @Test
    @Order(6)
    void theCsvHoldsTheSameNumbers() throws Exception {
        HttpResponse<String> csv = api.as(Account.GUIYANG_SUPERVISOR).get("statistics?jurisdiction=5201&" + period()
                + "&by=division&format=csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(csv.body().startsWith("\uFEFF"), "a byte order mark, so that Excel reads UTF-8");
        String disposition = csv.headers().firstValue("Content-Disposition").orElseThrow();
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertEquals("信访统计_贵阳市_" + from + "_" + to + "_division.csv", URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        List<String> lines = List.of(csv.body().substring(1).split("\r\n"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        assertEquals("division", header.get(0));
        assertEquals(NAMES, header.subList(2, header.size()));
        Map<String, Map<String, Object>> expected = rows(only(cases, one -> in(one, "5201")),
                one -> one.get("jurisdiction").asText());
        expected.put("TOTAL", expected(only(cases, one -> in(one, "5201"))));
        expected.put("PREVIOUS", expected(only(earlier, one -> in(one, "5201"))));
        expected.put("LAST_YEAR", expected(List.of()));
        Map<String, List<String>> actual = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = List.of(line.split(",", -1));
            actual.put(cells.get(0), cells.subList(2, cells.size()));
        }
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((key, figures) -> assertEquals(figures.values().stream()
                .map(value -> value == null ? "" : value.toString()).toList(), actual.get(key), "CSV row " + key));
        assertTrue(csv.body().contains("南明区"), "labels in Chinese");

        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                karaf.api("statistics?jurisdiction=5201&" + period())).header("Accept", "text/csv")
                .header("Authorization", Account.GUIYANG_SUPERVISOR.authorization()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(csv.body(), accepted.body(), "Accept: text/csv answers the same table");

        // The same table as an Excel workbook, read with Excel's own library: numbers as numbers.
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                karaf.api("statistics?jurisdiction=5201&" + period() + "&by=division&format=xlsx"))
                .header("Authorization", Account.GUIYANG_SUPERVISOR.authorization()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Type").orElseThrow().startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        String workbookName = xlsx.headers().firstValue("Content-Disposition").orElseThrow();
        assertEquals("信访统计_贵阳市_" + from + "_" + to + "_division.xlsx", URLDecoder.decode(workbookName.substring(
                workbookName.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length()), StandardCharsets.UTF_8));
        Map<String, List<String>> inWorkbook = new TreeMap<>();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            assertEquals("信访统计", sheet.getSheetName());
            org.apache.poi.ss.usermodel.DataFormatter text = new org.apache.poi.ss.usermodel.DataFormatter();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 2; c < 2 + NAMES.size(); c++) {
                    org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? Double.toString(cell.getNumericCellValue()) : text.formatCellValue(cell));
                }
                inWorkbook.put(row.getCell(0).getStringCellValue(), cells);
            }
        }
        Map<String, List<String>> inCsv = new TreeMap<>();
        actual.forEach((key, cells) -> inCsv.put(key, cells.stream()
                .map(cell -> cell.matches("-?\\d+(\\.\\d+)?") ? Double.toString(Double.parseDouble(cell)) : cell).toList()));
        assertEquals(inCsv, inWorkbook, "the workbook holds the CSV's numbers, as numbers");

        // The escalations are a table of their own: in CSV when asked for, and the workbook's second sheet.
        List<String> escalations = new ArrayList<>(List.of("trigger,level,count"));
        statistics(Account.GUIYANG_SUPERVISOR, "jurisdiction=5201&" + period()).get("escalations").forEach(count ->
                escalations.add(count.get("trigger").asText() + "," + count.get("level").asText() + ","
                        + count.get("count").asLong()));
        assertTrue(escalations.size() > 1, "the group visits were escalated");
        HttpResponse<String> escalationCsv = api.as(Account.GUIYANG_SUPERVISOR).get("statistics?jurisdiction=5201&"
                + period() + "&format=csv&table=escalations");
        assertEquals(200, escalationCsv.statusCode(), escalationCsv.body());
        assertEquals(escalations, List.of(escalationCsv.body().substring(1).split("\r\n")));
        assertEquals("信访统计_贵阳市_" + from + "_" + to + "_escalations.csv", fileName(escalationCsv));
        assertEquals(escalations, sheet(xlsx.body(), "升级").stream().map(cells -> String.join(",", cells)).toList(),
                "the workbook's sheet of escalations");
        HttpResponse<String> unknownTable = api.as(Account.GUIYANG_SUPERVISOR).get("statistics?jurisdiction=5201&"
                + period() + "&format=csv&table=people");
        assertEquals(400, unknownTable.statusCode(), unknownTable.body());
        assertEquals("table", Api.json(unknownTable).at("/violations/0/field").asText());
    }

    /** The name a file is given, in Chinese (RFC 5987's filename*). */
    private static String fileName(HttpResponse<?> file) {
        String disposition = file.headers().firstValue("Content-Disposition").orElseThrow();
        return URLDecoder.decode(disposition.substring(disposition.indexOf("filename*=UTF-8''")
                + "filename*=UTF-8''".length()), StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> download(Account account, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(karaf.api(path))
                .header("Authorization", account.authorization()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A sheet of a workbook, read with Excel's own library: whole numbers as such, other numbers as decimals. */
    private static List<List<String>> sheet(byte[] workbookFile, String name) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(workbookFile))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet(name);
            assertTrue(sheet != null, "a sheet " + name);
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        double value = cell.getNumericCellValue();
                        cells.add(value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value));
                    } else {
                        cells.add(cell.getStringCellValue());
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    @Order(7)
    void badInputIsRefusedNamingTheField() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("jurisdiction=5201&" + period() + "&by=colour", "by");
        refused.put("jurisdiction=5201&from=" + to + "&to=" + from, "to");
        refused.put("jurisdiction=5201&from=2010-01-01&to=2026-03-31", "to");
        refused.put("jurisdiction=9999&" + period(), "jurisdiction");
        refused.put("jurisdiction=52x&" + period(), "jurisdiction");
        refused.put("jurisdiction=5201&from=2026-13-01&to=2026-12-31", "from");
        refused.put("jurisdiction=5201&period=fortnight&date=2026-03-01", "period");
        refused.put("jurisdiction=5201&period=month&date=March", "date");
        refused.put("jurisdiction=5201&" + period() + "&format=pdf", "format");
        for (Map.Entry<String, String> request : refused.entrySet()) {
            HttpResponse<String> answer = api.as(Account.GUIYANG_SUPERVISOR).get("statistics?" + request.getKey());
            assertEquals(400, answer.statusCode(), request.getKey() + ": " + answer.body());
            assertEquals(request.getValue(), Api.json(answer).at("/violations/0/field").asText(),
                    request.getKey() + ": " + answer.body());
        }
        assertEquals(403, api.as(Account.RULE_ADMINISTRATOR).get("statistics?jurisdiction=52&" + period()).statusCode());
        assertEquals(403, api.as(Account.NANMING_SYSTEM).get("statistics?jurisdiction=52&" + period()).statusCode());
    }

    @Test
    @Order(8)
    void theShellPrintsTheSameTable() throws Exception {
        String table = karaf.shell("reception:stats --jurisdiction 5201 --from " + from + " --to " + to + " --by division");
        Map<String, Object> total = expected(only(cases, one -> in(one, "5201")));
        String line = table.lines().filter(l -> l.strip().startsWith("TOTAL")).findFirst().orElseThrow(() ->
                new AssertionError(table));
        List<String> cells = List.of(line.strip().split("\\s*\\|\\s*"));
        assertEquals(total.values().stream().map(value -> value == null ? "-" : value.toString()).toList(),
                cells.subList(cells.size() - NAMES.size(), cells.size()), table);
    }

    @Test
    @Order(9)
    void theRollupTheFiguresComeFromEqualsTheCasesCountedAnew() throws Exception {
        HttpResponse<String> check = api.as(Account.ADMINISTRATOR).get("statistics/rollup");
        assertEquals(200, check.statusCode(), check.body());
        JsonNode answer = Api.json(check);
        assertEquals(0, answer.get("differences").size(), answer.toString());
        assertEquals(cases.size() + earlier.size(), answer.get("cases").asInt(), answer.toString());
        assertEquals(403, api.as(Account.GUIYANG_SUPERVISOR).get("statistics/rollup").statusCode());
        // Counted anew, the same answers: from the cases while it runs, from the rollup after.
        JsonNode before = statistics(Account.AUDITOR, "jurisdiction=52&" + period() + "&by=category");
        HttpResponse<String> recount = api.as(Account.ADMINISTRATOR).post("statistics/rollup/recount", Map.of());
        assertEquals(202, recount.statusCode(), recount.body());
        assertEquals(before.get("rows"), statistics(Account.AUDITOR, "jurisdiction=52&" + period() + "&by=category").get("rows"));
        Eventually.until(() -> Api.json(api.as(Account.ADMINISTRATOR).get("statistics/rollup")).get("cells").asInt() > 0,
                "the rollup counted anew");
        assertEquals(before.get("rows"), statistics(Account.AUDITOR, "jurisdiction=52&" + period() + "&by=category").get("rows"));
    }

    @Test
    @Order(10)
    void theHotTopicsAreThoseOfTheCasesTheReaderMayRead() throws Exception {
        HttpResponse<String> answer = api.as(Account.GUIYANG_SUPERVISOR).get("statistics/topics?jurisdiction=5201&"
                + period() + "&limit=20");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode topics = Api.json(answer);
        List<String> frequent = new ArrayList<>();
        topics.get("frequent").forEach(topic -> frequent.add(topic.get("term").asText()));
        assertTrue(frequent.contains("罚款"), "the accusations' matter is a topic for Guiyang's supervisor: " + frequent);
        JsonNode fine = topics.get("frequent").get(frequent.indexOf("罚款"));
        assertEquals(1 + DONE.get("accusations"), fine.get("count").asLong(), fine.toString());
        assertTrue(fine.get("samples").size() > 0 && fine.toString().contains("520102-"), fine.toString());
        assertTrue(!topics.toString().contains("信访人") && !topics.toString().contains("13800000000"), topics.toString());
        // The chief of the accused police reads no word of them, in no topic and no sample.
        JsonNode chief = Api.json(api.as(Account.NANMING_POLICE_CHIEF).get("statistics/topics?jurisdiction=5201&"
                + period() + "&limit=50"));
        assertTrue(!chief.toString().contains("罚款") && !chief.toString().contains("交警"), chief.toString());
        assertEquals(guiyangCount() - 1 - DONE.get("accusations"), chief.get("petitions").asLong());
        // The center reads the words of the contents; an auditor, who reads no case, the titles' words
        // alone, of three petitions or more, with no sample case.
        JsonNode wide = Api.json(api.as(Account.GUIYANG_SUPERVISOR).get("statistics/topics?jurisdiction=5201&"
                + period() + "&limit=50"));
        assertTrue(wide.toString().contains("\"索要\""), "a word of the accusations' contents: " + wide);
        JsonNode audited = Api.json(api.as(Account.AUDITOR).get("statistics/topics?jurisdiction=5201&"
                + period() + "&limit=50"));
        assertTrue(audited.toString().contains("\"罚款\"") && !audited.toString().contains("索要"), audited.toString());
        for (JsonNode topic : audited.get("frequent")) {
            assertEquals(0, topic.get("samples").size(), topic.toString());
            assertTrue(topic.get("count").asLong() >= 3, topic.toString());
        }
        // Both lists as one table, in CSV and in a workbook: the same words, counts and places as in JSON.
        HttpResponse<String> csv = api.as(Account.GUIYANG_SUPERVISOR).get("statistics/topics?jurisdiction=5201&"
                + period() + "&limit=20&format=csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("热点问题_贵阳市_" + from + "_" + to + ".csv", fileName(csv));
        List<List<String>> table = new ArrayList<>();
        for (String line : csv.body().substring(1).split("\r\n")) {
            table.add(List.of(line.split(",", -1)));
        }
        List<String> header = table.get(0);
        assertEquals(List.of("list", "rank", "term", "count", "previousCount", "growth"), header.subList(0, 6));
        assertTrue(header.contains("南明区(520102)"), header.toString());
        List<List<String>> expected = new ArrayList<>();
        for (String list : List.of("frequent", "rising")) {
            int rank = 0;
            for (JsonNode topic : topics.get(list)) {
                List<String> row = new ArrayList<>(List.of(list, Integer.toString(++rank), topic.get("term").asText(),
                        topic.get("count").asText(), topic.get("previousCount").asText(),
                        topic.get("growth").isNull() ? "" : topic.get("growth").asText()));
                for (String column : header.subList(6, header.size() - 1)) {
                    String code = column.substring(column.indexOf('(') + 1, column.length() - 1);
                    row.add(Long.toString(topic.get("byPlace").path(code).asLong(0)));
                }
                List<String> samples = new ArrayList<>();
                topic.get("samples").forEach(sample -> samples.add(sample.get("registrationNumber").asText()));
                row.add(String.join(" ", samples));
                expected.add(row);
            }
        }
        assertEquals(expected, table.subList(1, table.size()));
        HttpResponse<byte[]> workbook = download(Account.GUIYANG_SUPERVISOR, "statistics/topics?jurisdiction=5201&"
                + period() + "&limit=20&format=xlsx");
        assertEquals(200, workbook.statusCode());
        assertEquals("热点问题_贵阳市_" + from + "_" + to + ".xlsx", fileName(workbook));
        List<List<String>> sheet = sheet(workbook.body(), "热点问题");
        assertEquals(table.size(), sheet.size());
        for (int r = 0; r < table.size(); r++) {
            List<String> written = table.get(r);
            List<String> read = new ArrayList<>(sheet.get(r));
            while (read.size() < written.size()) {
                read.add(""); // a row's empty last cells are not written
            }
            for (int c = 0; c < written.size(); c++) {
                String cell = written.get(c);
                if (cell.matches("-?\\d+(\\.\\d+)?")) {
                    assertEquals(Double.parseDouble(cell), Double.parseDouble(read.get(c)), "row " + r + " column " + c);
                } else {
                    assertEquals(cell, read.get(c), "row " + r + " column " + c);
                }
            }
        }
        // The chief's file holds no word of the accusations either.
        HttpResponse<String> chiefs = api.as(Account.NANMING_POLICE_CHIEF).get("statistics/topics?jurisdiction=5201&"
                + period() + "&limit=50&format=csv");
        assertEquals(200, chiefs.statusCode(), chiefs.body());
        assertTrue(!chiefs.body().contains("罚款") && !chiefs.body().contains("交警"), chiefs.body());
        HttpResponse<String> bad = api.as(Account.GUIYANG_SUPERVISOR).get("statistics/topics?jurisdiction=5201&"
                + period() + "&limit=500");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("limit", Api.json(bad).at("/violations/0/field").asText());
    }

    private static long guiyangCount() {
        return only(cases, one -> in(one, "5201")).size();
    }

    @Test
    @Order(11)
    void aPageOfRowsPastTheLastIsRefused() throws Exception {
        JsonNode first = statistics(Account.AUDITOR, "jurisdiction=52&" + period() + "&by=unit&page=0&size=2");
        assertEquals(2, first.get("rows").size());
        JsonNode all = statistics(Account.AUDITOR, "jurisdiction=52&" + period() + "&by=unit");
        assertEquals(all.get("total"), first.get("total"), "the totals are of every row");
        int pages = (all.get("rows").size() + 1) / 2;
        HttpResponse<String> past = api.as(Account.AUDITOR).get("statistics?jurisdiction=52&" + period()
                + "&by=unit&page=" + pages + "&size=2");
        assertEquals(400, past.statusCode(), past.body());
        assertEquals("page", Api.json(past).at("/violations/0/field").asText());
    }

    @Test
    @Order(12)
    void aMonthsReportIsWrittenKeptAndReadOnlyByThoseWhoReadEveryFigureOfThePlace() throws Exception {
        // A month in the middle of the three: cases of every county in it.
        LocalDate month = to.minusDays(45).withDayOfMonth(1);
        HttpResponse<String> written = api.as(Account.GUIYANG_SUPERVISOR).post("statistics/reports",
                Map.of("jurisdiction", "5201", "period", "month", "date", month.toString()));
        assertEquals(201, written.statusCode(), written.body());
        JsonNode report = Api.json(written);
        String title = "贵阳市信访形势分析报告（" + month.getYear() + "年" + month.getMonthValue() + "月）";
        assertEquals(title, report.get("title").asText());
        assertTrue(written.headers().firstValue("Location").orElseThrow().endsWith("statistics/reports/" + report.get("id")));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                karaf.api("statistics/reports/" + report.get("id").asText()))
                .header("Authorization", Account.AUDITOR.authorization()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        String file = pdf.headers().firstValue("Content-Disposition").orElseThrow();
        assertEquals(title + ".pdf", URLDecoder.decode(file.substring(file.indexOf("filename*=UTF-8''") + 17),
                StandardCharsets.UTF_8));
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "reports",
                karaf.home().getFileName().toString()));
        java.nio.file.Path saved = folder.resolve("report-" + report.get("id").asText() + ".pdf");
        java.nio.file.Files.write(saved, pdf.body());
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            for (String section : List.of(title, "一、总体情况", "二、分地区情况", "三、分类别情况", "四、办理时效",
                    "五、群众满意度", "六、热点问题", "七、下一步工作建议", "南明区", "云岩区")) {
                assertTrue(text.contains(section), section + " in the report:\n" + text);
            }
            // The month's registrations, as the statistics count them, are in its first table.
            JsonNode figures = statistics(Account.GUIYANG_SUPERVISOR, "jurisdiction=5201&period=month&date=" + month);
            assertTrue(text.contains(figures.at("/total/registered").asText()), text);
            // The petitioners are named 信访人1, 信访人2 … here; the report speaks of 信访人 in general only.
            assertTrue(!java.util.regex.Pattern.compile("信访人\\d").matcher(text).find() && !text.contains("13800000000")
                    && !text.contains("520102198501"), "no personal data");
        }
        // Its pages render to images (poppler's pdftoppm), each with ink on it.
        Process render = new ProcessBuilder("pdftoppm", "-png", "-r", "60", saved.toString(),
                folder.resolve("page").toString()).redirectErrorStream(true).start();
        assertEquals(0, render.waitFor(), new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        try (var pages = java.nio.file.Files.list(folder)) {
            List<java.nio.file.Path> images = pages.filter(p -> p.getFileName().toString().startsWith("page")).toList();
            assertTrue(images.size() >= 3, images.toString());
            for (java.nio.file.Path image : images) {
                java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(image.toFile());
                boolean ink = false;
                for (int x = 0; x < read.getWidth() && !ink; x += 3) {
                    for (int y = 0; y < read.getHeight() && !ink; y += 3) {
                        ink = (read.getRGB(x, y) & 0xFF) < 160;
                    }
                }
                assertTrue(ink, image + " has text on it");
            }
        }
        // A member of the accused police who supervises Guiyang reads no report of Guiyang; a clerk none.
        assertEquals(403, api.as(Account.NANMING_POLICE_CHIEF).post("statistics/reports",
                Map.of("jurisdiction", "5201", "period", "month", "date", month.toString())).statusCode());
        assertEquals(404, api.as(Account.NANMING_POLICE_CHIEF).get("statistics/reports/" + report.get("id")).statusCode());
        assertEquals(0, Api.json(api.as(Account.NANMING_POLICE_CHIEF).get("statistics/reports")).size());
        assertEquals(403, api.as(Account.NANMING_CLERK).get("statistics/reports").statusCode());
        assertEquals(404, api.as(Account.ZUNYI_SUPERVISOR).get("statistics/reports/" + report.get("id")).statusCode());
        HttpResponse<String> future = api.as(Account.GUIYANG_SUPERVISOR).post("statistics/reports",
                Map.of("jurisdiction", "5201", "period", "year", "date", to.plusYears(1).toString()));
        assertEquals(400, future.statusCode(), future.body());
        assertEquals("date", Api.json(future).at("/violations/0/field").asText());
    }

    @Test
    @Order(13)
    void theScheduleWritesTheLastMonthsReportOnItsOwn() throws Exception {
        karaf.configure("org.reception.reports", "jurisdictions = 5203\nmonthly = true\nquarterly = false\n"
                + "annual = false\ndaysAfter = 1\ncheckSeconds = 5\n");
        LocalDate last = today.minusDays(1).withDayOfMonth(1).minusMonths(1);
        Eventually.until(() -> Api.json(api.as(Account.ZUNYI_SUPERVISOR).get("statistics/reports?jurisdiction=5203"))
                .findValues("generatedBy").stream().anyMatch(by -> by.asText().equals("schedule")),
                "the schedule wrote Zunyi's report of " + last);
        JsonNode kept = Api.json(api.as(Account.ZUNYI_SUPERVISOR).get("statistics/reports?jurisdiction=5203")).get(0);
        assertEquals("遵义市信访形势分析报告（" + last.getYear() + "年" + last.getMonthValue() + "月）", kept.get("title").asText());
        assertEquals(last.toString(), kept.at("/period/from").asText());
        assertTrue(karaf.shell("reception:report --jurisdiction 5203").contains(kept.get("title").asText()));
    }
}
