package io.sourced.app.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium (headless) driven by Selenium against one instance, with what a person does in words:
 * sign in, open, type, click, wait, and a screenshot of the whole page into {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String baseUrl;
    private final ChromeDriverService service;
    private final Path profile;
    final WebDriver driver;

    private Browser(String baseUrl, ChromeDriverService service, Path profile, WebDriver driver) {
        this.baseUrl = baseUrl;
        this.service = service;
        this.profile = profile;
        this.driver = driver;
    }

    /** Skips the calling suite when Chromium is missing, unless -Dsourced.browser.required=true. */
    static void assumeInstalled() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            if (Boolean.getBoolean("sourced.browser.required")) {
                fail("The browser suite is required but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
            }
            assumeTrue(false, "No Chromium or chromedriver under /usr/bin: browser suite skipped");
        }
    }

    /** A browser whose reader lives in the given time zone (e.g. {@code Asia/Kolkata}), whatever the machine's. */
    static Browser open(String baseUrl, String timeZone) throws IOException {
        Path profile = Files.createTempDirectory("sourced-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .withEnvironment(Map.of("TZ", timeZone))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        Files.createDirectories(SCREENSHOTS);
        return new Browser(baseUrl, service, profile, new ChromeDriver(service, options));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    void fresh() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        get("/login");
        driver.manage().deleteAllCookies();
    }

    void get(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    void signIn(String username, String password) {
        get("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.cssSelector("form button[type=submit]"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    }

    void signOut() {
        click(By.id("sign-out"));
        waitFor(ExpectedConditions.urlContains("/login?signedOut"));
    }

    WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    String text(By by) {
        return find(by).getText().strip();
    }

    void type(By by, String value) {
        WebElement input = find(by);
        input.clear();
        input.sendKeys(value);
    }

    void click(By by) {
        waitFor(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void waitForText(By by, String text) {
        waitFor(driver -> {
            var found = driver.findElements(by);
            return !found.isEmpty() && text.equals(found.get(0).getText().strip());
        });
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)).until(condition::apply);
    }

    void screenshot(String page) {
        waitFor(d -> "complete".equals(js("return document.readyState")));
        // the whole page, not only what fits the window
        Dimension window = driver.manage().window().getSize();
        Number height = (Number) js("return document.documentElement.scrollHeight;");
        driver.manage()
                .window()
                .setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(), height.intValue() + 150)));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        driver.manage().window().setSize(window);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status of a page for the browser's signed-in session, which Selenium does not expose. */
    int statusAsSignedIn(String path) throws Exception {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Cookie", "JSESSIONID=" + session.getValue())
                .header("Accept", "text/html")
                .GET()
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
