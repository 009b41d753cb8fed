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
    private static final List<String> NAMES = List.of("registered", "people", "groupVisits", "groupVisitPeople",
            "accusations", "confidential", "accepted", "transferred", "assigned", "redirected", "notAccepted",
            "disposed", "disposedOnTime", "disposedOnTimeRate", "handled", "handledOnTime", "handledOnTimeRate",
            "overdue", "replied", "evaluated", "evaluationRate", "satisfied", "satisfactionRate");

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
        from = startDay.minusDays(30);
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
        // The period before: forty days before the start.
        EARLIER.add(register(NANMING, "ONLINE", "APPEAL", 1, 24 * 40, null));
        String late = register(YUNYAN, "ONLINE", "APPEAL", 1, 24 * 41, null);
        EARLIER.add(late);
        dispose(late, "ACCEPT", "520103-ZRZYJ");
        CASES.removeAll(EARLIER);
    }

    private static String register(String county, String channel, String type, int size, int hoursAgo,
                                   List<String> accused) throws Exception {
        return register(county, channel, type, size, hoursAgo, accused, false);
    }

    private static String register(String county, String channel, String type, int size, int hoursAgo,
                                   List<String> accused, boolean confidential) throws Exception {
        int n = CASES.size() + EARLIER.size() + 1;
        Map<String, Object> petition = Petitions.petition(accused == null ? "LAND_RESOURCES" : "PUBLIC_SECURITY",
                "统计测试事项第" + n + "号", "第" + n + "号事项：" + "甲乙丙丁戊己庚辛".repeat(n % 5 + 1) + n, county);
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
        HttpResponse<String> created = api.post("petitions", petition);
        assertEquals(201, created.statusCode(), created.body());
        String id = Api.json(created).get("id").asText();
        CASES.add(id);
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
        long registered = of.size();
        long people = 0;
        long groupVisits = 0;
        long groupVisitPeople = 0;
        long accusations = 0;
        long confidential = 0;
        Map<String, Long> dispositions = new TreeMap<>();
        long disposed = 0;
        long disposedOnTime = 0;
        long handled = 0;
        long handledOnTime = 0;
        long overdue = 0;
        long replied = 0;
        long evaluated = 0;
        long satisfied = 0;
        for (JsonNode one : of) {
            int size = one.get("petitioners").size();
            people += size;
            if (one.get("channel").asText().equals("VISIT") && size > 5) {
                groupVisits++;
                groupVisitPeople += size;
            }
            boolean accusation = one.get("type").asText().equals("ACCUSATION");
            accusations += accusation ? 1 : 0;
            confidential += accusation || one.get("confidential").asBoolean()
                    || one.at("/confidentiality/identityHidden").asBoolean() ? 1 : 0;
            dispositions.merge(one.at("/handling/disposition").asText(""), 1L, Long::sum);
            JsonNode dispose = lastMet(one, "DISPOSE");
            if (dispose != null) {
                disposed++;
                disposedOnTime += onTime(dispose) ? 1 : 0;
            }
            JsonNode handle = lastMet(one, "HANDLE");
            if (handle != null) {
                handled++;
                handledOnTime += onTime(handle) ? 1 : 0;
            }
            boolean late = false;
            for (JsonNode deadline : one.get("deadlines")) {
                late |= !deadline.path("metAt").isTextual() && !PETITIONERS_WINDOWS.contains(deadline.get("kind").asText())
                        && LocalDate.parse(deadline.get("due").asText()).isBefore(today);
            }
            overdue += late ? 1 : 0;
            replied += one.at("/handling/repliedAt").isTextual() ? 1 : 0;
            String satisfaction = one.at("/handling/satisfaction").asText("");
            evaluated += satisfaction.isEmpty() ? 0 : 1;
            satisfied += satisfaction.equals("SATISFIED") || satisfaction.equals("BASICALLY_SATISFIED") ? 1 : 0;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("registered", registered);
        figures.put("people", people);
        figures.put("groupVisits", groupVisits);
        figures.put("groupVisitPeople", groupVisitPeople);
        figures.put("accusations", accusations);
        figures.put("confidential", confidential);
        figures.put("accepted", dispositions.getOrDefault("ACCEPT", 0L));
        figures.put("transferred", dispositions.getOrDefault("TRANSFER", 0L));
        figures.put("assigned", dispositions.getOrDefault("ASSIGN", 0L));
        figures.put("redirected", dispositions.getOrDefault("REDIRECT", 0L));
        figures.put("notAccepted", dispositions.getOrDefault("NOT_ACCEPT", 0L));
        figures.put("disposed", disposed);
        figures.put("disposedOnTime", disposedOnTime);
        figures.put("disposedOnTimeRate", rate(disposedOnTime, disposed));
        figures.put("handled", handled);
        figures.put("handledOnTime", handledOnTime);
        figures.put("handledOnTimeRate", rate(handledOnTime, handled));
        figures.put("overdue", overdue);
        figures.put("replied", replied);
        figures.put("evaluated", evaluated);
        figures.put("evaluationRate", rate(evaluated, replied));
        figures.put("satisfied", satisfied);
        figures.put("satisfactionRate", rate(satisfied, evaluated));
        return figures;
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
        assertEquals(26, cases.size());
        JsonNode answer = statistics(Account.AUDITOR, "jurisdiction=52&" + period() + "&by=division");
        Map<String, Object> all = expected(cases);
        assertFigures(all, answer.get("total"), "the province's total");
        // What this test did, figure by figure, besides what the cases say.
        assertEquals(2L, all.get("groupVisits"));
        assertEquals(15L, all.get("groupVisitPeople"));
        assertEquals(2L, all.get("accusations"));
        assertEquals(2L, all.get("redirected"));
        assertEquals(2L, all.get("notAccepted"));
        assertEquals(8L, all.get("replied"));
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
        assertEquals(1, only(guiyang, keptFromNanmingPolice).size());
        // A member of Nanming's police who supervises Guiyang counts Guiyang less the accusation of his unit.
        JsonNode chief = statistics(Account.NANMING_POLICE_CHIEF, "jurisdiction=5201&" + period() + "&by=division");
        List<JsonNode> seen = only(guiyang, keptFromNanmingPolice.negate());
        assertRows(rows(seen, one -> one.get("jurisdiction").asText()), chief, "the police chief");
        assertEquals(guiyang.size() - 1, chief.at("/total/registered").asInt());
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
        Map<String, String> rates = Map.of("disposedOnTimeRate", "disposed,disposedOnTime",
                "handledOnTimeRate", "handled,handledOnTime", "evaluationRate", "replied,evaluated",
                "satisfactionRate", "evaluated,satisfied");
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
}
