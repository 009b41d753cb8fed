package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;

/**
 * The reception desk in a real headless Chromium against the built distribution: a clerk registers
 * a visit and prints its receipt, the unit handles it, the clerk closes it, a supervisor orders
 * supervision of an overdue case, a rule administrator tries modules, and the attacks a browser
 * invites (the accused unit looking around, a stale edit, a cross-site POST, a reused cookie) fail.
 * The screenshots of each role's main screen land in target/desk-screenshots for docs/desk.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskIT {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final String VISITOR_ID = Petitions.residentId("52010219850615002");
    private static final String ACCUSATION_TITLE = "举报城南派出所民警收受财物";

    private static KarafInstance karaf;
    private static Api operator;
    private static Browser browser;
    /** The visit the clerk registers in the browser. */
    private static String visitId;
    private static String visitNumber;
    /** The accusation against Nanming's police, registered for the accused unit to look for. */
    private static String accusationId;

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("desk");
        karaf.start();
        operator = new Api(karaf);
        browser = new Browser(karaf, Path.of(System.getProperty("reception.instances", "target"))
                .resolveSibling("desk-screenshots"));
    }

    @AfterAll
    static void shutDown() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @Order(1)
    void theDeskIsServedCompressedCachedAndUnderAStrictPolicy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(karaf.http("/desk/"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertFalse(policy.replaceAll("style-src[^;]*;", "").contains("unsafe"), "only styles may be inline: " + policy);
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse("none"));

        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(karaf.http("/desk/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String script = plain.body().replaceAll("(?s).*<script type=\"module\"[^>]*src=\"([^\"]+)\".*", "$1");
        assertTrue(script.startsWith("/desk/assets/"), "the page loads its hashed script: " + script);
        assertFalse(plain.body().matches("(?s).*<script(?![^>]*src=)[^>]*>.*"), "no inline script in the page");
        HttpResponse<byte[]> asset = http.send(HttpRequest.newBuilder(karaf.http(script))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, asset.statusCode());
        assertEquals("public, max-age=31536000, immutable", asset.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("gzip", asset.headers().firstValue("Content-Encoding").orElseThrow());
        String etag = asset.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(karaf.http(script)).header("If-None-Match", etag)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode());

        for (String path : List.of("/desk/../etc/users.properties", "/desk/assets/%2e%2e/%2e%2e/etc/users.properties",
                "/desk/nothing.js")) {
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(karaf.http("/").toString().replaceAll("/$", "")
                    + path)).build(), HttpResponse.BodyHandlers.ofString()).statusCode(), path);
        }
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedOnTheFormAndNoDialogAppears() throws Exception {
        browser.open("#/signin");
        browser.find("signin-name");
        // A figure for docs/performance.md, not a timed test: from navigation to the desk's own mark
        // of its first screen rendered and usable.
        System.out.printf("desk: first screen usable %.0f ms after navigation (loopback, cold cache)%n",
                ((Number) browser.driver().executeScript(
                        "return performance.getEntriesByName('desk-usable')[0].startTime")).doubleValue());
        browser.type("signin-name", Account.NANMING_CLERK.user());
        browser.type("signin-password", "wrong-password");
        browser.click("signin-submit");
        assertFalse(browser.waitUntil(driver -> browser.text("signin-error")).isBlank());
        assertFalse(browser.present("whoami"));
    }

    @Test
    @Order(3)
    void aClerkRegistersAVisitFixesTheIdentityNumberSeesTheRoutingAndPrintsTheReceipt() throws Exception {
        browser.signIn(Account.NANMING_CLERK);
        browser.click("nav-register");
        browser.click("reg-channel-VISIT");
        browser.click("reg-type-APPEAL");
        browser.select("reg-category", "LAND_RESOURCES");
        browser.type("reg-title", "征地补偿款未足额发放");
        browser.type("reg-content", "村民反映南明区某村征地补偿款至今未足额发放，要求核查并依法发放。");
        browser.type("pet-name-0", "王秀英");
        browser.type("pet-phone-0", "13985550188");
        browser.type("pet-address-0", "贵州省贵阳市南明区花果园");
        char right = VISITOR_ID.charAt(17);
        char wrong = right == '3' ? '4' : '3';
        browser.type("pet-id-0", VISITOR_ID.substring(0, 17) + wrong);
        browser.find("reg-title").click();
        String error = browser.waitForText("error-pet-id-0", String.valueOf(right));
        assertTrue(error.contains("18"), "the form says which digit is wrong, and what it should be: " + error);
        browser.screenshot("clerk-register-typo");

        browser.type("pet-id-0", VISITOR_ID);
        browser.find("reg-title").click();
        browser.waitGone("error-pet-id-0");
        String proposed = browser.waitForText("preview-unit", "520102-ZRZYJ");
        assertTrue(proposed.contains("520102-ZRZYJ"), proposed);
        assertEquals(0, Api.json(operator.get("petitions?size=100")).get("items").size(),
                "the preview stored nothing");
        browser.screenshot("clerk-register");

        browser.click("reg-submit");
        visitNumber = browser.find("receipt-number").getText().strip();
        assertTrue(visitNumber.matches("520102-\\d{4}-\\d{6}"), visitNumber);
        assertTrue(browser.text("receipt-query-code").strip().length() >= 6);
        assertTrue(browser.text("receipt-unit").contains("520102"), browser.text("receipt-unit"));
        assertFalse(browser.text("receipt-due").isBlank());
        browser.screenshot("receipt");
        byte[] pdf = Base64.getDecoder().decode(browser.driver().print(new PrintOptions()).getContent());
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII), "the receipt prints");
        browser.click("receipt-print");

        JsonNode stored = Api.json(operator.get("petitions/number/" + visitNumber));
        visitId = stored.get("id").asText();
        assertEquals("VISIT", stored.get("channel").asText());
        assertEquals(VISITOR_ID, Api.json(operator.post("petitions/" + visitId + "/disclose",
                Map.of("purpose", "核对登记"))).get("petitioners").get(0).get("residentId").asText());
    }

    @Test
    @Order(4)
    void theClerkTransfersItAndTheUnitAcceptsExtendsAndReplies() throws Exception {
        browser.open("#/case/" + visitId);
        browser.waitForText("case-status", "REGISTERED");
        assertFalse(browser.present("step-accept"), "a clerk is offered no step of the unit's");
        browser.click("step-dispose");
        browser.select("step-field-disposition", "TRANSFER");
        browser.type("step-field-unit", "520102-ZRZYJ");
        browser.click("step-submit");
        browser.waitForText("case-status", "TRANSFERRED");
        browser.signOut();

        browser.signIn(Account.NANMING_LAND);
        browser.click("nav-inbox");
        browser.find("queue-table");
        browser.waitUntil(driver -> browser.all("queue-row").stream()
                .anyMatch(row -> visitNumber.equals(row.getAttribute("data-number"))));
        browser.screenshot("unit-inbox");
        browser.all("queue-row").stream().filter(row -> visitNumber.equals(row.getAttribute("data-number")))
                .findFirst().orElseThrow().click();
        browser.waitForText("case-number", visitNumber);
        assertFalse(browser.present("step-dispose"), "a unit is offered no disposal");
        browser.click("step-accept");
        browser.click("step-submit");
        browser.waitForText("case-status", "ACCEPTED");

        browser.click("step-extend");
        browser.type("step-field-days", "30");
        browser.type("step-field-reason", "需实地核查征地范围");
        browser.click("step-submit");
        browser.waitUntil(driver -> !browser.present("step-extend"));

        browser.click("step-reply");
        browser.type("step-field-text", "经核查，补偿款已于本月足额发放。");
        browser.type("step-field-deliveredOn", today().toString());
        browser.click("step-submit");
        browser.waitForText("case-status", "REPLIED");
        browser.screenshot("unit-case");
        browser.signOut();
    }

    @Test
    @Order(5)
    void theClerkRecordsSatisfactionAndArchives() throws Exception {
        browser.signIn(Account.NANMING_CLERK);
        browser.open("#/case/" + visitId);
        browser.waitForText("case-status", "REPLIED");
        browser.click("step-evaluate");
        browser.select("step-field-satisfaction", "SATISFIED");
        browser.click("step-submit");
        browser.waitUntil(driver -> browser.present("step-archive"));
        browser.click("step-archive");
        browser.click("step-submit");
        browser.waitForText("case-status", "ARCHIVED");
        // The page reads the case, then its audit log: the status turns first. And while the step's
        // dialog closes, the page does not scroll, so that entries below the fold are not shown yet.
        browser.waitForText("case-timeline", stepInChinese("archive"));
        List<String> actions = browser.all("case-timeline-item").stream()
                .map(item -> item.getAttribute("data-action")).toList();
        String timeline = browser.text("case-timeline");
        for (String step : List.of("accept", "extend", "reply", "evaluate", "archive")) {
            assertTrue(actions.contains(step), "the timeline has " + step + ": " + actions);
            assertTrue(timeline.contains(stepInChinese(step)), "the timeline shows " + step + ": " + timeline);
        }
        browser.screenshot("case-page");
        JsonNode archived = Api.json(operator.get("petitions/" + visitId));
        assertEquals("ARCHIVED", archived.get("status").asText());
        assertEquals("SATISFIED", archived.get("handling").get("satisfaction").asText());
    }

    @Test
    @Order(6)
    void aStaleEditIsRefusedExplainedAndTheFreshStateOffered() throws Exception {
        String id = register(Petitions.petition("HOUSING_CONSTRUCTION", "小区违章搭建", "小区内有人违章搭建", "520102"));
        browser.open("#/case/" + id);
        browser.waitForText("case-status", "REGISTERED");
        // Meanwhile, at another window, the case is disposed of.
        HttpResponse<String> elsewhere = operator.step(id, "dispose", Map.of("disposition", "REDIRECT",
                "reason", "属诉讼程序，请依法向人民法院起诉"));
        assertEquals(200, elsewhere.statusCode(), elsewhere.body());

        browser.click("step-dispose");
        browser.select("step-field-disposition", "TRANSFER");
        browser.type("step-field-unit", "520102-ZRZYJ");
        browser.click("step-submit");
        assertFalse(browser.find("case-conflict").getText().isBlank(), "the refusal is explained");
        browser.screenshot("stale-edit");
        browser.click("case-reload");
        browser.waitForText("case-status", "REDIRECTED");
        assertEquals("REDIRECTED", Api.json(operator.get("petitions/" + id)).get("status").asText(),
                "the stale edit changed nothing");
    }

    @Test
    @Order(7)
    void theAccusedUnitNeverSeesTheAccusation() throws Exception {
        Map<String, Object> petition = Petitions.petition("PUBLIC_SECURITY", ACCUSATION_TITLE,
                "城南派出所民警多次收受辖区商户财物", "520102");
        petition.put("type", "ACCUSATION");
        petition.put("accused", List.of("南明区公安局城南派出所"));
        String id = register(petition);
        accusationId = id;
        browser.signOut();
        browser.signIn(Account.NANMING_POLICE);
        for (String screen : List.of("nav-inbox", "nav-queue")) {
            if (browser.present(screen)) {
                browser.click(screen);
                browser.find("queue-table");
                assertFalse(browser.pageText().contains(ACCUSATION_TITLE), screen);
            }
        }
        browser.open("#/case/" + id);
        browser.waitUntil(driver -> browser.pageText().contains("404") || browser.pageText().contains("不存在")
                || browser.pageText().toLowerCase().contains("not found"));
        assertFalse(browser.pageText().contains(ACCUSATION_TITLE));
        assertFalse(browser.driver().getPageSource().contains(ACCUSATION_TITLE));
        browser.signOut();
    }

    @Test
    @Order(8)
    void aSupervisorSeesAnOverdueCaseAndOrdersSupervision() throws Exception {
        String id = register(Petitions.petition("ENVIRONMENT", "工地夜间施工噪音扰民", "工地夜间施工噪音严重", "520102"));
        String number = Api.json(operator.get("petitions/" + id)).get("registrationNumber").asText();
        browser.signIn(Account.GUIYANG_SUPERVISOR);
        Cookie before = browser.sessionCookie();
        assertNotNull(before);
        moveClock(Duration.ofDays(20));
        assertEquals(401, withCookie(before, "GET", "session", null).statusCode(),
                "twenty idle days end a session");

        browser.signIn(Account.GUIYANG_SUPERVISOR);
        browser.click("nav-board");
        browser.find("board-table");
        browser.waitUntil(driver -> browser.all("board-row").stream()
                .anyMatch(row -> number.equals(row.getAttribute("data-number"))));
        browser.screenshot("supervisor-board");
        browser.open("#/case/" + id);
        browser.waitForText("case-number", number);
        browser.click("step-supervise");
        browser.type("step-field-order", "请于三日内处理并报告");
        browser.type("step-field-due", today().plusDays(3).toString());
        browser.click("step-submit");
        browser.waitUntil(driver -> browser.present("step-resolve-supervision"));
        JsonNode supervised = Api.json(operator.get("petitions/" + id));
        assertEquals("请于三日内处理并报告", supervised.get("supervisions").get(0).get("order").asText());
    }

    @Test
    @Order(9)
    void theLeaderReadsTheFigures() throws Exception {
        browser.click("nav-dashboard");
        browser.find("dashboard-trend");
        browser.waitUntil(driver -> !browser.find("dashboard-trend").findElements(
                org.openqa.selenium.By.tagName("canvas")).isEmpty());
        // The hot topics of the period, as the statistics answer them to this supervisor, and the reports kept.
        String month = "period=month&date=" + today();
        JsonNode topics = Api.json(operator.as(Account.GUIYANG_SUPERVISOR).get("statistics/topics?jurisdiction=5201&"
                + month + "&limit=10"));
        browser.find("dashboard-topics");
        browser.find("dashboard-reports");
        for (JsonNode topic : topics.get("frequent")) {
            browser.waitForText("dashboard-topics-frequent", topic.get("term").asText());
        }
        String topicsCsv = browser.find("dashboard-topics-csv").getAttribute("href");
        assertTrue(topicsCsv.contains("statistics/topics") && topicsCsv.contains("format=csv"), topicsCsv);
        browser.screenshot("leader-dashboard");
        String csv = browser.find("dashboard-csv").getAttribute("href");
        assertTrue(csv == null || csv.contains("format=csv"), csv);
        browser.signOut();
    }

    @Test
    @Order(10)
    void aRuleAdministratorSeesABrokenModulesLineTriesOneAndRollsBack() throws Exception {
        HttpResponse<String> first = operator.postJar("rules/modules", module("1.0.0", RuleModuleJars.healthTo("520103-V1")));
        assertEquals(200, first.statusCode(), first.body());
        Path broken = karaf.home().resolve("desk-trial-broken.jar");
        java.nio.file.Files.write(broken, module("1.0.1",
                RuleModuleJars.healthTo("520103-V1").replace("then", "then oops(")));
        Path good = karaf.home().resolve("desk-trial-1.0.1.jar");
        java.nio.file.Files.write(good, module("1.0.1", RuleModuleJars.healthTo("520103-V2")));

        browser.signIn(Account.RULE_ADMINISTRATOR);
        browser.click("nav-rules");
        browser.waitForText("rules-modules", "desk-trial");
        browser.screenshot("rules-admin");
        browser.find("rules-upload-file").sendKeys(broken.toString());
        browser.click("rules-upload-submit");
        String errors = browser.waitUntil(driver -> {
            String text = browser.text("rules-errors");
            return text.matches("(?s).*routing\\.drl.*\\d+.*") ? text : null;
        });
        assertTrue(errors.contains("routing.drl"), errors);

        browser.find("rules-whatif-file").sendKeys(good.toString());
        browser.click("rules-whatif-submit");
        assertFalse(browser.find("rules-whatif-result").getText().isBlank());
        browser.screenshot("rules-what-if");

        browser.find("rules-upload-file").sendKeys(good.toString());
        browser.click("rules-upload-submit");
        browser.waitForText("rules-modules", "1.0.1");
        browser.click("rules-rollback-desk-trial");
        Eventually.until(() -> Api.json(operator.get("rules/modules/desk-trial")).get("active").get("version").asText().equals("1.0.0"),
                "the rollback brought 1.0.0 back");
        browser.signOut();
    }

    private static byte[] module(String version, String drl) throws java.io.IOException {
        return RuleModuleJars.bytes("desk-trial", version, "520103", Map.of("rules/routing.drl", drl));
    }

    @Test
    @Order(11)
    void signOutEndsTheSessionAndACrossSitePostIsRefused() throws Exception {
        browser.signIn(Account.NANMING_CLERK);
        Cookie session = browser.sessionCookie();
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        int cases = Api.json(operator.get("petitions?size=100")).get("items").size();
        String body = Petitions.json(Petitions.petition("OTHER", "跨站提交", "跨站提交的内容", "520102"));

        assertEquals(403, withCookie(session, "POST", "petitions", body).statusCode(),
                "a change with the cookie but without the page's token is refused");
        // A page of another site posts a form to the API: the browser sends no cookie, nothing is registered.
        browser.driver().get("data:text/html;charset=utf-8,<form id=f method=post enctype=text/plain action='"
                + karaf.api("petitions") + "'><input name='{\"a\":\"' value='\"}'></form>"
                + "<script>document.getElementById('f').submit()</script>");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("/api/v1/petitions"));
        assertEquals(cases, Api.json(operator.get("petitions?size=100")).get("items").size(),
                "nothing was registered by either");

        browser.open("#/queue");
        browser.find("queue-table");
        browser.signOut();
        assertEquals(401, withCookie(session, "GET", "session", null).statusCode(), "the old cookie signs nobody in");
    }

    /**
     * A clerk who never touches the mouse: signs in with the keyboard, tabs through the register
     * form in the order it reads, submits with Enter, hears the wrong identity number announced next
     * to its field (focus moves there), corrects it and saves with Enter again.
     */
    @Test
    @Order(12)
    void aRegistrationByKeyboardAlone() throws Exception {
        browser.open("#/signin");
        WebElement name = browser.clickable("signin-name");
        browser.driver().executeScript("arguments[0].focus()", name);
        active().sendKeys(Account.YUNYAN_CLERK.user());
        active().sendKeys(Keys.TAB);
        assertEquals("signin-password", active().getAttribute("data-test"), "the password follows the name");
        active().sendKeys(Account.YUNYAN_CLERK.password(), Keys.ENTER);
        browser.waitForText("whoami", Account.YUNYAN_CLERK.user());

        browser.open("#/register");
        browser.clickable("reg-title");
        browser.driver().executeScript("document.activeElement && document.activeElement.blur();"
                + "document.querySelector('[data-test^=reg-channel-]').focus()");
        Map<String, String> typed = Map.of("reg-title", "楼盘延期交房", "reg-content", "开发商延期交房已逾一年，业主多次协商无果。",
                "pet-name-0", "李明", "pet-id-0", VISITOR_ID.substring(0, 17) + (VISITOR_ID.charAt(17) == '5' ? '6' : '5'),
                "pet-phone-0", "13985550199", "pet-address-0", "贵州省贵阳市云岩区");
        List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < 60 && !"reg-submit".equals(active().getAttribute("data-test")); i++) {
            String field = active().getAttribute("data-test");
            if (field != null && !order.contains(field)) {
                order.add(field);
                if (field.startsWith("reg-channel-")) {
                    chooseByArrows("reg-channel-VISIT");
                } else if (field.startsWith("reg-type-")) {
                    chooseByArrows("reg-type-APPEAL");
                } else if (field.equals("reg-category")) {
                    for (int k = 0; k < 20 && !"HOUSING_CONSTRUCTION".equals(active().getAttribute("value")); k++) {
                        active().sendKeys(Keys.ARROW_DOWN);
                    }
                } else if (typed.containsKey(field)) {
                    active().sendKeys(typed.get(field));
                }
            }
            active().sendKeys(Keys.TAB);
        }
        assertEquals("reg-submit", active().getAttribute("data-test"), "tabbing reaches the submit button: " + order);
        List<String> expected = List.of("reg-category", "reg-jurisdiction", "reg-title", "reg-content", "pet-name-0",
                "pet-id-0", "pet-phone-0", "pet-address-0");
        assertEquals(expected, order.stream().filter(expected::contains).toList(), "the tab order is the reading order");

        browser.find("reg-title").sendKeys(Keys.ENTER);
        browser.waitUntil(driver -> !browser.text("error-pet-id-0").isBlank());
        WebElement id = active();
        assertEquals("pet-id-0", id.getAttribute("data-test"), "focus moves to the field at fault");
        assertEquals("true", id.getAttribute("aria-invalid"));
        WebElement error = browser.find("error-pet-id-0");
        assertEquals(error.getAttribute("id"), id.getAttribute("aria-describedby"), "the error is tied to its field");
        assertEquals("polite", error.getAttribute("aria-live"), "and announced");

        id.sendKeys(Keys.chord(Keys.CONTROL, "a"), VISITOR_ID, Keys.ENTER);
        String number = browser.find("receipt-number").getText().strip();
        assertTrue(number.matches("520103-\\d{4}-\\d{6}"), number);
        assertEquals("HOUSING_CONSTRUCTION", Api.json(operator.get("petitions/number/" + number)).get("category").asText());
        browser.signOut();
    }

    /**
     * The desk's sign-in is the platform's: a guesser posting passwords to it from one address is
     * held back there, while the clerk at the window signs in from hers.
     */
    @Test
    @Order(13)
    void aPasswordGuesserAtTheSignInFormIsHeldBack() throws Exception {
        URI signIn = karaf.api("session");
        int held = 0;
        for (int i = 0; i < 30; i++) {
            String status = FromAddress.head(signIn, "127.0.0.2", "POST", Petitions.json(Map.of(
                    "name", Account.NANMING_CLERK.user(), "password", "guess" + i)), "X-Requested-With: XMLHttpRequest");
            assertTrue(status.startsWith("HTTP/1.1 401") || status.startsWith("HTTP/1.1 429"), status);
            assertFalse(status.contains("Set-Cookie"), "no session for a wrong password");
            assertFalse(status.toLowerCase().contains("www-authenticate"), "no browser dialog for the desk");
            held += status.startsWith("HTTP/1.1 429") ? 1 : 0;
        }
        assertTrue(held >= 20, "held back after a few guesses: " + held + " of 30");
        browser.signIn(Account.NANMING_CLERK);
        browser.signOut();
    }

    /**
     * The administrator manages accounts in the realm the shell uses: a weak password is refused on
     * its field, an account is added with a role, given and denied roles, its password reset; each
     * change signs the account's browsers out and is in the security log, and nobody else may see
     * the screen's data.
     */
    @Test
    @Order(14)
    void theAdministratorManagesAccounts() throws Exception {
        browser.signIn(Account.ADMINISTRATOR);
        browser.click("nav-accounts");
        browser.waitUntil(driver -> browser.all("account-row").size() >= Account.values().length);
        browser.type("account-add-name", "window-9");
        browser.type("account-add-password", "short");
        browser.select("account-add-role", "clerk");
        browser.type("account-add-scope", "520102");
        browser.click("account-add-role-add");
        browser.click("account-add-submit");
        assertFalse(browser.find("error-account-add-password").getText().isBlank(), "a weak password is named");
        browser.type("account-add-password", "Window-pass-2026");
        browser.click("account-add-submit");
        browser.waitUntil(driver -> browser.all("account-row").stream()
                .anyMatch(row -> "window-9".equals(row.getAttribute("data-name"))));
        browser.screenshot("admin-accounts");

        HttpResponse<String> window = HttpClient.newHttpClient().send(HttpRequest.newBuilder(karaf.api("session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        Petitions.json(Map.of("name", "window-9", "password", "Window-pass-2026")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, window.statusCode(), "the new account signs in: " + window.body());
        Cookie windowSession = new Cookie("reception_session", window.headers().firstValue("Set-Cookie").orElseThrow()
                .replaceAll("^reception_session=([^;]+);.*", "$1"));
        assertEquals(200, withCookie(windowSession, "GET", "session", null).statusCode());

        browser.click("account-edit-window-9");
        browser.select("account-grant-role", "supervisor");
        browser.type("account-grant-scope", "5201");
        browser.click("account-grant-submit");
        browser.waitForText("account-edit-roles", "5201");
        browser.click("account-revoke-clerk:520102");
        browser.waitUntil(driver -> !browser.text("account-edit-roles").contains("520102"));
        assertEquals(List.of("supervisor:5201"), roles("window-9"));
        assertEquals(401, withCookie(windowSession, "GET", "session", null).statusCode(),
                "a changed account's browsers are signed out at once");

        browser.type("account-reset-password", "Reset-pass-2027");
        browser.click("account-reset-submit");
        // Waited for in the security log: signing in again and again until the reset lands would be
        // a guesser's pattern, and held back as one.
        Eventually.until(() -> java.nio.file.Files.readString(karaf.home().resolve("data/log/security.log"))
                .contains("Account window-9 password reset by administrator"), "the reset is done");
        assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(karaf.api("session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        Petitions.json(Map.of("name", "window-9", "password", "Reset-pass-2027")))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "the new password signs in");
        String users = java.nio.file.Files.readString(karaf.home().resolve("etc/users.properties"));
        assertFalse(users.contains("Reset-pass-2027") || users.contains("Window-pass-2026"), "passwords are stored hashed");
        String log = java.nio.file.Files.readString(karaf.home().resolve("data/log/security.log"));
        for (String change : List.of("Account window-9 created with roles [clerk:520102] by administrator",
                "Account window-9 granted supervisor:5201 by administrator",
                "Account window-9 revoked clerk:520102 by administrator", "Account window-9 password reset by administrator")) {
            assertTrue(log.contains(change), "the security log records: " + change);
        }

        HttpResponse<String> selfRevoke = new Api(karaf, Account.ADMINISTRATOR).send("DELETE",
                "accounts/" + Account.ADMINISTRATOR.user() + "/roles/admin");
        assertEquals(409, selfRevoke.statusCode(), selfRevoke.body());
        assertEquals(403, new Api(karaf, Account.NANMING_CLERK).get("accounts").statusCode());
        browser.find("account-reset-password").sendKeys(Keys.ESCAPE);
        browser.waitGone("account-edit-dialog");
        browser.signOut();
    }

    /**
     * Whatever a petitioner or a county system writes is shown as text: markup in a title, a
     * content or a name never runs, on the queue or on the case page (escaped by the templates, and
     * the policy would refuse an inline script anyway).
     */
    @Test
    @Order(15)
    void markupInAPetitionIsShownAsTextAndNeverRuns() throws Exception {
        String payload = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
        Map<String, Object> petition = Petitions.petition("OTHER", "标题" + payload, "内容" + payload, "520102");
        Map<String, Object> person = Petitions.person("张<b>三</b>", Petitions.ZHANG_ID, false);
        petition.put("petitioners", List.of(person));
        String id = register(petition);
        browser.signIn(Account.NANMING_CLERK);
        browser.click("nav-queue");
        browser.type("queue-search", "标题");
        browser.find("queue-search").sendKeys(Keys.ENTER);
        browser.waitUntil(driver -> browser.pageText().contains("标题<img"));
        browser.open("#/case/" + id);
        browser.waitUntil(driver -> browser.pageText().contains("内容<img src=x"));
        assertTrue(browser.pageText().contains("<script>window.__pwned=2</script>"), "shown as the text it is");
        assertEquals(Boolean.TRUE, browser.driver().executeScript("return window.__pwned === undefined"), "nothing ran");
        assertTrue(browser.driver().findElements(org.openqa.selenium.By.cssSelector("img[src='x']")).isEmpty(),
                "no element was made of it");
        browser.signOut();
    }

    /**
     * The queue pages on by cursor: following the API's {@code next} (in the answer and its Link
     * header) walks the list exactly as page numbers do, and the desk's "next" button uses it.
     */
    @Test
    @Order(16)
    void theQueuePagesOnByCursor() throws Exception {
        for (int i = 0; i < 21; i++) {
            Map<String, Object> petition = Petitions.petition("OTHER", "第" + i + "号咨询", "关于第" + i + "项政策的咨询", "520102");
            petition.put("petitioners", List.of(Petitions.person("市民" + i,
                    Petitions.residentId("52010219900101" + String.format("%03d", i + 1)), false)));
            register(petition);
        }
        List<String> byNumber = new java.util.ArrayList<>();
        JsonNode first = Api.json(operator.get("petitions?jurisdiction=520102&size=2"));
        for (int page = 0; page * 2 < first.get("total").asInt(); page++) {
            Api.json(operator.get("petitions?jurisdiction=520102&size=2&page=" + page)).get("items")
                    .forEach(item -> byNumber.add(item.get("id").asText()));
        }
        List<String> byCursor = new java.util.ArrayList<>();
        String path = "petitions?jurisdiction=520102&size=2";
        while (path != null) {
            HttpResponse<String> answer = operator.get(path);
            JsonNode page = Api.json(answer);
            page.get("items").forEach(item -> byCursor.add(item.get("id").asText()));
            String link = answer.headers().firstValue("Link").orElse("");
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("<[^>]*/api/v1/([^>]+)>;\\s*rel=\"next\"")
                    .matcher(link);
            assertEquals(page.get("next").isNull(), !next.find(), "the link and the answer agree: " + link);
            path = page.get("next").isNull() ? null : next.group(1);
            assertTrue(path == null || path.contains("after=" + page.get("next").asText()), path);
        }
        assertTrue(byNumber.size() >= 4, "enough cases to page: " + byNumber.size());
        assertEquals(byNumber, byCursor);
        assertEquals(400, operator.get("petitions?after=not-a-cursor").statusCode());

        browser.signIn(Account.NANMING_CLERK);
        browser.click("nav-queue");
        browser.find("queue-table");
        String firstRow = browser.all("queue-row").get(0).getAttribute("data-number");
        browser.click("queue-next");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("after=")
                && !browser.all("queue-row").isEmpty()
                && !firstRow.equals(browser.all("queue-row").get(0).getAttribute("data-number")));
        browser.signOut();
    }

    /**
     * What the desk's additions to the API must not give away: a clerk of the place reads the
     * procedure of an accusation in its audit log, but not who read the accuser's data nor why (the
     * investigation's, for its overseers); a county system's registration preview does not list the
     * same person's earlier petitions nor whom the rules would keep the case from.
     */
    @Test
    @Order(17)
    void theTimelineAndThePreviewTellNoMoreThanTheRoleMayKnow() throws Exception {
        String purpose = "核实举报人身份以便约谈";
        Api supervisor = new Api(karaf, Account.GUIYANG_SUPERVISOR);
        assertEquals(200, supervisor.post("petitions/" + accusationId + "/disclose", Map.of("purpose", purpose))
                .statusCode());
        HttpResponse<String> overseen = supervisor.get("petitions/" + accusationId + "/audit");
        assertTrue(overseen.body().contains("READ_PERSONAL_DATA") && overseen.body().contains(purpose),
                "the overseer reads the disclosure: " + overseen.body());
        HttpResponse<String> clerk = new Api(karaf, Account.NANMING_CLERK).get("petitions/" + accusationId + "/audit");
        assertEquals(200, clerk.statusCode(), "the clerk of the place reads the timeline");
        assertTrue(clerk.body().contains("dispose") || clerk.body().contains("register"), clerk.body());
        assertFalse(clerk.body().contains("READ_PERSONAL_DATA") || clerk.body().contains(purpose),
                "but not who looked at the accuser, nor why: " + clerk.body());

        Map<String, Object> again = Petitions.petition("LAND_RESOURCES", "征地补偿款仍未到位", "再次反映征地补偿款未发放到位的问题", "520102");
        again.put("petitioners", List.of(Petitions.person("王秀英", VISITOR_ID, false)));
        JsonNode forTheCenter = Api.json(new Api(karaf, Account.NANMING_CLERK).post("petitions/preview", again));
        assertTrue(forTheCenter.get("earlier").toString().contains(visitNumber),
                "the center sees the visitor's earlier petition: " + forTheCenter);
        JsonNode forACounty = Api.json(new Api(karaf, Account.NANMING_SYSTEM).post("petitions/preview", again));
        assertEquals(0, forACounty.get("earlier").size(), "a county system does not: " + forACounty);

        Map<String, Object> accusation = Petitions.petition("PUBLIC_SECURITY", ACCUSATION_TITLE + "（续）",
                "城南派出所民警仍在收受辖区商户财物", "520102");
        accusation.put("type", "ACCUSATION");
        accusation.put("accused", List.of("南明区公安局城南派出所"));
        JsonNode centerSees = Api.json(new Api(karaf, Account.NANMING_CLERK).post("petitions/preview", accusation))
                .get("confidentiality");
        assertTrue(centerSees.get("hiddenFrom").size() > 0, "the center sees whom it is kept from: " + centerSees);
        JsonNode countySees = Api.json(new Api(karaf, Account.NANMING_SYSTEM).post("petitions/preview", accusation))
                .get("confidentiality");
        assertEquals(0, countySees.get("hiddenFrom").size() + countySees.get("readers").size()
                + countySees.get("reasons").size(), "a county system does not: " + countySees);
        assertTrue(countySees.get("identityHidden").asBoolean(), "it learns the identity is hidden, not from whom");
    }

    private static List<String> roles(String account) throws Exception {
        for (JsonNode found : Api.json(new Api(karaf, Account.ADMINISTRATOR).get("accounts"))) {
            if (found.get("name").asText().equals(account)) {
                List<String> roles = new java.util.ArrayList<>();
                found.get("roles").forEach(role -> roles.add(role.get("role").asText()
                        + (role.get("scope").isNull() ? "" : ":" + role.get("scope").asText())));
                return roles;
            }
        }
        throw new AssertionError("no account " + account);
    }

    private static WebElement active() {
        return browser.driver().switchTo().activeElement();
    }

    /** Moves a radio group's choice with the arrow keys until {@code testId} is chosen. */
    private static void chooseByArrows(String testId) {
        for (int k = 0; k < 8 && !browser.driver().findElement(Browser.by(testId)).isSelected(); k++) {
            active().sendKeys(Keys.ARROW_RIGHT);
        }
        assertTrue(browser.driver().findElement(Browser.by(testId)).isSelected(), testId + " chosen by keyboard");
    }

    /** A step as the timeline names it (the desk's words for audit actions). */
    private static String stepInChinese(String step) {
        return switch (step) {
            case "accept" -> "办理单位签收";
            case "extend" -> "办理期限延期";
            case "reply" -> "书面答复信访人";
            case "evaluate" -> "满意度评价";
            default -> "归档";
        };
    }

    private static String register(Map<String, Object> petition) throws Exception {
        HttpResponse<String> response = new Api(karaf, Account.NANMING_CLERK).post("petitions", petition);
        assertEquals(201, response.statusCode(), response.body());
        return Api.json(response).get("id").asText();
    }

    private static HttpResponse<String> withCookie(Cookie cookie, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(karaf.api(path))
                .header("Cookie", cookie.getName() + "=" + cookie.getValue())
                .header("X-Requested-With", "XMLHttpRequest");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static LocalDate today() throws Exception {
        return Instant.parse(Api.json(operator.get("clock")).get("now").asText()).atZone(CST).toLocalDate();
    }

    private static void moveClock(Duration offset) throws Exception {
        Instant target = Instant.now().plus(offset).minusSeconds(60);
        karaf.configure("org.reception.clock", "offset = " + offset + "\n");
        Eventually.until(() -> Instant.parse(Api.json(operator.get("clock")).get("now").asText()).isAfter(target),
                "the platform's clock moved by " + offset);
    }
}
