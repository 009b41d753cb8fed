package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Who may reach what, over the booted distribution: every account (and nobody) against every
 * endpoint of every face (REST, Open311, SOAP, the example county plugin), on a case of its own
 * county and one of another. The table below is the one statement of the rules; the endpoints
 * themselves are read from the running platform's WADL and WSDL, so an endpoint missing from the
 * table fails the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SOAP = "/api/soap/petitions";
    private static final String LEGACY = "/api/county/520102/legacy";
    private static final String OWN_COUNTY = "520102";
    private static final String OTHER_COUNTY = "520103";
    private static final String ACCUSED_UNIT = "南明区公安局";
    private static final String ACCUSER = "柳如烟";
    private static final String WINDOW_CLERK = "window-clerk";
    private static final String WINDOW_CLERK_PASSWORD = "Window-Clerk-3";
    private static final String ACCUSER_ID = Petitions.residentId("52010219770707123");
    private static final String ACCUSER_PHONE = "13985550123";
    private static final String ACCUSATION_TITLE = "举报城南派出所民警收受财物";
    private static final String ACCUSATION_TEXT = "城南派出所民警多次收受辖区商户财物并为其违规经营提供庇护";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private static KarafInstance karaf;
    private static Api operator;
    private static Case own;
    private static Case other;
    private static Case accusation;

    /** A case of the test: its jurisdiction and the unit it was disposed to. */
    record Case(String id, String number, String jurisdiction, String unit) {
    }

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("security");
        // Room for the matrix's lookups; the last test uses the rest up.
        karaf.configure("org.reception.rest", "receiptLookupsPerMinute = 60\n");
        karaf.configure("org.reception.deadlines", "scanSeconds = 1\ndueSoonDays = 3\n");
        // An account nobody signs in with before the password guesser's test: its sign-in is really checked.
        karaf.addAccount(WINDOW_CLERK, WINDOW_CLERK_PASSWORD, "clerk:520102");
        karaf.start();
        operator = new Api(karaf);
        karaf.shell("feature:install reception-county-nanming");
        Eventually.until(() -> send(Account.OPERATOR, "GET", LEGACY, null, null).statusCode() == 200,
                "the example county plugin's endpoint is published");
        own = disposed(OWN_COUNTY);
        other = disposed(OTHER_COUNTY);
        accusation = accusation();
    }

    @AfterAll
    static void shutDown() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    // ---------------------------------------------------------------- the table

    /** What one account gets from one endpoint on one case. */
    enum Outcome {
        ALLOWED, UNAUTHORIZED, FORBIDDEN, NOT_FOUND
    }

    /** How an endpoint decides: the one statement of the authorization rules in this test. */
    interface Rule {
        Outcome expected(Account account, Case target);
    }

    enum Face {
        REST, OPEN311, PLUGIN, SOAP
    }

    /**
     * One endpoint: its face, method and path as the platform describes it ({@code {}} for each
     * path parameter; the operation name for SOAP), how to call it on a case, and its rule.
     */
    record Endpoint(Face face, String method, String path, Request request, Rule rule, boolean caseScoped) {
        String key() {
            return face + " " + method + " " + path;
        }
    }

    interface Request {
        HttpResponse<String> send(Account account, Case target) throws Exception;
    }

    /** Anyone, signed in or not. */
    static Rule open() {
        return (account, target) -> Outcome.ALLOWED;
    }

    /** Any account. */
    static Rule signedIn() {
        return (account, target) -> account == null ? Outcome.UNAUTHORIZED : Outcome.ALLOWED;
    }

    /** Accounts holding one of the roles, whatever case. */
    static Rule roles(String... roles) {
        return (account, target) -> account == null ? Outcome.UNAUTHORIZED
                : holdsAny(account, roles) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
    }

    /** Accounts that can see the case (the endpoint open to the roles given, or to all if none). */
    static Rule caseRead(String... roles) {
        return (account, target) -> {
            if (account == null) {
                return Outcome.UNAUTHORIZED;
            }
            if (roles.length > 0 && !holdsAny(account, roles)) {
                return Outcome.FORBIDDEN;
            }
            return sees(account, target) ? Outcome.ALLOWED : Outcome.NOT_FOUND;
        };
    }

    /** A step of the procedure: the case must be visible, and one of the roles must reach it. */
    static Rule step(String... roles) {
        return (account, target) -> {
            if (account == null) {
                return Outcome.UNAUTHORIZED;
            }
            if (!sees(account, target)) {
                return Outcome.NOT_FOUND;
            }
            return grants(account).stream().anyMatch(grant -> List.of(roles).contains(grant[0])
                    && reaches(grant, target)) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
        };
    }

    /** Registering a petition of the case's county (or always of Nanming, for Nanming's plugin). */
    static Rule registration(String fixedCounty) {
        return (account, target) -> {
            if (account == null) {
                return Outcome.UNAUTHORIZED;
            }
            String county = fixedCounty != null ? fixedCounty : target.jurisdiction();
            Case place = new Case("", "", county, "");
            return grants(account).stream().anyMatch(grant -> (grant[0].equals("clerk")
                    || grant[0].equals("integration")) && reaches(grant, place)) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
        };
    }

    /** Removing an account that does not exist: administrators learn that (404), nobody else may ask. */
    static Rule adminFindsNothing() {
        return (account, target) -> account == null ? Outcome.UNAUTHORIZED
                : holdsAny(account, "admin") ? Outcome.NOT_FOUND : Outcome.FORBIDDEN;
    }

    /** The audit log: auditors for every case, supervisors and clerks for the cases of their places. */
    static Rule auditLog() {
        return (account, target) -> {
            if (account == null) {
                return Outcome.UNAUTHORIZED;
            }
            if (!holdsAny(account, "auditor", "supervisor", "clerk")) {
                return Outcome.FORBIDDEN;
            }
            return holdsAny(account, "auditor") || grants(account).stream()
                    .anyMatch(grant -> (grant[0].equals("supervisor") || grant[0].equals("clerk")) && reaches(grant, target))
                    ? Outcome.ALLOWED : Outcome.NOT_FOUND;
        };
    }

    /** A case's rule decisions: rule administrators for any case, supervisors for the cases they see. */
    static Rule ruleDecisions() {
        return (account, target) -> {
            if (account == null) {
                return Outcome.UNAUTHORIZED;
            }
            if (!holdsAny(account, "rules-admin", "supervisor")) {
                return Outcome.FORBIDDEN;
            }
            return holdsAny(account, "rules-admin") || sees(account, target) ? Outcome.ALLOWED : Outcome.NOT_FOUND;
        };
    }

    static final List<Endpoint> TABLE = table();

    private static List<Endpoint> table() {
        List<Endpoint> table = new ArrayList<>();
        // REST /api/v1
        rest(table, "GET", "/health", open(), false, (a, c) -> get(a, "/api/v1/health"));
        rest(table, "GET", "/openapi.json", open(), false, (a, c) -> get(a, "/api/v1/openapi.json"));
        rest(table, "GET", "/contracts/county-v1.wsdl", open(), false, (a, c) -> get(a, "/api/v1/contracts/county-v1.wsdl"));
        rest(table, "GET", "/docs", open(), false, (a, c) -> get(a, "/api/v1/docs/"));
        rest(table, "GET", "/docs/{}", open(), false, (a, c) -> get(a, "/api/v1/docs/swagger-initializer.js"));
        rest(table, "GET", "/clock", signedIn(), false, (a, c) -> get(a, "/api/v1/clock"));
        rest(table, "GET", "/units", signedIn(), false, (a, c) -> get(a, "/api/v1/units?division=520102"));
        rest(table, "GET", "/divisions", signedIn(), false, (a, c) -> get(a, "/api/v1/divisions?parent=5201"));
        rest(table, "GET", "/events", roles("supervisor", "admin"), false, (a, c) -> get(a, "/api/v1/events"));
        rest(table, "GET", "/audit/verification", roles("auditor", "admin"), false,
                (a, c) -> get(a, "/api/v1/audit/verification"));
        rest(table, "GET", "/outbox", roles("admin"), false, (a, c) -> get(a, "/api/v1/outbox"));
        rest(table, "GET", "/statistics", roles("clerk", "supervisor", "unit", "auditor", "admin"), false,
                (a, c) -> get(a, "/api/v1/statistics?jurisdiction=52&period=year&date=2026-01-01"));
        rest(table, "GET", "/statistics/topics", roles("clerk", "supervisor", "unit", "auditor", "admin"), false,
                (a, c) -> get(a, "/api/v1/statistics/topics?jurisdiction=52&period=year&date=2026-01-01"));
        rest(table, "GET", "/statistics/rollup", roles("admin"), false, (a, c) -> get(a, "/api/v1/statistics/rollup"));
        rest(table, "GET", "/statistics/reports", roles("supervisor", "auditor", "admin"), false,
                (a, c) -> get(a, "/api/v1/statistics/reports"));
        rest(table, "POST", "/statistics/reports", roles("supervisor", "auditor", "admin"), false,
                (a, c) -> post(a, "/api/v1/statistics/reports", "{\"jurisdiction\":\"52\",\"period\":\"fortnight\"}"));
        rest(table, "GET", "/statistics/reports/{}", roles("supervisor", "auditor", "admin"), false,
                (a, c) -> get(a, "/api/v1/statistics/reports/1"));
        rest(table, "POST", "/statistics/rollup/recount", roles("admin"), false,
                (a, c) -> post(a, "/api/v1/statistics/rollup/recount", ""));
        rest(table, "POST", "/outbox/{}/retry", roles("admin"), false, (a, c) -> post(a, "/api/v1/outbox/1/retry", ""));
        // The desk's sign-in: each account with its own password, the anonymous caller with none (400).
        rest(table, "POST", "/session", open(), false, (a, c) -> post(a, "/api/v1/session", a == null ? "{}"
                : Petitions.json(Map.of("name", a.user(), "password", a.password()))));
        rest(table, "GET", "/session", signedIn(), false, (a, c) -> get(a, "/api/v1/session"));
        rest(table, "DELETE", "/session", signedIn(), false, (a, c) -> send(a, "DELETE", "/api/v1/session", null, null));
        rest(table, "GET", "/accounts", roles("admin"), false, (a, c) -> get(a, "/api/v1/accounts"));
        rest(table, "POST", "/accounts", roles("admin"), false,
                (a, c) -> post(a, "/api/v1/accounts", "{\"name\":\"matrix\",\"password\":\"short\",\"roles\":[]}"));
        rest(table, "POST", "/accounts/{}/roles", roles("admin"), false,
                (a, c) -> post(a, "/api/v1/accounts/auditor/roles", "{\"role\":\"no-such-role\"}"));
        rest(table, "DELETE", "/accounts/{}/roles/{}", roles("admin"), false,
                (a, c) -> send(a, "DELETE", "/api/v1/accounts/auditor/roles/no-such-role", null, null));
        rest(table, "POST", "/accounts/{}/password", roles("admin"), false,
                (a, c) -> post(a, "/api/v1/accounts/auditor/password", "{\"password\":\"short\"}"));
        rest(table, "DELETE", "/accounts/{}", adminFindsNothing(), false,
                (a, c) -> send(a, "DELETE", "/api/v1/accounts/nobody-here", null, null));
        rest(table, "POST", "/receipts/status", open(), false, (a, c) -> post(a, "/api/v1/receipts/status",
                "{\"registrationNumber\":\"" + c.number() + "\",\"queryCode\":\"WRONGCODE2\"}"));
        rest(table, "POST", "/petitions", registration(null), false,
                (a, c) -> post(a, "/api/v1/petitions", Petitions.json(newPetition(c.jurisdiction()))));
        rest(table, "GET", "/petitions", signedIn(), false, (a, c) -> get(a, "/api/v1/petitions?q=" + encode("征地")));
        rest(table, "GET", "/petitions/{}", caseRead(), true, (a, c) -> get(a, "/api/v1/petitions/" + c.id()));
        rest(table, "GET", "/petitions/number/{}", caseRead(), true,
                (a, c) -> get(a, "/api/v1/petitions/number/" + c.number()));
        rest(table, "POST", "/petitions/{}/disclose", caseRead(), true,
                (a, c) -> post(a, "/api/v1/petitions/" + c.id() + "/disclose", "{\"purpose\":\"授权矩阵测试\"}"));
        rest(table, "POST", "/petitions/preview", registration(null), false,
                (a, c) -> post(a, "/api/v1/petitions/preview", Petitions.json(newPetition(c.jurisdiction()))));
        rest(table, "GET", "/petitions/{}/steps", caseRead(), true, (a, c) -> get(a, "/api/v1/petitions/" + c.id() + "/steps"));
        rest(table, "GET", "/petitions/{}/audit", auditLog(), true, (a, c) -> get(a, "/api/v1/petitions/" + c.id() + "/audit"));
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("dispose", "{\"disposition\":\"TRANSFER\",\"unit\":\"%s\",\"reason\":\"主管\"}");
        steps.put("not-the-same-matter", "{\"reason\":\"不是同一事项\"}");
        steps.put("accept", "{}");
        steps.put("object", "{\"reason\":\"不属本单位职责\"}");
        steps.put("extend", "{\"days\":10,\"reason\":\"情况复杂\"}");
        steps.put("reply", "{\"text\":\"已办结\"}");
        steps.put("evaluate", "{\"satisfaction\":\"SATISFIED\"}");
        steps.put("request-review", "{\"reason\":\"不服\"}");
        steps.put("answer-review", "{\"text\":\"维持\"}");
        steps.put("request-re-review", "{\"reason\":\"仍不服\"}");
        steps.put("answer-re-review", "{\"text\":\"维持\"}");
        steps.put("archive", "{}");
        steps.put("supervise", "{\"order\":\"限期办结\",\"due\":\"2027-12-31\"}");
        Map<String, Rule> stepRules = Map.ofEntries(Map.entry("dispose", step("clerk", "supervisor")),
                Map.entry("not-the-same-matter", step("clerk", "supervisor")),
                Map.entry("accept", step("unit", "integration")), Map.entry("object", step("unit", "integration")),
                Map.entry("extend", step("unit", "integration")), Map.entry("reply", step("unit", "integration")),
                Map.entry("evaluate", step("clerk", "integration")), Map.entry("request-review", step("clerk")),
                Map.entry("answer-review", step("supervisor")), Map.entry("request-re-review", step("clerk")),
                Map.entry("answer-re-review", step("supervisor")), Map.entry("archive", step("clerk", "unit")),
                Map.entry("supervise", step("supervisor")));
        // A stale version: a step that passes the access checks is refused as a conflict and changes nothing.
        for (Map.Entry<String, String> action : steps.entrySet()) {
            rest(table, "POST", "/petitions/{}/" + action.getKey(), stepRules.get(action.getKey()), true,
                    (a, c) -> send(a, "POST", "/api/v1/petitions/" + c.id() + "/" + action.getKey(),
                            action.getValue().formatted(c.unit()), "application/json", "If-Match", "\"999\""));
        }
        rest(table, "POST", "/petitions/{}/supervisions/{}/resolve", step("unit", "supervisor"), true,
                (a, c) -> send(a, "POST", "/api/v1/petitions/" + c.id() + "/supervisions/1/resolve",
                        "{\"outcome\":\"已整改\"}", "application/json", "If-Match", "\"999\""));
        rest(table, "GET", "/rules/modules", roles("rules-admin"), false, (a, c) -> get(a, "/api/v1/rules/modules"));
        rest(table, "POST", "/rules/modules", roles("rules-admin"), false,
                (a, c) -> send(a, "POST", "/api/v1/rules/modules", "not a jar", "application/java-archive"));
        rest(table, "GET", "/rules/modules/{}", roles("rules-admin"), false,
                (a, c) -> get(a, "/api/v1/rules/modules/province-base"));
        rest(table, "POST", "/rules/modules/{}/rollback", roles("rules-admin"), false,
                (a, c) -> post(a, "/api/v1/rules/modules/province-base/rollback", ""));
        rest(table, "POST", "/rules/modules/{}/test", roles("rules-admin"), false,
                (a, c) -> post(a, "/api/v1/rules/modules/province-base/test", ""));
        rest(table, "GET", "/rules/rejections", roles("rules-admin"), false, (a, c) -> get(a, "/api/v1/rules/rejections"));
        rest(table, "POST", "/rules/what-if", roles("rules-admin"), false,
                (a, c) -> send(a, "POST", "/api/v1/rules/what-if?cases=5", "not a jar", "application/java-archive"));
        rest(table, "GET", "/rules/explain/{}", ruleDecisions(), true,
                (a, c) -> get(a, "/api/v1/rules/explain/" + c.number()));

        // Open311 GeoReport v2
        add(table, Face.OPEN311, "GET", "/services.{}", open(), false,
                (a, c) -> get(a, "/api/open311/v2/services.json"));
        add(table, Face.OPEN311, "GET", "/services/{}.{}", open(), false,
                (a, c) -> get(a, "/api/open311/v2/services/land_resources.json"));
        add(table, Face.OPEN311, "POST", "/requests.{}", registration(null), false,
                (a, c) -> send(a, "POST", "/api/open311/v2/requests.json", open311Request(c.jurisdiction()),
                        "application/x-www-form-urlencoded"));
        add(table, Face.OPEN311, "GET", "/requests.{}", signedIn(), false,
                (a, c) -> get(a, "/api/open311/v2/requests.json"));
        add(table, Face.OPEN311, "GET", "/requests/{}.{}", caseRead(), true,
                (a, c) -> get(a, "/api/open311/v2/requests/" + c.number() + ".json"));
        add(table, Face.OPEN311, "GET", "/tokens/{}.{}", caseRead(), true,
                (a, c) -> get(a, "/api/open311/v2/tokens/" + c.id() + ".json"));

        // The example county plugin: Nanming's legacy intake
        add(table, Face.PLUGIN, "GET", "/", signedIn(), false, (a, c) -> get(a, LEGACY));
        add(table, Face.PLUGIN, "POST", "/", registration(OWN_COUNTY), false,
                (a, c) -> send(a, "POST", LEGACY, "TYPE=SQ\nCAT=LAND_RESOURCES\nBT=征地补偿\nNR=征地补偿款未到位\nXM=李四\nSFZ="
                        + nextResidentId() + "\nDH=13800000000\n", "text/plain; charset=utf-8"));

        // SOAP, contract-first
        add(table, Face.SOAP, "POST", "SubmitPetition", registration(null), false,
                (a, c) -> soap(a, "SubmitPetition", submission(c.jurisdiction())));
        add(table, Face.SOAP, "POST", "GetPetitionStatus", caseRead(), true,
                (a, c) -> soap(a, "GetPetitionStatus", "<v1:GetPetitionStatusRequest><v1:registrationNumber>"
                        + c.number() + "</v1:registrationNumber></v1:GetPetitionStatusRequest>"));
        add(table, Face.SOAP, "POST", "ReportHandlingResult", step("unit", "integration"), true,
                (a, c) -> soap(a, "ReportHandlingResult", "<v1:ReportHandlingResultRequest><v1:registrationNumber>"
                        + c.number() + "</v1:registrationNumber><v1:expectedVersion>999</v1:expectedVersion>"
                        + "<v1:actor>matrix</v1:actor><v1:reply>已办结</v1:reply></v1:ReportHandlingResultRequest>"));
        add(table, Face.SOAP, "POST", "ReportFeedback", step("clerk", "integration"), true,
                (a, c) -> soap(a, "ReportFeedback", "<v1:ReportFeedbackRequest><v1:registrationNumber>"
                        + c.number() + "</v1:registrationNumber><v1:expectedVersion>999</v1:expectedVersion>"
                        + "<v1:actor>matrix</v1:actor><v1:satisfaction>SATISFIED</v1:satisfaction>"
                        + "</v1:ReportFeedbackRequest>"));
        return table;
    }

    private static void rest(List<Endpoint> table, String method, String path, Rule rule, boolean caseScoped,
                             Request request) {
        add(table, Face.REST, method, path, rule, caseScoped, request);
    }

    private static void add(List<Endpoint> table, Face face, String method, String path, Rule rule,
                            boolean caseScoped, Request request) {
        table.add(new Endpoint(face, method, path, request, rule, caseScoped));
    }

    // ---------------------------------------------------------------- the tests

    @Test
    @Order(1)
    void theTableNamesEveryEndpointThePlatformServes() throws Exception {
        Set<String> served = new TreeSet<>();
        served.addAll(wadl(Face.REST, "/api/v1"));
        served.addAll(wadl(Face.OPEN311, "/api/open311/v2"));
        served.addAll(wadl(Face.PLUGIN, LEGACY));
        HttpResponse<String> wsdl = send(null, "GET", SOAP + "?wsdl", null, null);
        Matcher operation = Pattern.compile("<wsdl:operation name=\"(\\w+)\"").matcher(wsdl.body());
        while (operation.find()) {
            served.add(Face.SOAP + " POST " + operation.group(1));
        }
        Set<String> tabled = new TreeSet<>();
        TABLE.forEach(endpoint -> tabled.add(endpoint.key()));
        assertTrue(served.size() > 40, "the platform describes its endpoints: " + served);
        assertEquals(served, tabled, "every endpoint served is in the table, and only those");
    }

    @Test
    @Order(2)
    void everyAccountReachesExactlyWhatItsRolesAllowOnEveryEndpoint() throws Exception {
        List<Account> callers = new ArrayList<>(List.of(Account.values()));
        callers.add(null);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : TABLE) {
            for (Case target : List.of(own, other)) {
                for (Account account : callers) {
                    Outcome expected = endpoint.rule().expected(account, target);
                    HttpResponse<String> response = endpoint.request().send(account, target);
                    String problem = check(endpoint, expected, response);
                    if (problem != null) {
                        wrong.add(endpoint.key() + " as " + (account == null ? "nobody" : account.user()) + " on "
                                + target.jurisdiction() + ": expected " + expected + ", " + problem);
                    }
                    checked++;
                }
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " of " + checked + " wrong");
    }

    @Test
    @Order(3)
    void anAccountOfOneCountyNeverSeesAnotherCountysCaseInAnyList() throws Exception {
        for (Account nanming : List.of(Account.NANMING_CLERK, Account.NANMING_SYSTEM, Account.NANMING_LAND)) {
            List<String> bodies = List.of(
                    get(nanming, "/api/v1/petitions?size=200").body(),
                    get(nanming, "/api/v1/petitions?jurisdiction=" + OTHER_COUNTY).body(),
                    get(nanming, "/api/v1/petitions?q=" + encode("征地") + "&size=200").body(),
                    get(nanming, "/api/open311/v2/requests.json").body(),
                    get(nanming, "/api/open311/v2/requests.json?service_request_id=" + other.number()).body(),
                    get(nanming, "/api/open311/v2/requests.json?jurisdiction_id=" + OTHER_COUNTY).body());
            for (String body : bodies) {
                assertFalse(body.contains(other.number()) || body.contains(other.id()), nanming + ": " + body);
                assertFalse(body.contains(OTHER_COUNTY + "-"), nanming + " sees Yunyan's cases: " + body);
            }
            JsonNode otherCounty = Api.json(get(nanming, "/api/v1/petitions?jurisdiction=" + OTHER_COUNTY));
            assertEquals(0, otherCounty.get("total").asInt(), nanming + " counts none of Yunyan's cases");
        }
        HttpResponse<String> handOff = send(Account.NANMING_LAND, "POST", "/api/v1/petitions/" + own.id() + "/accept",
                "{\"unit\":\"520102-GAJ\"}", "application/json");
        assertEquals(403, handOff.statusCode(), "a unit cannot pass its case to another by accepting it");
        JsonNode landBureau = Api.json(get(Account.NANMING_LAND, "/api/v1/petitions?size=200"));
        assertEquals(List.of(own.number()), numbers(landBureau), "a unit lists the cases disposed to it");
        assertEquals(1, landBureau.get("total").asInt());
    }

    /**
     * An accusation against officials is transferred to the discipline organ (Art. 22, 30, 31), whose
     * own accounts read it, accuser and text, while the accused unit finds nothing (below).
     */
    @Test
    @Order(3)
    void theDisciplineOrganThatAnAccusationIsTransferredToReadsIt() throws Exception {
        HttpResponse<String> read = get(Account.NANMING_DISCIPLINE, "/api/v1/petitions/" + accusation.id());
        assertEquals(200, read.statusCode(), read.body());
        JsonNode petition = Api.json(read);
        assertEquals("TRANSFER", petition.at("/routing/disposition").asText());
        assertEquals(ACCUSATION_TEXT, petition.get("content").asText());
        assertEquals("TRANSFERRED", petition.get("status").asText());
    }

    @Test
    @Order(4)
    void theAccusedUnitFindsNoTraceOfTheAccusationOnAnyPath() throws Exception {
        Set<String> secrets = Set.of(ACCUSER, ACCUSER.substring(0, 1) + "*", ACCUSER_ID,
                ACCUSER_ID.substring(0, 6) + "********" + ACCUSER_ID.substring(14), ACCUSER_PHONE,
                ACCUSER_PHONE.substring(7), ACCUSATION_TITLE, ACCUSATION_TEXT);
        Case unknown = new Case("00000000-0000-4000-8000-000000000000", OWN_COUNTY + "-2026-999999", OWN_COUNTY,
                accusation.unit());
        // Twenty days on, the accusation is overdue: its event is there for a supervisor to see.
        karaf.configure("org.reception.clock", "offset = P20D\n");
        Eventually.until(() -> get(Account.GUIYANG_SUPERVISOR, "/api/v1/events?after=0&limit=1000").body()
                .contains(accusation.number()), "the accusation's overdue event reaches Guiyang's supervisor");
        for (Account accused : List.of(Account.NANMING_POLICE, Account.NANMING_POLICE_CHIEF)) {
            // Paths that name the case: the answer must be the one for a case that does not exist.
            Map<String, Request> named = new LinkedHashMap<>();
            named.put("get", (a, c) -> get(a, "/api/v1/petitions/" + c.id()));
            named.put("get by number", (a, c) -> get(a, "/api/v1/petitions/number/" + c.number()));
            named.put("disclose", (a, c) -> post(a, "/api/v1/petitions/" + c.id() + "/disclose", "{\"purpose\":\"核查\"}"));
            named.put("audit", (a, c) -> get(a, "/api/v1/petitions/" + c.id() + "/audit"));
            named.put("explain", (a, c) -> get(a, "/api/v1/rules/explain/" + c.number()));
            named.put("step", (a, c) -> send(a, "POST", "/api/v1/petitions/" + c.id() + "/reply",
                    "{\"text\":\"查无此事\"}", "application/json"));
            named.put("open311 by id", (a, c) -> get(a, "/api/open311/v2/requests.json?service_request_id=" + c.number()));
            named.put("open311 request", (a, c) -> get(a, "/api/open311/v2/requests/" + c.number() + ".json"));
            named.put("open311 token", (a, c) -> get(a, "/api/open311/v2/tokens/" + c.id() + ".json"));
            named.put("soap status", (a, c) -> soap(a, "GetPetitionStatus", "<v1:GetPetitionStatusRequest>"
                    + "<v1:registrationNumber>" + c.number() + "</v1:registrationNumber></v1:GetPetitionStatusRequest>"));
            named.put("soap report", (a, c) -> soap(a, "ReportHandlingResult", "<v1:ReportHandlingResultRequest>"
                    + "<v1:registrationNumber>" + c.number() + "</v1:registrationNumber>"
                    + "<v1:actor>x</v1:actor><v1:reply>查无此事</v1:reply></v1:ReportHandlingResultRequest>"));
            for (Map.Entry<String, Request> path : named.entrySet()) {
                HttpResponse<String> real = path.getValue().send(accused, accusation);
                HttpResponse<String> none = path.getValue().send(accused, unknown);
                String where = accused.user() + ", " + path.getKey();
                assertEquals(none.statusCode(), real.statusCode(), where + ": " + real.body());
                assertEquals(none.body(), real.body().replace(accusation.id(), unknown.id())
                        .replace(accusation.number(), unknown.number()), where + ": as if there were no such case");
                assertNoSecret(secrets, where, real.body());
            }
            // Paths that list, search and count: the case is not among them.
            Map<String, HttpResponse<String>> lists = new LinkedHashMap<>();
            lists.put("list", get(accused, "/api/v1/petitions?size=200"));
            lists.put("list of the county", get(accused, "/api/v1/petitions?jurisdiction=" + OWN_COUNTY + "&size=200"));
            lists.put("accusations only", get(accused, "/api/v1/petitions?type=ACCUSATION&size=200"));
            lists.put("search", get(accused, "/api/v1/petitions?q=" + encode("派出所")));
            lists.put("unit's queue", get(accused, "/api/v1/petitions?unit=" + accusation.unit()));
            lists.put("deadline events", get(accused, "/api/v1/events?after=0&limit=1000"));
            lists.put("open311 list", get(accused, "/api/open311/v2/requests.json"));
            lists.put("open311 of the county", get(accused, "/api/open311/v2/requests.json?jurisdiction_id=" + OWN_COUNTY));
            for (Map.Entry<String, HttpResponse<String>> path : lists.entrySet()) {
                String body = path.getValue().body();
                String where = accused.user() + ", " + path.getKey();
                assertTrue(path.getValue().statusCode() < 500, where + ": " + body);
                assertNoSecret(secrets, where, body);
                assertFalse(body.contains(accusation.id()) || body.contains(accusation.number()), where + ": " + body);
            }
            JsonNode accusations = Api.json(lists.get("accusations only"));
            assertEquals(0, accusations.get("total").asInt(), "not even counted for " + accused.user());
        }
        HttpResponse<String> explained = get(Account.RULE_ADMINISTRATOR, "/api/v1/rules/explain/" + accusation.number());
        assertEquals(200, explained.statusCode(), "a rule administrator explains any decision");
        assertNoSecret(secrets, "rules-admin, explain", explained.body());
        assertFalse(explained.body().contains(ACCUSED_UNIT), "but does not learn whom it is hidden from");
        assertTrue(explained.body().contains("Accusations are kept from the accused"),
                "it learns that the confidentiality rules fired: " + explained.body());
        JsonNode supervisorsView = Api.json(get(Account.GUIYANG_SUPERVISOR, "/api/v1/petitions?type=ACCUSATION"));
        assertEquals(List.of(accusation.number()), numbers(supervisorsView),
                "the same query shows it to a supervisor outside the accused unit");
        HttpResponse<String> dispose = send(Account.NANMING_CLERK, "POST", "/api/v1/petitions/" + accusation.id()
                + "/dispose", "{\"disposition\":\"TRANSFER\",\"unit\":\"520102-GAJ\",\"reason\":\"x\"}", "application/json",
                "If-Match", "*");
        assertEquals(409, dispose.statusCode(), "never handed to the accused unit: " + dispose.body());
    }

    @Test
    @Order(5)
    void personalDataIsMaskedUntilDisclosedForAPurposeAndEveryDisclosureIsAudited() throws Exception {
        JsonNode masked = Api.json(get(Account.GUIYANG_SUPERVISOR, "/api/v1/petitions/" + accusation.id()));
        JsonNode petitioner = masked.get("petitioners").get(0);
        assertEquals("***", petitioner.get("name").asText(), "the accuser's name is masked, surname and length too");
        assertEquals("***" + ACCUSER_ID.substring(14), petitioner.get("residentId").asText(),
                "the reception center confirms a caller by the last four");
        assertEquals("***" + ACCUSER_PHONE.substring(7), petitioner.get("phone").asText());
        assertFalse(masked.toString().contains(ACCUSER_ID) || masked.toString().contains(ACCUSER_PHONE));
        // The discipline organ reads the accusation, and nothing of who made it, even when it discloses.
        for (String path : List.of("", "/disclose")) {
            HttpResponse<String> read = path.isEmpty() ? get(Account.NANMING_DISCIPLINE, "/api/v1/petitions/"
                    + accusation.id()) : post(Account.NANMING_DISCIPLINE, "/api/v1/petitions/" + accusation.id()
                    + path, "{\"purpose\":\"核查检举事项\"}");
            assertEquals(200, read.statusCode(), read.body());
            JsonNode seen = Api.json(read).get("petitioners").get(0);
            for (String field : List.of("name", "residentId", "phone", "address")) {
                assertEquals("***", seen.get(field).asText(), "the discipline organ" + path + ": " + field);
            }
        }
        // Nanming's county system reads its county's accusations, and nothing of who made them either.
        JsonNode bySystem = Api.json(get(Account.NANMING_SYSTEM, "/api/v1/petitions/" + accusation.id()))
                .get("petitioners").get(0);
        for (String field : List.of("name", "residentId", "phone", "address")) {
            assertEquals("***", bySystem.get(field).asText(), "the county system: " + field);
        }
        JsonNode notHidden = Api.json(get(Account.NANMING_LAND, "/api/v1/petitions/" + own.id())).get("petitioners")
                .get(0);
        assertTrue(notHidden.get("residentId").asText().matches("\\*\\*\\*[\\dX]{4}"), notHidden.toString());
        assertTrue(notHidden.get("phone").asText().matches("\\*\\*\\*\\d{4}"), notHidden.toString());

        HttpResponse<String> noPurpose = post(Account.GUIYANG_SUPERVISOR, "/api/v1/petitions/" + accusation.id()
                + "/disclose", "{}");
        assertEquals(400, noPurpose.statusCode(), noPurpose.body());

        JsonNode disclosed = Api.json(post(Account.GUIYANG_SUPERVISOR, "/api/v1/petitions/" + accusation.id()
                + "/disclose", "{\"purpose\":\"督办约谈检举人\"}"));
        assertEquals(ACCUSER, disclosed.get("petitioners").get(0).get("name").asText());
        assertEquals(ACCUSER_ID, disclosed.get("petitioners").get(0).get("residentId").asText());

        JsonNode handlersView = Api.json(post(Account.OPERATOR, "/api/v1/petitions/" + own.id() + "/disclose",
                "{\"purpose\":\"联系信访人\"}"));
        assertTrue(handlersView.get("petitioners").get(0).get("residentId").asText().matches("\\d{17}[\\dX]"));
        JsonNode unitsView = Api.json(post(Account.NANMING_LAND, "/api/v1/petitions/" + own.id() + "/disclose",
                "{\"purpose\":\"电话联系信访人\"}"));
        assertTrue(unitsView.get("petitioners").get(0).get("phone").asText().matches("\\d{11}"),
                "the handling unit may call a petitioner who did not ask for confidentiality");

        String audit = get(Account.AUDITOR, "/api/v1/petitions/" + accusation.id() + "/audit").body();
        assertTrue(audit.contains("READ_PERSONAL_DATA") && audit.contains("guiyang-supervisor"), audit);
        assertFalse(audit.contains("督办约谈检举人"), "an auditor sees who disclosed, not the purpose's words on a"
                + " confidential case: " + audit);
        String supervisorsAudit = get(Account.GUIYANG_SUPERVISOR, "/api/v1/petitions/" + accusation.id() + "/audit")
                .body();
        assertTrue(supervisorsAudit.contains("督办约谈检举人"), "the reception center reads it: " + supervisorsAudit);
        String ownAudit = get(Account.AUDITOR, "/api/v1/petitions/" + own.id() + "/audit").body();
        assertTrue(ownAudit.contains("nanming-land") && ownAudit.contains("电话联系信访人"), ownAudit);
    }

    @Test
    @Order(6)
    void signingInIsRequiredEverywhereButTheReceiptLookupWhichIsRateLimited() throws Exception {
        HttpResponse<String> nobody = get(null, "/api/v1/petitions");
        assertEquals(401, nobody.statusCode());
        assertTrue(nobody.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(Api.PROBLEM_JSON, nobody.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> wrongPassword = send(null, "GET", "/api/v1/petitions", null, null, "Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("nanming-clerk:guess".getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, wrongPassword.statusCode());
        HttpResponse<String> notBasic = send(null, "GET", "/api/v1/petitions", null, null, "Authorization", "Bearer x");
        assertEquals(401, notBasic.statusCode());

        String users = java.nio.file.Files.readString(karaf.home().resolve("etc/users.properties"));
        assertFalse(users.contains(Account.NANMING_CLERK.password()), "passwords are kept hashed once used");

        int refusedAt = -1;
        for (int i = 0; i < 100 && refusedAt < 0; i++) {
            HttpResponse<String> lookup = post(null, "/api/v1/receipts/status",
                    "{\"registrationNumber\":\"" + own.number() + "\",\"queryCode\":\"WRONGCODE2\"}");
            if (lookup.statusCode() == 429) {
                refusedAt = i;
                assertTrue(lookup.headers().firstValue("Retry-After").isPresent());
                assertEquals(Api.PROBLEM_JSON, lookup.headers().firstValue("Content-Type").orElseThrow());
            } else {
                assertEquals(404, lookup.statusCode(), lookup.body());
            }
        }
        assertTrue(refusedAt >= 0 && refusedAt <= 60, "lookups from one address are limited: " + refusedAt);
    }

    @Test
    @Order(7)
    void badInputOfEveryKindIsRefusedClearlyAndChangesNothing() throws Exception {
        long entriesBefore = Api.json(operator.get("audit/verification")).get("entries").asLong();
        long petitionsBefore = Api.json(operator.get("petitions?size=1")).get("total").asLong();
        String valid = Petitions.json(newPetition(OWN_COUNTY));
        String deep = "{\"channel\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"channel\":".getBytes(StandardCharsets.UTF_8));
        bodies.put("not JSON at all", "DROP TABLE petition".getBytes(StandardCharsets.UTF_8));
        bodies.put("an array", "[]".getBytes(StandardCharsets.UTF_8));
        bodies.put("empty", new byte[0]);
        bodies.put("trailing garbage", (valid + "}").getBytes(StandardCharsets.UTF_8));
        bodies.put("wrong type: petitioners", valid.replaceFirst("\"petitioners\":\\[", "\"petitioners\":{\"x\":[")
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("wrong type: enum as number", valid.replace("\"APPEAL\"", "7").getBytes(StandardCharsets.UTF_8));
        bodies.put("wrong type: boolean", valid.replace("\"representative\":false", "\"representative\":\"maybe\"")
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("unknown field", valid.replace("{\"channel\"", "{\"admin\":true,\"channel\"")
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("huge title", valid.replace("征地补偿款未到位", "征".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("huge string", valid.replace("村里征地补偿款至今未发放到户。", "x".repeat(200_000))
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("deep nesting", deep.getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid resident id", valid.replaceAll("\"residentId\":\"[0-9X]+\"", "\"residentId\":\"123\"")
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("resident id with a wrong check digit", valid.replaceAll("(\"residentId\":\"[0-9]{17})[0-9X]\"",
                "$1Y\"").getBytes(StandardCharsets.UTF_8));
        bodies.put("an accusation that accuses nobody", valid.replace("\"APPEAL\"", "\"ACCUSATION\"")
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("unknown division", valid.replace("\"520102\"", "\"999999\"").getBytes(StandardCharsets.UTF_8));
        bodies.put("city as division", valid.replace("\"520102\"", "\"520100\"").getBytes(StandardCharsets.UTF_8));
        bodies.put("SQL in the division", valid.replace("\"520102\"", "\"520102' OR '1'='1\"")
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", concat(valid.substring(0, valid.indexOf("征地")).getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, valid.substring(valid.indexOf("征地")).getBytes(
                        StandardCharsets.UTF_8)));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(karaf.http("/api/v1/petitions"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", Account.NANMING_CLERK.authorization())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.getValue())).build(),
                    HttpResponse.BodyHandlers.ofString());
            clearRefusal(body.getKey(), response, wrong);
        }
        Map<String, HttpResponse<String>> others = new LinkedHashMap<>();
        others.put("XML to the JSON API", send(Account.NANMING_CLERK, "POST", "/api/v1/petitions",
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>", "application/xml"));
        others.put("SQL in the subject search", get(Account.NANMING_CLERK, "/api/v1/petitions?q="
                + encode("' OR '1'='1") + "&jurisdiction=" + encode("52' OR 1=1--")));
        others.put("SQL in an id", get(Account.NANMING_CLERK, "/api/v1/petitions/" + encode("1' OR '1'='1")));
        others.put("SQL in a number", get(Account.NANMING_CLERK, "/api/v1/petitions/number/" + encode("x' OR 1=1 --")));
        others.put("path traversal", get(Account.NANMING_CLERK, "/api/v1/petitions/..%2F..%2Fetc%2Fpasswd"));
        others.put("invalid UTF-8 in a parameter", get(Account.NANMING_CLERK, "/api/v1/petitions?q=%C3%28%FF"));
        others.put("wrong page size", get(Account.NANMING_CLERK, "/api/v1/petitions?size=100000"));
        others.put("bad If-Match", send(Account.NANMING_CLERK, "POST", "/api/v1/petitions/" + own.id() + "/archive",
                "{}", "application/json", "If-Match", "'; DROP TABLE petition; --"));
        others.put("bad idempotency key", send(Account.NANMING_CLERK, "POST", "/api/v1/petitions", valid,
                "application/json", "Idempotency-Key", "k".repeat(500)));
        others.put("invalid UTF-8 in the password", send(null, "GET", "/api/v1/petitions", null, null,
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        new byte[] {'a', ':', (byte) 0xC3, 0x28})));
        others.put("Open311: unknown service", send(Account.NANMING_CLERK, "POST", "/api/open311/v2/requests.json",
                "service_code=" + encode("x' OR 1=1") + "&description=x&jurisdiction_id=520102",
                "application/x-www-form-urlencoded"));
        others.put("Open311: bad dates", get(Account.NANMING_CLERK, "/api/open311/v2/requests.json?start_date=yesterday"));
        others.put("Open311: invalid UTF-8", get(Account.NANMING_CLERK, "/api/open311/v2/requests.json?status=%C3%28"));
        others.put("an unknown unit", get(Account.NANMING_CLERK, "/api/v1/petitions?unit=" + encode("x' OR 1=1 --")));
        for (Map.Entry<String, HttpResponse<String>> other : others.entrySet()) {
            clearRefusal(other.getKey(), other.getValue(), wrong);
        }
        Map<String, String> xml = new LinkedHashMap<>();
        xml.put("XXE", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        xml.put("billion laughs", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;"
                + "&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>");
        for (Map.Entry<String, String> hostile : xml.entrySet()) {
            String envelope = hostile.getValue() + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                    + " xmlns:v1=\"urn:reception:petitions:v1\"><soap:Body>" + submission(OWN_COUNTY)
                    .replace("补偿款未到位", hostile.getKey().equals("XXE") ? "&x;" : "&c;")
                    + "</soap:Body></soap:Envelope>";
            HttpResponse<String> fault = send(Account.NANMING_SYSTEM, "POST", SOAP, envelope, "text/xml; charset=utf-8",
                    "SOAPAction", "\"urn:reception:petitions:v1:SubmitPetition\"");
            // SOAP 1.1 answers every fault with HTTP 500; what counts is a fault that says why, and no entity expanded.
            if (!fault.body().contains("<faultstring>") || fault.body().contains("root:")
                    || fault.body().contains("lollollol")) {
                wrong.add("SOAP " + hostile.getKey() + ": " + fault.body());
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(petitionsBefore, Api.json(operator.get("petitions?size=1")).get("total").asLong(),
                "no petition stored");
        assertEquals(entriesBefore, Api.json(operator.get("audit/verification")).get("entries").asLong(),
                "no audit entry: nothing changed");
    }

    @Test
    @Order(8)
    void anAdministratorAddsAnAccountInTheShellAndItsPasswordIsStoredHashed() throws Exception {
        String password = "Clerk-of-Yunyan-7";
        addAccount("yunyan-clerk-2", password, "clerk:520103");
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("yunyan-clerk-2:" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> own = send(null, "GET", "/api/v1/petitions/" + other.id(), null, null,
                "Authorization", basic);
        assertEquals(200, own.statusCode(), own.body());
        HttpResponse<String> elsewhere = send(null, "GET", "/api/v1/petitions/" + SecurityIT.own.id(), null, null,
                "Authorization", basic);
        assertEquals(404, elsewhere.statusCode(), "a clerk of Yunyan does not see Nanming's case");
        String users = java.nio.file.Files.readString(karaf.home().resolve("etc/users.properties"));
        assertTrue(users.contains("yunyan-clerk-2") && !users.contains(password), "stored hashed: " + users);
    }

    /** Adds an account in the shell, as an administrator does, and waits until its password is hashed. */
    private static void addAccount(String name, String password, String role) throws Exception {
        karaf.shell("jaas:realm-manage --realm karaf; jaas:user-add " + name + " " + password
                + "; jaas:role-add " + name + " " + role + "; jaas:update");
        // Karaf hashes a new password by rewriting users.properties from a thread of its own; a rewrite
        // that read the file between the account's line and its role's drops the role (seen once in
        // about fifteen runs). Once the password is hashed the file is still; an operator who then
        // finds the role missing (jaas:user-list) adds it again.
        java.nio.file.Path usersFile = karaf.home().resolve("etc/users.properties");
        java.util.regex.Pattern account = java.util.regex.Pattern.compile("(?m)^" + name + " = \\{CRYPT\\}.*$");
        String line = Eventually.value(() -> {
            java.util.regex.Matcher found = account.matcher(java.nio.file.Files.readString(usersFile));
            return found.find() ? found.group() : null;
        }, "the new password hashed");
        if (!line.contains("," + role)) {
            karaf.shell("jaas:realm-manage --realm karaf; jaas:role-add " + name + " " + role + "; jaas:update");
        }
    }

    /**
     * A guesser at one address is held back there and never locks the clerk out, flooding with junk
     * names does not free it, and the time of a refusal does not tell which names exist. The clerk's
     * account has not signed in before, so that its sign-in is really checked, not taken from a
     * trusted sign-in.
     */
    @Test
    @Order(9)
    void aPasswordGuesserIsHeldBackAtItsAddressNeverLocksTheClerkOutAndLearnsNoNames() throws Exception {
        String password = WINDOW_CLERK_PASSWORD;
        java.net.URI clock = karaf.api("clock");
        int held = 0;
        for (int i = 0; i < 100; i++) {
            int status = FromAddress.get(clock, "127.0.0.2", FromAddress.basic(WINDOW_CLERK, "guess" + i));
            assertTrue(status == 401 || status == 429, "guess " + i + ": " + status);
            held += status == 429 ? 1 : 0;
        }
        assertTrue(held >= 90, "the guesser's address is held back after a few guesses: " + held + " of 100");
        assertEquals(200, FromAddress.get(clock, "127.0.0.1", FromAddress.basic(WINDOW_CLERK, password)),
                "the clerk signs in from the window's own address");
        for (int i = 0; i < 300; i++) {
            FromAddress.get(clock, "127.0.0.2", FromAddress.basic("junk-" + i, "junk"));
        }
        assertEquals(429, FromAddress.get(clock, "127.0.0.2", FromAddress.basic(WINDOW_CLERK, "guess")),
                "flooding with junk names does not free the guesser");

        // Each try from an address of its own, so that none is held back: the time of the answer only.
        long[] unknown = new long[200];
        long[] wrong = new long[200];
        for (int i = 0; i < 200; i++) {
            String address = "127.0." + (10 + i / 200) + "." + (1 + i % 200);
            long started = System.nanoTime();
            assertEquals(401, FromAddress.get(clock, address, FromAddress.basic("nobody-" + i, "guess")));
            unknown[i] = System.nanoTime() - started;
            started = System.nanoTime();
            assertEquals(401, FromAddress.get(clock, address, FromAddress.basic(WINDOW_CLERK, "guess-" + i)));
            wrong[i] = System.nanoTime() - started;
        }
        java.util.Arrays.sort(unknown);
        java.util.Arrays.sort(wrong);
        double unknownMedian = unknown[100] / 1e6;
        double wrongMedian = wrong[100] / 1e6;
        assertTrue(Math.abs(unknownMedian - wrongMedian) < 0.2 * Math.max(unknownMedian, wrongMedian),
                "median refusal of an unknown name " + unknownMedian + " ms, of a wrong password " + wrongMedian + " ms");
    }

    /**
     * The shell takes keys only: over SSH no password is taken, not even the right one, so there is
     * none to guess; the administrator's key opens it.
     */
    @Test
    @Order(10)
    void theShellOverSshTakesNoPasswordSoNoneCanBeGuessed() throws Exception {
        for (int i = 0; i < 5; i++) {
            String guessed = karaf.shellWithPassword(KarafInstance.ADMIN_USER, "guess-" + i);
            assertFalse(guessed.contains("Active"), guessed);
        }
        String right = karaf.shellWithPassword(KarafInstance.ADMIN_USER, KarafInstance.ADMIN_PASSWORD);
        assertFalse(right.contains("Active"), "the right password does not open the shell either: " + right);
        assertTrue(karaf.shell("bundle:list").contains("Active"), "the administrator's key does");
    }

    /**
     * Behind a reverse proxy: forwarded headers are believed from the configured proxy alone, so a
     * guesser behind it is held back at its own address, not the proxy's, and no client names
     * another host for Location. CORS is off until origins are configured, then answers them only.
     */
    @Test
    @Order(11)
    void forwardedHeadersAreBelievedFromTrustedProxiesOnlyAndCorsOnlyForConfiguredOrigins() throws Exception {
        java.net.URI petitions = karaf.api("petitions");
        String body = Petitions.json(Petitions.petition("HEALTH", "代理后登记", "经反向代理登记的信访事项。", "520102"));
        String[] forwarded = {"Authorization: " + Account.OPERATOR.authorization(),
                "X-Forwarded-For: 10.9.9.9", "X-Forwarded-Proto: https", "X-Forwarded-Host: reception.example.gov.cn"};
        String untrusted = FromAddress.head(petitions, "127.0.0.9", "POST", body, forwarded);
        assertTrue(untrusted.contains("Location: http://localhost:"), "no proxy is trusted by default: " + untrusted);

        karaf.configure("org.reception.rest", "receiptLookupsPerMinute = 60\ntrustedProxies = 127.0.0.9\n"
                + "corsAllowedOrigins = https://desk.example.gov.cn\n");
        String viaProxy = Eventually.value(() -> {
            String head = FromAddress.head(petitions, "127.0.0.9", "POST", body, forwarded);
            return head.contains("Location: https://reception.example.gov.cn/api/v1/petitions/") ? head : null;
        }, "the trusted proxy's forwarded scheme and host make the Location");
        assertTrue(viaProxy.startsWith("HTTP/1.1 201"), viaProxy);
        String stranger = FromAddress.head(petitions, "127.0.0.8", "POST", body, forwarded);
        assertTrue(stranger.contains("Location: http://localhost:"), "a client that is not the proxy names no host: " + stranger);

        java.net.URI clock = karaf.api("clock");
        for (int i = 0; i < 10; i++) {
            FromAddress.head(clock, "127.0.0.9", "GET", null, "X-Forwarded-For: 10.9.9.1",
                    "Authorization: " + FromAddress.basic(WINDOW_CLERK, "guess-behind-proxy-" + i));
        }
        assertTrue(FromAddress.head(clock, "127.0.0.9", "GET", null, "X-Forwarded-For: 10.9.9.1",
                "Authorization: " + FromAddress.basic(WINDOW_CLERK, WINDOW_CLERK_PASSWORD)).startsWith("HTTP/1.1 429"),
                "the guesser behind the proxy is held back");
        assertTrue(FromAddress.head(clock, "127.0.0.9", "GET", null, "X-Forwarded-For: 10.9.9.2",
                "Authorization: " + FromAddress.basic(WINDOW_CLERK, WINDOW_CLERK_PASSWORD)).startsWith("HTTP/1.1 200"),
                "the clerk behind the same proxy is not");

        // SOAP counts the same client behind the same proxy.
        java.net.URI soap = karaf.http("/api/soap/petitions");
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>";
        for (int i = 0; i < 10; i++) {
            FromAddress.head(soap, "127.0.0.9", "POST", envelope, "Content-Type: text/xml; charset=utf-8",
                    "X-Forwarded-For: 10.9.9.3", "Authorization: " + FromAddress.basic(WINDOW_CLERK, "soap-guess-" + i));
        }
        String soapGuesser = FromAddress.head(soap, "127.0.0.9", "POST", envelope, "Content-Type: text/xml; charset=utf-8",
                "X-Forwarded-For: 10.9.9.3", "Authorization: " + FromAddress.basic(WINDOW_CLERK, "soap-guess"));
        assertTrue(soapGuesser.startsWith("HTTP/1.1 429"), soapGuesser);
        String soapNeighbour = FromAddress.head(soap, "127.0.0.9", "POST", envelope, "Content-Type: text/xml; charset=utf-8",
                "X-Forwarded-For: 10.9.9.4", "Authorization: " + FromAddress.basic(WINDOW_CLERK, "typo"));
        assertTrue(soapNeighbour.startsWith("HTTP/1.1 401"), "a first typo behind the same proxy is a typo: " + soapNeighbour);

        String preflight = FromAddress.head(petitions, "127.0.0.1", "OPTIONS", null,
                "Origin: https://desk.example.gov.cn", "Access-Control-Request-Method: POST",
                "Access-Control-Request-Headers: authorization, content-type, if-match");
        assertTrue(preflight.contains("Access-Control-Allow-Origin: https://desk.example.gov.cn"), preflight);
        String otherOrigin = FromAddress.head(petitions, "127.0.0.1", "OPTIONS", null,
                "Origin: https://elsewhere.example.com", "Access-Control-Request-Method: POST");
        assertFalse(otherOrigin.contains("Access-Control-Allow-Origin"), otherOrigin);
        String read = FromAddress.head(karaf.api("health"), "127.0.0.1", "GET", null, "Origin: https://desk.example.gov.cn");
        assertTrue(read.contains("Access-Control-Expose-Headers") && read.contains("ETag"), read);

        karaf.configure("org.reception.rest", "receiptLookupsPerMinute = 60\n");
        Eventually.until(() -> !FromAddress.head(petitions, "127.0.0.1", "OPTIONS", null,
                "Origin: https://desk.example.gov.cn", "Access-Control-Request-Method: POST")
                .contains("Access-Control-Allow-Origin"), "CORS is off again without origins");
    }

    /** A 4xx with something said about it; problem+json where the API is ours. */
    private static void clearRefusal(String what, HttpResponse<String> response, List<String> wrong) {
        int status = response.statusCode();
        String body = response.body();
        if (status < 400 || status >= 500) {
            wrong.add(what + ": " + status + " " + body.substring(0, Math.min(200, body.length())));
        } else if (body.isBlank()) {
            wrong.add(what + ": " + status + " without saying why");
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static void assertNoSecret(Set<String> secrets, String where, String body) {
        for (String secret : secrets) {
            assertFalse(body.contains(secret), where + ": '" + secret + "' in " + body);
        }
    }

    // ---------------------------------------------------------------- checking an answer

    /** Why the answer is not the expected outcome; {@code null} if it is. */
    private static String check(Endpoint endpoint, Outcome expected, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body().substring(0, Math.min(300, response.body().length()));
        if (endpoint.face() == Face.SOAP) {
            Matcher fault = Pattern.compile("<faultstring>([a-z-]+):").matcher(response.body());
            String code = fault.find() ? fault.group(1) : null;
            String wanted = switch (expected) {
                case UNAUTHORIZED -> "unauthorized";
                case FORBIDDEN -> "forbidden";
                case NOT_FOUND -> "not-found";
                case ALLOWED -> null;
            };
            if (expected == Outcome.ALLOWED) {
                boolean refused = code != null && (code.equals("unauthorized") || code.equals("forbidden")
                        || (endpoint.caseScoped() && code.equals("not-found")));
                return refused || (code == null && status != 200) ? "got " + status + " " + code + ": " + body : null;
            }
            return wanted.equals(code) ? null : "got " + status + " " + code + ": " + body;
        }
        // Allowed means the access checks let the request through: what the step or query makes of it
        // then (a conflict for the stale version sent, a refused jar, no such outbox message) is not
        // this test's business, but a case-scoped 404 would be a refusal.
        return switch (expected) {
            case ALLOWED -> status == 401 || status == 403 || status >= 500 || (endpoint.caseScoped() && status == 404)
                    ? "got " + status + ": " + body : null;
            case UNAUTHORIZED -> status == 401 ? null : "got " + status + ": " + body;
            case FORBIDDEN -> status == 403 ? null : "got " + status + ": " + body;
            case NOT_FOUND -> status == 404 ? null : "got " + status + ": " + body;
        };
    }

    // ---------------------------------------------------------------- the oracle of the table

    /** An account's realm roles as [role, scope] pairs; scope empty for roles without one. */
    private static List<String[]> grants(Account account) {
        return account.roles().stream().map(role -> role.contains(":") ? role.split(":", 2)
                : new String[] {role, ""}).toList();
    }

    private static boolean holdsAny(Account account, String... roles) {
        return grants(account).stream().anyMatch(grant -> List.of(roles).contains(grant[0]));
    }

    /** Whether one grant reaches a case: places by their code prefix, units by the case's handling unit. */
    private static boolean reaches(String[] grant, Case target) {
        return switch (grant[0]) {
            case "clerk", "supervisor", "integration" -> target.jurisdiction().startsWith(grant[1]);
            case "unit" -> grant[1].equals(target.unit());
            default -> false;
        };
    }

    private static boolean sees(Account account, Case target) {
        return grants(account).stream().anyMatch(grant -> reaches(grant, target));
    }

    // ---------------------------------------------------------------- the cases and requests

    private static Case disposed(String county) throws Exception {
        String unit = county + "-ZRZYJ";
        JsonNode registered = Api.json(operator.post("petitions", newPetition(county)));
        String id = registered.get("id").asText();
        HttpResponse<String> disposed = operator.step(id, "dispose",
                Map.of("disposition", "TRANSFER", "unit", unit, "reason", "属地主管"));
        assertEquals(200, disposed.statusCode(), disposed.body());
        return new Case(id, registered.get("registrationNumber").asText(), county, unit);
    }

    private static Case accusation() throws Exception {
        Map<String, Object> petition = Petitions.petition("PUBLIC_SECURITY", ACCUSATION_TITLE, ACCUSATION_TEXT,
                OWN_COUNTY);
        petition.put("type", "ACCUSATION");
        petition.put("accused", List.of(ACCUSED_UNIT + "城南派出所"));
        Map<String, Object> accuser = Petitions.person(ACCUSER, ACCUSER_ID, false);
        accuser.put("phone", ACCUSER_PHONE);
        petition.put("petitioners", List.of(accuser));
        HttpResponse<String> response = new Api(karaf, Account.NANMING_CLERK).post("petitions", petition);
        assertEquals(201, response.statusCode(), response.body());
        JsonNode registered = Api.json(response);
        String unit = registered.get("routing").get("unitCode").asText();
        assertEquals("520102-JJJCW", unit, "accusations go to the discipline inspection organ");
        String id = registered.get("id").asText();
        HttpResponse<String> disposed = new Api(karaf, Account.NANMING_CLERK).step(id, "dispose",
                Map.of("disposition", "TRANSFER", "unit", unit, "reason", "纪检监察机关管辖"));
        assertEquals(200, disposed.statusCode(), disposed.body());
        return new Case(id, registered.get("registrationNumber").asText(), OWN_COUNTY, unit);
    }

    private static Map<String, Object> newPetition(String county) {
        Map<String, Object> petition = Petitions.petition("LAND_RESOURCES", "征地补偿款未到位", "村里征地补偿款至今未发放到户。",
                county);
        petition.put("petitioners", List.of(Petitions.person("王五", nextResidentId(), false)));
        return petition;
    }

    private static String nextResidentId() {
        String born = java.time.LocalDate.of(1960, 1, 1).plusDays(SERIAL.incrementAndGet()).toString().replace("-", "");
        return Petitions.residentId("520102" + born + "123");
    }

    private static String open311Request(String county) {
        return "service_code=land_resources&jurisdiction_id=" + county + "&description=" + encode("宅基地确权纠纷")
                + "&last_name=" + encode("赵") + "&first_name=" + encode("六") + "&phone=13800000000"
                + "&attribute%5Bresident_id%5D=" + nextResidentId();
    }

    private static String submission(String county) {
        return "<v1:SubmitPetitionRequest><v1:type>APPEAL</v1:type><v1:category>LAND_RESOURCES</v1:category>"
                + "<v1:title>征地补偿</v1:title><v1:content>补偿款未到位</v1:content><v1:jurisdiction>" + county
                + "</v1:jurisdiction><v1:petitioner><v1:name>孙七</v1:name><v1:residentId>" + nextResidentId()
                + "</v1:residentId></v1:petitioner></v1:SubmitPetitionRequest>";
    }

    private static HttpResponse<String> soap(Account account, String operation, String body) throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:v1=\"urn:reception:petitions:v1\"><soap:Body>" + body + "</soap:Body></soap:Envelope>";
        return send(account, "POST", SOAP, envelope, "text/xml; charset=utf-8", "SOAPAction",
                "\"urn:reception:petitions:v1:" + operation + "\"");
    }

    private static HttpResponse<String> get(Account account, String path) throws Exception {
        return send(account, "GET", path, null, null);
    }

    private static HttpResponse<String> post(Account account, String path, String json) throws Exception {
        return send(account, "POST", path, json, "application/json");
    }

    /** One request to the platform's port as an account ({@code null}: nobody); {@code headers} are name, value pairs. */
    private static HttpResponse<String> send(Account account, String method, String path, String body,
                                             String contentType, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(karaf.http(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (account != null) {
            request.header("Authorization", account.authorization());
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The resources of a JAX-RS face as its WADL describes them: method and path, parameters as {@code {}}. */
    private static Set<String> wadl(Face face, String base) throws Exception {
        String document = send(null, "GET", base + "?_wadl", null, null).body();
        Set<String> endpoints = new TreeSet<>();
        collect(document, face, endpoints);
        return endpoints;
    }

    private static void collect(String wadl, Face face, Set<String> into) throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var document = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                wadl.getBytes(StandardCharsets.UTF_8)));
        var resources = document.getElementsByTagNameNS("*", "resources");
        for (int i = 0; i < resources.getLength(); i++) {
            walk((org.w3c.dom.Element) resources.item(i), "", face, into);
        }
    }

    private static void walk(org.w3c.dom.Element element, String prefix, Face face, Set<String> into) {
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof org.w3c.dom.Element node)) {
                continue;
            }
            if (node.getLocalName().equals("resource")) {
                String path = join(prefix, node.getAttribute("path"));
                walk(node, path, face, into);
            } else if (node.getLocalName().equals("method")) {
                String path = prefix.isEmpty() ? "/" : prefix;
                into.add(face + " " + node.getAttribute("name") + " " + path.replaceAll("\\{[^}]*\\}", "{}"));
            }
        }
    }

    private static String join(String prefix, String path) {
        String joined = (prefix + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("items").forEach(item -> numbers.add(item.get("registrationNumber").asText()));
        return numbers;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
