package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The web UI driven by Debian's Chromium (headless) against the whole application on H2 and a random port:
 * what a person does in the shop, their orders and account, and the back office.
 */
class BrowserIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Instance instance;
    private static Api admin;
    private static ChromeDriverService service;
    private static Path profile;
    private static WebDriver browser;
    private static String baseUrl;

    @BeforeAll
    static void start() throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            if (Boolean.getBoolean("sourced.browser.required")) {
                fail("The browser suite is required but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
            }
            assumeTrue(false, "No Chromium or chromedriver under /usr/bin: browser suite skipped");
        }
        instance = Instance.start(
                Database.h2(), List.of("--sourced.returns.retry=1s"), GateReservations.class, FailingRestocks.class);
        admin = instance.admin;
        baseUrl = admin.baseUrl;
        profile = Files.createTempDirectory("sourced-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
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
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (instance != null) {
            instance.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @BeforeEach
    void freshBrowser() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(baseUrl + "/login");
        browser.manage().deleteAllCookies();
    }

    // ---------------------------------------------------------------- the shop and a live order

    @Test
    void alice_placesATwoLineOrder_andSeesItAcceptedLive() {
        String keyboard = admin.registerProduct(unique("Keyboard"), "12.50", 5);
        String cable = admin.registerProduct(unique("Cable"), "3.00", 10);
        GateReservations.close(keyboard);
        try {
            signIn("alice");
            assertThat(browser.getCurrentUrl()).endsWith("/shop");
            waitForText(By.id("available-" + keyboard), "5");
            BigDecimal balanceBefore = new BigDecimal(text(By.id("balance")));

            type(By.id("quantity-" + keyboard), "2");
            type(By.id("quantity-" + cable), "3");
            click(By.id("place-order"));

            waitFor(ExpectedConditions.urlContains("/orders/"));
            waitForStatus("PENDING");
            js("window.sourcedSamePage = 'yes';");
            GateReservations.open(keyboard);

            waitForStatus("ACCEPTED");
            assertThat(js("return window.sourcedSamePage;"))
                    .as("the page was not reloaded")
                    .isEqualTo("yes");
            assertThat(badge().getText()).isEqualTo("ACCEPTED");
            waitForText(By.id("order-total"), "34.00");
            assertThat(text(By.cssSelector("[data-unit-price='" + keyboard + "']")))
                    .isEqualTo("12.50");
            assertThat(text(By.cssSelector("[data-line-total='" + cable + "']")))
                    .isEqualTo("9.00");
            waitFor(driver -> driver.findElements(By.cssSelector("#history .timeline-entry"))
                            .size()
                    >= 3);
            assertThat(text(By.id("history"))).contains("alice");

            click(By.linkText("Shop"));
            waitForText(By.id("available-" + keyboard), "3");
            waitForText(By.id("available-" + cable), "7");
            waitForText(
                    By.id("balance"),
                    balanceBefore.subtract(new BigDecimal("34.00")).toPlainString());
        } finally {
            GateReservations.open(keyboard);
        }
    }

    @Test
    void alice_seesHerPendingOrderComplete_inHerOrdersList_withoutReloading() {
        String lamp = admin.registerProduct(unique("Lamp"), "20.00", 3);
        GateReservations.close(lamp);
        try {
            String orderId =
                    aliceApi().placeOrder(aliceCustomerId(), Map.of(lamp, 1)).id("orderId");
            signIn("alice");
            browser.get(baseUrl + "/orders");
            By row = By.cssSelector("tr[data-order-id='" + orderId + "'] [data-field=status]");
            waitFor(ExpectedConditions.attributeToBe(row, "data-status", "PENDING"));
            js("window.sourcedSamePage = 'yes';");
            GateReservations.open(lamp);

            waitFor(ExpectedConditions.attributeToBe(row, "data-status", "ACCEPTED"));
            assertThat(js("return window.sourcedSamePage;")).isEqualTo("yes");
            assertThat(text(By.cssSelector("tr[data-order-id='" + orderId + "'] [data-field=total]")))
                    .isEqualTo("20.00");
        } finally {
            GateReservations.open(lamp);
        }
    }

    // ---------------------------------------------------------------- rejection, and the back office

    @Test
    void orderBeyondStock_showsRejectedWithItsReason_andTheAdminsRestockShowsInTheShop() {
        String name = unique("Monitor");
        String monitor = admin.registerProduct(name, "229.00", 2);

        signIn("alice");
        type(By.id("quantity-" + monitor), "3");
        click(By.id("place-order"));
        waitForStatus("REJECTED");
        waitForText(By.id("rejection-reason"), "Some items were out of stock");
        String orderUrl = browser.getCurrentUrl();
        signOut();

        signIn("admin");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/orders");
        new org.openqa.selenium.support.ui.Select(find(By.id("filter-status"))).selectByValue("REJECTED");
        click(By.id("apply-filters"));
        String orderId = orderUrl.substring(orderUrl.lastIndexOf('/') + 1);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-order-id='" + orderId + "']")));
        assertThat(text(By.cssSelector("tr[data-order-id='" + orderId + "']"))).contains("Alice Martin", "REJECTED");

        click(By.linkText("Products"));
        waitForText(By.id("available-" + monitor), "2");
        type(By.id("restock-" + monitor), "5");
        click(By.id("restock-submit-" + monitor));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Restocked " + name));
        waitForText(By.id("available-" + monitor), "7");
        signOut();

        signIn("alice");
        waitForText(By.id("available-" + monitor), "7");
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badFormInput_showsItsMessageNextToTheField_andStoresNothing() {
        String username = "carol" + UUID.randomUUID().toString().substring(0, 6);
        String customerId = admin.post(
                        "/api/customers",
                        Map.of(
                                "name",
                                "Carol " + username,
                                "initialDeposit",
                                new BigDecimal("40.00"),
                                "username",
                                username,
                                "password",
                                "secret-1"))
                .id("customerId");
        String mug = admin.registerProduct(unique("Mug"), "7.25", 10);
        long before = storedFor(customerId, mug);

        signIn(username, "secret-1");
        click(By.id("place-order"));
        waitForText(By.id("order-error"), "Choose a quantity of at least 1 for one product or more.");

        type(By.id("quantity-" + mug), "-1");
        click(By.id("place-order"));
        assertFieldError("quantity-" + mug, "must not be negative");

        type(By.id("quantity-" + mug), "1.5");
        click(By.id("place-order"));
        assertFieldError("quantity-" + mug, "must be a whole number");

        click(By.linkText("My account"));
        type(By.id("deposit-amount"), "10.555");
        click(By.id("deposit-submit"));
        assertFieldError("deposit-amount", "must have at most 2 decimals");

        type(By.id("withdrawal-amount"), "40.01");
        click(By.id("withdrawal-submit"));
        assertFieldError("withdrawal-amount", "exceeds the balance 40.00");
        screenshot("account-bad-input");
        assertThat(text(By.id("balance"))).isEqualTo("40.00");
        signOut();

        signIn("admin");
        browser.get(baseUrl + "/admin/products");
        type(By.id("product-name"), unique("Bad price"));
        type(By.id("product-price"), "1.234");
        click(By.id("register-submit"));
        assertFieldError("product-price", "must have at most 2 decimals");
        type(By.id("restock-" + mug), "0");
        click(By.id("restock-submit-" + mug));
        assertFieldError("restock-" + mug, "must be at least 1");
        browser.get(baseUrl + "/admin/customers");
        type(By.id("customer-name"), "Dora " + username);
        type(By.id("customer-username"), "dora-" + username);
        type(By.id("customer-password"), "é".repeat(37));
        click(By.id("open-submit"));
        waitForText(By.cssSelector("#open-customer .problem"), "Password must be at most 72 bytes in UTF-8.");

        assertThat(storedFor(customerId, mug)).as("events stored by bad input").isEqualTo(before);
        assertThat(admin.get("/api/customers").raw()).doesNotContain("Dora " + username);
    }

    // ---------------------------------------------------------------- corrections

    @Test
    void admin_writesOffStock_andReversesADeposit_eachWithItsReason_andSeesTheResult() {
        String lamp = admin.registerProduct(unique("Lamp"), "9.00", 6);
        String customer = admin.openCustomer(unique("Quinn"), "30");
        String mistaken = admin.depositOf(customer, "12.50");

        signIn("admin");
        browser.get(baseUrl + "/admin/products/" + lamp);
        type(By.id("write-off-quantity"), "7");
        type(By.id("write-off-reason"), "cracked");
        click(By.id("write-off-submit"));
        assertFieldError("write-off-quantity", "exceeds the 6 units available");
        type(By.id("write-off-quantity"), "2");
        type(By.id("write-off-reason"), "cracked in transit");
        click(By.id("write-off-submit"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "cracked in transit"));
        waitForText(By.id("available"), "4");
        screenshot("admin-product-written-off");

        browser.get(baseUrl + "/accounts/" + customer);
        new org.openqa.selenium.support.ui.Select(find(By.id("reversal-transaction"))).selectByValue(mistaken);
        click(By.id("reversal-submit"));
        assertFieldError("reversal-reason", "is required");
        new org.openqa.selenium.support.ui.Select(find(By.id("reversal-transaction"))).selectByValue(mistaken);
        type(By.id("reversal-reason"), "meant for another account");
        click(By.id("reversal-submit"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), "Reversed the deposit of 12.50"));
        waitForText(By.id("balance"), "30.00");
        assertThat(text(By.cssSelector("#transactions tbody tr:first-child"))).contains("Deposit reversed");
        assertThat(text(By.id("transactions"))).contains("reversed");
        screenshot("account-deposit-reversed");
        signOut();

        signIn("alice");
        browser.get(baseUrl + "/accounts/" + aliceCustomerId());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("balance")));
        assertThat(browser.findElements(By.id("reversal-form")))
                .as("a customer reverses nothing")
                .isEmpty();
    }

    @Test
    void alice_returnsAUnitOfHerAcceptedOrder_withTheReason_andSeesTheReturnCompleteLive() {
        String lamp = admin.registerProduct(unique("Lamp"), "20.00", 5);
        String orderId =
                aliceApi().placeOrder(aliceCustomerId(), Map.of(lamp, 2)).id("orderId");
        aliceApi().awaitTerminal(orderId);
        signIn("alice");
        browser.get(baseUrl + "/orders/" + orderId);

        type(By.id("return-units-" + lamp), "3");
        type(By.id("return-reason"), "the shade is cracked");
        click(By.id("return-submit"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.id("return-units-error"), "exceeds the 2 still returnable"));
        type(By.id("return-units-" + lamp), "1");
        find(By.id("return-reason")).clear();
        click(By.id("return-submit"));
        assertFieldError("return-reason", "is required");

        // the product cannot take the unit back for now: the return stays in progress
        FailingRestocks.FAILURES.put(lamp, Integer.MAX_VALUE);
        type(By.id("return-units-" + lamp), "1");
        type(By.id("return-reason"), "the shade is cracked");
        click(By.id("return-submit"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Return asked"));
        // the returns' section is swapped whole as the order changes: looked up afresh each time
        waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#returns [data-field=return-status]"), "In progress"));
        waitForText(By.cssSelector("[data-returned='" + lamp + "']"), "0 of 2 (1 being returned)");
        js("window.sourcedSamePage = 'yes';");
        FailingRestocks.FAILURES.remove(lamp);

        waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#returns [data-field=return-status]"), "Returned and refunded"));
        waitForText(By.cssSelector("[data-returned='" + lamp + "']"), "1 of 2");
        waitForText(By.id("order-refunded"), "20.00");
        assertThat(js("return window.sourcedSamePage;"))
                .as("the page was not reloaded")
                .isEqualTo("yes");
        waitFor(driver -> driver.findElement(By.id("history")).getText().contains("Return completed"));
        screenshot("order-returned-in-part");
    }

    // ---------------------------------------------------------------- what is someone else's

    @Test
    void bob_cannotOpenAlicesOrderOrAccountPage_notFound() throws Exception {
        String pen = admin.registerProduct(unique("Pen"), "2.00", 10);
        String alice = aliceCustomerId();
        String orderId = aliceApi().placeOrder(alice, Map.of(pen, 1)).id("orderId");
        aliceApi().awaitTerminal(orderId);

        signIn("bob");
        for (String page : new String[] {
            "/orders/" + orderId,
            "/accounts/" + alice,
            "/orders/" + orderId + "/history",
            "/orders/not-an-id",
            "/no-such-page"
        }) {
            browser.get(baseUrl + page);
            waitForText(By.cssSelector(".error-code"), "404");
            assertThat(text(By.tagName("h1"))).as(page).isEqualTo("Not found");
            assertThat(browser.getPageSource())
                    .as(page)
                    .doesNotContain("Exception")
                    .doesNotContain("Alice Martin");
            assertThat(statusAsSignedIn(page)).as(page).isEqualTo(404);
        }
        assertThat(statusAsSignedIn("/orders/" + orderId + "/live", "text/event-stream"))
                .isEqualTo(404);
        assertThat(statusAsSignedIn("/admin/orders")).isEqualTo(403);
    }

    // ---------------------------------------------------------------- the reports

    @Test
    void admin_opensTheReportsPage_theChartsRender_andTheTableShowsTheOrdersNumbers() throws Exception {
        String lamp = admin.registerProduct(unique("Report lamp"), "12.50", 10);
        String customer = admin.openCustomer(unique("Reporter"), "500");
        String accepted = admin.placeOrder(customer, Map.of(lamp, 3)).id("orderId");
        String beyondStock = admin.placeOrder(customer, Map.of(lamp, 50)).id("orderId");
        admin.awaitTerminal(accepted);
        admin.awaitTerminal(beyondStock);

        signIn("admin");
        click(By.linkText("Reports"));
        By soldCell = By.cssSelector("#product-report tr[data-product-id='" + lamp + "'] [data-field=sold]");
        // the reports follow the event log a moment later: read the page again until they show the orders
        new WebDriverWait(browser, PATIENCE, Duration.ofMillis(500)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElements(soldCell).stream()
                    .anyMatch(cell -> "3".equals(cell.getText().strip()));
        });

        String row = "#product-report tr[data-product-id='" + lamp + "'] ";
        assertThat(text(By.cssSelector(row + "[data-field=ordered]"))).isEqualTo("53");
        assertThat(text(By.cssSelector(row + "[data-field=revenue]"))).isEqualTo("37.50");
        assertThat(text(By.cssSelector(row + "[data-field=lost]"))).isEqualTo("50");
        assertThat(text(By.cssSelector(row + "[data-field=stock]"))).isEqualTo("7");
        assertThat(text(By.cssSelector(row + "[data-field=sell-through]"))).isEqualTo("30.0 %");
        for (String chart : new String[] {"chart-revenue", "chart-units", "chart-funnel", "chart-timing"}) {
            waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
        }
        assertThat(Integer.parseInt(text(By.id("total-placed")))).isGreaterThanOrEqualTo(2);
        // revenue by tier comes from GET /api/reports/tiers with the page's sign-in: drawn, or "not available"
        waitFor(driver ->
                !driver.findElements(By.cssSelector("#chart-tiers canvas")).isEmpty()
                        || driver.findElement(By.id("tiers-status")).getText().contains("not available"));
        assertThat(statusAsSignedIn("/api/reports/products", "application/json"))
                .isEqualTo(200);
        assertThat(statusAsSignedIn("/api/products", "application/json"))
                .as("the rest of the API stays stateless")
                .isEqualTo(401);
        screenshot("reports");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-revenue canvas")));
        screenshot("reports-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.get(baseUrl + "/admin/reports?from=2020-01-01&to=2020-01-31");
        assertThat(text(By.id("no-days"))).isEqualTo("No orders in these days.");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-timing canvas")));
        assertThat(text(By.id("total-revenue"))).isEqualTo("0.00");
        browser.get(baseUrl + "/admin/reports?from=2020-02-01&to=2020-01-01");
        assertThat(text(By.cssSelector(".problem"))).contains("must not be after");
    }

    // ---------------------------------------------------------------- consumers of the feed

    @Test
    void admin_registersAConsumer_seesItsTokenOnce_rotatesIt_andDisablesIt() throws Exception {
        signIn("admin");
        click(By.linkText("Consumers"));
        String name = unique("Browser reader");
        type(By.id("consumer-name"), name);
        click(By.cssSelector("input[name=eventTypes][value=ProductRegisteredEvent]"));
        click(By.id("consumer-register"));

        String token = text(By.id("issued-token"));
        assertThat(token).startsWith("sct_");
        assertThat(feedStatus(token)).isEqualTo(200);
        WebElement row = find(By.cssSelector("tr[data-consumer='" + name + "']"));
        String consumerId = row.getAttribute("data-consumer-id");
        assertThat(row.getText())
                .contains("ProductRegisteredEvent")
                .contains("left out")
                .contains("enabled");
        screenshot("admin-consumers");
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("issued-token"))).as("shown once").isEmpty();

        click(By.id("rotate-" + consumerId));
        String rotated = text(By.id("issued-token"));
        assertThat(rotated).isNotEqualTo(token);
        assertThat(feedStatus(token)).isEqualTo(401);
        assertThat(feedStatus(rotated)).isEqualTo(200);

        click(By.id("toggle-" + consumerId));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-consumer='" + name + "'] [data-field=enabled]"), "disabled"));
        assertThat(feedStatus(rotated)).isEqualTo(401);
        browser.get(baseUrl + "/admin/operations");
        assertThat(text(By.cssSelector("#consumers tr[data-consumer='" + name + "']")))
                .contains("(disabled)");
    }

    private static int feedStatus(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/feed"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    // ---------------------------------------------------------------- how every page looks

    @Test
    void everyMainPage_isSavedAsAScreenshot() {
        browser.get(baseUrl + "/");
        screenshot("landing");
        browser.get(baseUrl + "/login");
        screenshot("login");

        signIn("alice");
        String keyboardId = productNamed("Mechanical keyboard");
        String cableId = productNamed("USB-C cable");
        type(By.id("quantity-" + keyboardId), "1");
        type(By.id("quantity-" + cableId), "2");
        click(By.id("place-order"));
        waitForStatus("ACCEPTED");
        waitFor(driver ->
                driver.findElements(By.cssSelector("#history .timeline-entry")).size() >= 3);
        screenshot("order-detail");
        browser.get(baseUrl + "/orders");
        screenshot("my-orders");
        browser.get(baseUrl + "/account");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("transactions")));
        screenshot("account");
        browser.get(baseUrl + "/shop");
        screenshot("shop");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        screenshot("shop-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
        signOut();

        signIn("admin");
        screenshot("admin-orders");
        browser.get(baseUrl + "/admin/products");
        screenshot("admin-products");
        browser.get(baseUrl + "/admin/customers");
        screenshot("admin-customers");

        try (Stream<Path> files = Files.list(SCREENSHOTS)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .contains(
                            "login.png",
                            "shop.png",
                            "shop-phone.png",
                            "my-orders.png",
                            "order-detail.png",
                            "account.png",
                            "admin-orders.png",
                            "admin-products.png",
                            "admin-customers.png");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- helpers in the reader's words

    private static void signIn(String username) {
        signIn(username, username);
    }

    private static void signIn(String username, String password) {
        browser.get(baseUrl + "/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.cssSelector("form button[type=submit]"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    }

    private static void signOut() {
        click(By.id("sign-out"));
        waitFor(ExpectedConditions.urlContains("/login?signedOut"));
    }

    private static void waitForStatus(String status) {
        waitFor(ExpectedConditions.attributeToBe(
                By.cssSelector(".page-title [data-field=status]"), "data-status", status));
    }

    private static WebElement badge() {
        return find(By.cssSelector(".page-title [data-field=status]"));
    }

    private static void assertFieldError(String inputId, String message) {
        By error = By.id(inputId + "-error");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(error, message));
        WebElement input = find(By.id(inputId));
        assertThat(input.getAttribute("aria-describedby")).isEqualTo(inputId + "-error");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        WebElement shown = find(error);
        assertThat(shown.getAttribute("class")).contains("field-error");
        assertThat(shown.getAttribute("role")).isEqualTo("alert");
        assertThat(find(By.cssSelector("label[for='" + inputId + "']"))).isNotNull();
    }

    private static String productNamed(String name) {
        WebElement row = find(By.xpath("//tr[th[normalize-space()='" + name + "']]"));
        return row.getAttribute("data-product-id");
    }

    private static void screenshot(String page) {
        waitFor(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
        // the whole page, not only what fits the window
        Dimension window = browser.manage().window().getSize();
        Number height = (Number) js("return document.documentElement.scrollHeight;");
        browser.manage()
                .window()
                .setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(), height.intValue() + 150)));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        browser.manage().window().setSize(window);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status of a page for the browser's signed-in session, which Selenium does not expose. */
    private static int statusAsSignedIn(String page) throws Exception {
        return statusAsSignedIn(page, "text/html");
    }

    private static int statusAsSignedIn(String page, String accept) throws Exception {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + page))
                .header("Cookie", "JSESSIONID=" + session.getValue())
                .header("Accept", accept)
                .GET()
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Api aliceApi() {
        return instance.api("alice", "alice");
    }

    private static String aliceCustomerId() {
        JsonNode me = aliceApi().get("/api/me").body();
        return me.path("customerId").asText();
    }

    /** Events stored for a customer's account and a product, and every order placed. */
    private static long storedFor(String customerId, String productId) {
        Long count = instance.jdbc()
                .queryForObject(
                        "SELECT (SELECT COUNT(*) FROM domainevententry "
                                + "WHERE aggregateidentifier IN (?, ?)) + (SELECT COUNT(*) FROM domainevententry "
                                + "WHERE payloadtype LIKE '%OrderPlacedEvent')",
                        Long.class, customerId, productId);
        return count == null ? 0 : count;
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    private static WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static String text(By by) {
        return find(by).getText().strip();
    }

    private static void type(By by, String value) {
        WebElement input = find(by);
        input.clear();
        input.sendKeys(value);
    }

    private static void click(By by) {
        waitFor(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static void waitForText(By by, String text) {
        waitFor(driver -> {
            var found = driver.findElements(by);
            return !found.isEmpty() && text.equals(found.get(0).getText().strip());
        });
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100)).until(condition::apply);
    }
}
