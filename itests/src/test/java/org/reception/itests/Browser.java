package org.reception.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium at a reception hall's screen size (1366×768), driven through Debian's
 * chromedriver: the desk as a clerk's browser sees it. Elements are found by their {@code data-test}
 * names; waits poll the page (Selenium's explicit wait), never sleep.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("reception.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("reception.chromedriver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final KarafInstance karaf;
    private final Path screenshots;

    Browser(KarafInstance karaf, Path screenshots) throws IOException {
        this.karaf = karaf;
        this.screenshots = Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Root in CI: Chromium's sandbox needs user namespaces it does not get there.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,768", "--lang=zh-CN", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a route of the desk, e.g. {@code #/register}. */
    void open(String route) {
        driver.get(karaf.http("/desk/" + route).toString());
    }

    WebElement find(String testId) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by(testId)));
    }

    WebElement clickable(String testId) {
        return waitUntil(ExpectedConditions.elementToBeClickable(by(testId)));
    }

    List<WebElement> all(String testId) {
        return driver.findElements(by(testId));
    }

    boolean present(String testId) {
        return !driver.findElements(by(testId)).isEmpty();
    }

    void click(String testId) {
        WebElement element = clickable(testId);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Replaces what the field holds with {@code text}, as a person selecting all and typing would. */
    void type(String testId, String text) {
        WebElement field = clickable(testId);
        field.click();
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
        field.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
        field.sendKeys(text);
    }

    /** Picks an option of a native select by its value. */
    void select(String testId, String value) {
        new org.openqa.selenium.support.ui.Select(clickable(testId)).selectByValue(value);
    }

    String text(String testId) {
        return find(testId).getText();
    }

    /** Waits until the element's text contains {@code part}; returns the text. */
    String waitForText(String testId, String part) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(by(testId), part));
        return text(testId);
    }

    void waitGone(String testId) {
        waitUntil(ExpectedConditions.invisibilityOfElementLocated(by(testId)));
    }

    <T> T waitUntil(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * The desk's session cookie as the browser holds it. It is scoped to the API's path, so it is
     * read there; the browser then returns to the page it was on.
     */
    Cookie sessionCookie() {
        String page = driver.getCurrentUrl();
        driver.get(karaf.api("health").toString());
        Cookie cookie = driver.manage().getCookieNamed("reception_session");
        driver.get(page);
        return cookie;
    }

    void signIn(Account account) {
        open("#/signin");
        type("signin-name", account.user());
        type("signin-password", account.password());
        click("signin-submit");
        waitForText("whoami", account.user());
    }

    void signOut() {
        click("signout");
        find("signin-name");
    }

    /** Saves what the screen shows now, for docs/desk.md. */
    Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    static By by(String testId) {
        return By.cssSelector("[data-test=\"" + testId + "\"]");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
