package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What event sourcing shows in the web UI, driven by Chromium against the whole application on H2: pages "as of"
 * an instant, an order's trace and the audit trails, and the operations page (replay, dead letters, retry).
 * The reader lives in Asia/Kolkata (UTC+05:30), so the local time they type is not the server's.
 */
class EventSourcingBrowserIT {

    private static final String READERS_TIME_ZONE = "Asia/Kolkata";

    private static Instance instance;
    private static Api admin;
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        instance = Instance.start(Database.h2(), GateReservations.class, PoisonedProducts.class);
        admin = instance.admin;
        browser = Browser.open(admin.baseUrl, READERS_TIME_ZONE);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (instance != null) {
            instance.close();
        }
    }

    @BeforeEach
    void freshBrowser() {
        browser.fresh();
    }

    // ---------------------------------------------------------------- the past of an order, and its trace

    @Test
    void orderAsOf_betweenPlacementAndCompletion_showsPending_backToNowShowsAccepted_andTheTraceListsEveryEvent()
            throws Exception {
        String clock = admin.registerProduct(unique("Clock"), "15.00", 5);
        String username = "dana" + UUID.randomUUID().toString().substring(0, 6);
        String customer = admin.post(
                        "/api/customers",
                        Map.of(
                                "name",
                                "Dana " + username,
                                "initialDeposit",
                                new BigDecimal("100.00"),
                                "username",
                                username,
                                "password",
                                "secret-1"))
                .id("customerId");
        GateReservations.close(clock);
        Instant pending;
        String orderId;
        try {
            orderId = admin.as(username, "secret-1")
                    .placeOrder(customer, Map.of(clock, 2))
                    .id("orderId");
            Instant placedAt = Instant.parse(
                    admin.awaitOrder(orderId, order -> true).path("placedAt").asText());
            pending = placedAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(pending.plusMillis(200)));
        } finally {
            GateReservations.open(clock);
        }
        assertThat(admin.awaitTerminal(orderId).path("status").asText()).isEqualTo("ACCEPTED");
        awaitTraced(orderId, "OrderAcceptedEvent");

        browser.signIn(username, "secret-1");
        browser.get("/orders/" + orderId);
        waitForStatus("ACCEPTED");
        assertThat(browser.present(By.id("as-of-banner"))).isFalse();

        showAsOf(pending);
        assertThat(asOfInUrl())
                .as("the local time typed, as the instant it means")
                .isEqualTo(pending);
        waitForStatus("PENDING");
        assertThat(browser.text(By.id("as-of-banner")))
                .startsWith("As it was on")
                .endsWith("back to now");
        assertThat(browser.present(By.cssSelector(".cancel-form")))
                .as("no form that changes the past")
                .isFalse();
        assertThat(browser.present(By.cssSelector("[data-live-order]")))
                .as("no live updates of the past")
                .isFalse();
        String shown = localInputValue(pending);
        // Chromium leaves out the seconds of a datetime-local value when they are zero
        assertThat(browser.find(By.id("as-of-local")).getAttribute("value"))
                .isIn(shown, shown.endsWith(":00") ? shown.substring(0, shown.length() - 3) : shown);
        assertThat(timeline()).containsExactly("OrderPlacedEvent");
        browser.screenshot("order-as-of");

        browser.click(By.id("back-to-now"));
        waitForStatus("ACCEPTED");
        assertThat(browser.path()).isEqualTo("/orders/" + orderId);
        assertThat(browser.present(By.id("as-of-banner"))).isFalse();
        assertThat(browser.text(By.id("order-total"))).isEqualTo("30.00");

        By version = By.cssSelector("#state-version [data-field=version]");
        By event = By.cssSelector("#state-version [data-field=state-event]");
        By status = By.cssSelector("#states [data-state-field=status]");
        assertThat(browser.text(version)).isEqualTo("0");
        assertThat(browser.text(event)).isEqualTo("OrderPlacedEvent");
        assertThat(browser.present(By.id("state-previous"))).isFalse();
        assertThat(browser.text(status)).contains("changed", "PENDING");
        browser.click(By.id("state-next"));
        browser.waitForText(version, "1");
        assertThat(browser.text(event)).isEqualTo("OrderAcceptedEvent");
        assertThat(browser.find(status).getAttribute("data-changed")).isEqualTo("true");
        assertThat(browser.text(status)).contains("changed", "ACCEPTED", "PENDING");
        assertThat(browser.find(By.cssSelector("#states [data-state-field='lines[0].unitPrice']"))
                        .getText())
                .contains("changed", "15.00");
        WebElement unchanged = browser.find(By.cssSelector("#states [data-state-field=customerId]"));
        assertThat(unchanged.getAttribute("data-changed")).isEqualTo("false");
        assertThat(unchanged.getText()).doesNotContain("changed");
        assertThat(browser.present(By.id("state-next"))).as("the last version").isFalse();
        browser.screenshot("order-states");
        browser.click(By.id("state-previous"));
        browser.waitForText(version, "0");
        assertThat(browser.text(event)).isEqualTo("OrderPlacedEvent");

        browser.click(By.cssSelector("#trace summary"));
        List<String> trace = browser.driver.findElements(By.cssSelector("#trace .trail-entry")).stream()
                .map(row -> row.getAttribute("data-event"))
                .toList();
        assertThat(trace.get(0)).isEqualTo("OrderPlacedEvent");
        assertThat(trace)
                .containsSubsequence(
                        "OrderPlacedEvent", "StockReservedEvent", "PaymentAuthorizedEvent", "OrderAcceptedEvent");
        assertThat(browser.text(By.id("trace")))
                .contains(
                        "Order " + orderId.substring(0, 8),
                        "Product " + clock.substring(0, 8),
                        "CustomerAccount " + customer.substring(0, 8),
                        username);

        showAsOf(pending.minusSeconds(3600));
        browser.waitForText(By.tagName("h1"), "Did not exist yet");
        assertThat(browser.text(By.id("not-yet"))).startsWith("This order did not exist yet on");
        browser.screenshot("order-not-yet");
        assertThat(browser.statusAsSignedIn("/orders/" + orderId + "?asOf=" + pending.minusSeconds(3600)))
                .isEqualTo(404);
        browser.click(By.id("back-to-now"));
        waitForStatus("ACCEPTED");
    }

    @Test
    void accountAsOf_beforeADeposit_showsTheBalanceThen_withoutForms_andTheAuditTrail() throws Exception {
        String username = "erin" + UUID.randomUUID().toString().substring(0, 6);
        String customer = admin.post(
                        "/api/customers",
                        Map.of(
                                "name",
                                "Erin " + username,
                                "initialDeposit",
                                new BigDecimal("40.00"),
                                "username",
                                username,
                                "password",
                                "secret-1"))
                .id("customerId");
        Instant opened = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(opened.plusMillis(200)));
        assertThat(admin.post("/api/customers/" + customer + "/deposits", Map.of("amount", new BigDecimal("10.00")))
                        .status())
                .isEqualTo(202);

        browser.signIn(username, "secret-1");
        browser.click(By.linkText("My account"));
        browser.waitForText(By.id("balance"), "50.00");
        browser.click(By.cssSelector("#audit-trail summary"));
        List<String> trail = events("#audit-trail");
        assertThat(trail).startsWith("AccountOpenedEvent").endsWith("FundsDepositedEvent");
        int transactions = browser.driver
                .findElements(By.cssSelector("#transactions tbody tr"))
                .size();

        showAsOf(opened);
        browser.waitForText(By.id("balance"), "40.00");
        assertThat(browser.text(By.id("balance-title"))).isEqualTo("Balance then");
        assertThat(browser.present(By.id("deposit-amount")))
                .as("no form that changes the past")
                .isFalse();
        assertThat(browser.present(By.id("withdrawal-amount"))).isFalse();
        assertThat(browser.present(By.cssSelector("[data-refresh]")))
                .as("no live updates of the past")
                .isFalse();
        assertThat(browser.driver.findElements(By.cssSelector("#transactions tbody tr")))
                .hasSize(transactions - 1);
        assertThat(events("#audit-trail")).isEqualTo(trail.subList(0, trail.size() - 1));

        browser.click(By.id("back-to-now"));
        browser.waitForText(By.id("balance"), "50.00");
        assertThat(browser.present(By.id("deposit-amount"))).isTrue();

        String bob =
                admin.as("bob", "bob").get("/api/me").body().path("customerId").asText();
        assertThat(browser.statusAsSignedIn("/accounts/" + bob + "?asOf=" + opened))
                .as("another's account")
                .isEqualTo(404);
        assertThat(browser.statusAsSignedIn("/accounts/" + customer + "?asOf=yesterday"))
                .isEqualTo(400);
        String typedWithoutScript = "?asOfLocal=" + LocalDateTime.ofInstant(opened, ZoneOffset.UTC) + "&asOf=";
        assertThat(browser.statusAsSignedIn("/accounts/" + customer + typedWithoutScript))
                .isEqualTo(200);
        assertThat(browser.statusAsSignedIn("/admin/operations")).isEqualTo(403);
    }

    // ---------------------------------------------------------------- operations

    @Test
    void operations_replayOfTheViews_rebuildsThem_andTheShopShowsTheSameAvailability() {
        String lamp = admin.registerProduct(unique("Lamp"), "20.00", 7);
        admin.restock(lamp, 3);
        browser.signIn("admin", "admin");
        browser.get("/shop");
        browser.waitForText(By.id("available-" + lamp), "10");
        Map<String, String> before = availability();

        browser.click(By.linkText("Operations"));
        By row = By.cssSelector("#processors tr[data-processor='views']");
        assertThat(browser.text(row)).contains("streaming", "RUNNING");
        browser.click(By.id("replay-views"));
        browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
        browser.waitFor(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Replaying views"));
        By replaying = By.cssSelector("#processors tr[data-processor='views'] [data-live='replaying:views']");
        By lag = By.cssSelector("#processors tr[data-processor='views'] [data-live='lag:views']");
        assertThat(browser.text(replaying)).as("replaying, or already done").isIn("yes", "no");
        js("window.sourcedSamePage = 'yes';");
        browser.waitFor(driver -> "no".equals(driver.findElement(replaying).getText())
                && "0".equals(driver.findElement(lag).getText()));
        assertThat(js("return window.sourcedSamePage;"))
                .as("refreshed in place")
                .isEqualTo("yes");
        assertThat(browser.text(row)).contains("RUNNING");
        String replica = browser.text(By.id("this-replica"));
        By heldBy = By.cssSelector("#processors tr[data-processor='views'] [data-live='claims:views']");
        int segments = Integer.parseInt(
                browser.text(By.cssSelector("#processors tr[data-processor='views'] [data-live='segments:views']")));
        String allHeldHere = IntStream.range(0, segments)
                .mapToObj(segment -> segment + " " + replica)
                .collect(Collectors.joining(" · "));
        assertThat(segments).as("segments of views").isPositive();
        browser.waitFor(driver -> driver.findElement(heldBy).getText().equals(allHeldHere));
        browser.screenshot("operations");

        browser.get("/shop");
        browser.waitForText(By.id("available-" + lamp), "10");
        assertThat(availability()).isEqualTo(before);
    }

    @Test
    void rebuildOfTheOrdersView_watchedOnTheOrdersPage_showsTheSameOrdersThroughout_andTheOperationsPageItsProgress() {
        String kettle = admin.registerProduct(unique("Kettle"), "9.00", 20);
        String customer = admin.openCustomer(unique("Watcher"), "100");
        for (int i = 0; i < 3; i++) {
            admin.awaitTerminal(admin.placeOrder(customer, Map.of(kettle, 1)).id("orderId"));
        }
        browser.signIn("admin", "admin");
        browser.get("/admin/orders");
        List<String> before = ordersShown();
        assertThat(before).isNotEmpty();

        assertThat(admin.post("/api/admin/processors/orders-view/replay", null).status())
                .isEqualTo(202);
        int watched = 0;
        while (replaying("views")) {
            browser.get("/admin/orders");
            assertThat(ordersShown())
                    .as("the orders page while its view is rebuilt")
                    .isEqualTo(before);
            watched++;
        }
        assertThat(watched).as("pages read while the view was rebuilt").isPositive();
        browser.get("/admin/orders");
        assertThat(ordersShown()).isEqualTo(before);

        browser.get("/admin/operations");
        By rebuilt = By.cssSelector("#rebuilds tr.rebuild[data-processor='views']");
        assertThat(browser.find(rebuilt).getAttribute("data-state")).isEqualTo("DONE");
        WebElement progress = browser.find(By.cssSelector("#rebuilds tr[data-processor='views'] progress"));
        assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max"));
        assertThat(browser.text(rebuilt)).contains("views", "DONE", "events");
        assertThat(browser.text(By.id("workflow-admission"))).isEqualTo("taking new orders");
        assertThat(browser.text(By.id("workflow-pending"))).matches("\\d+");
        browser.screenshot("operations-rebuilt");
    }

    /** Each order row of the page, as a person reads it. */
    private static List<String> ordersShown() {
        return browser.driver.findElements(By.cssSelector("tr.order-row")).stream()
                .map(row -> row.getAttribute("data-order-id") + " " + row.getText())
                .toList();
    }

    private static boolean replaying(String processor) {
        for (JsonNode p : admin.get("/api/admin/processors").body()) {
            if (p.path("name").asText().equals(processor)) {
                return p.path("replaying").asBoolean();
            }
        }
        throw new AssertionError("no processor " + processor);
    }

    @Test
    void deadLetters_aPoisonedRestock_isListedWithItsError_andRetryAfterTheFix_showsTheStock() throws Exception {
        String name = unique("Kettle");
        String kettle = admin.registerProduct(name, "30.00", 1);
        Instant registered = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/api/products/" + kettle).status() == 200
                        && Instant.now().isAfter(registered.plusMillis(200)));
        browser.signIn("admin", "admin");
        browser.click(By.linkText("Products"));
        browser.click(By.linkText(name));
        browser.waitForText(By.id("available"), "1");

        browser.type(By.id("restock-quantity"), "0");
        browser.click(By.id("restock-submit"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.id("restock-quantity-error"), "must be at least 1"));
        assertThat(browser.find(By.id("restock-quantity")).getAttribute("aria-invalid"))
                .isEqualTo("true");

        PoisonedProducts.POISONED.add(kettle);
        try {
            browser.type(By.id("restock-quantity"), "4");
            browser.click(By.id("restock-submit"));
            browser.waitFor(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Restocked " + name));
            assertThat(browser.text(By.id("available")))
                    .as("parked, not applied")
                    .isEqualTo("1");

            browser.click(By.linkText("Operations"));
            By letter = By.cssSelector(".dead-letter-group[data-processor='products-view'] .dead-letter");
            browser.waitFor(ExpectedConditions.visibilityOfElementLocated(letter));
            assertThat(browser.text(letter)).contains("ProductRestockedEvent", kettle, "poisoned product " + kettle);
            browser.waitForText(By.cssSelector("[data-live='deadLetters:views']"), "1");
            browser.screenshot("operations-dead-letters");
        } finally {
            PoisonedProducts.POISONED.remove(kettle);
        }
        browser.click(By.id("retry-products-view"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), "every dead letter went through"));
        assertThat(browser.present(By.cssSelector(".dead-letter"))).isFalse();
        assertThat(browser.text(By.id("no-dead-letters"))).startsWith("No dead letters");

        browser.get("/admin/products/" + kettle);
        browser.waitForText(By.id("available"), "5");
        assertThat(events("#audit-trail")).containsExactly("ProductRegisteredEvent", "ProductRestockedEvent");
        browser.screenshot("admin-product");

        showAsOf(registered);
        browser.waitForText(By.id("available"), "1");
        assertThat(browser.present(By.id("restock-quantity")))
                .as("no restock of the past")
                .isFalse();
        assertThat(browser.present(By.cssSelector("main[data-live-source]"))).isFalse();
        assertThat(events("#audit-trail")).containsExactly("ProductRegisteredEvent");
    }

    @Test
    void eventCatalog_listsEveryEventType_withItsRevisionAndSchema() {
        browser.signIn("admin", "admin");
        browser.click(By.linkText("Event catalog"));
        By placed = By.cssSelector("#catalog tr[data-event='OrderPlacedEvent']");
        browser.click(By.cssSelector("#catalog tr[data-event='OrderPlacedEvent'] summary"));
        assertThat(browser.text(placed)).contains("OrderPlacedEvent", "\"orderId\"", "\"lines\"");
        assertThat(browser.text(
                        By.cssSelector("#catalog tr[data-event='ProductRegisteredEvent'] [data-label='Revision']")))
                .isEqualTo("2");
        browser.screenshot("catalog");
        try (Stream<Path> files = Files.list(Browser.SCREENSHOTS)) {
            assertThat(files.map(path -> path.getFileName().toString())).contains("catalog.png");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- helpers in the reader's words

    /** Types the instant into the "as of" control as the reader's local date and time, and presses Show. */
    private static void showAsOf(Instant at) {
        String before = browser.driver.getCurrentUrl();
        browser.js("document.getElementById('as-of-local').value = arguments[0];", localInputValue(at));
        browser.click(By.id("as-of-show"));
        browser.waitFor(driver -> !driver.getCurrentUrl().equals(before));
    }

    /** The browser's own local date and time for an instant, as a datetime-local input holds it. */
    private static String localInputValue(Instant at) {
        return (String) browser.js(
                "var d = new Date(arguments[0]);"
                        + "function p(n) { return (n < 10 ? '0' : '') + n; }"
                        + "return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours())"
                        + " + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());",
                at.toString());
    }

    private static Instant asOfInUrl() {
        String query = URI.create(browser.driver.getCurrentUrl()).getRawQuery();
        assertThat(query).startsWith("asOf=").doesNotContain("asOfLocal");
        return Instant.parse(URLDecoder.decode(query.substring("asOf=".length()), StandardCharsets.UTF_8));
    }

    private static void waitForStatus(String status) {
        browser.waitFor(ExpectedConditions.attributeToBe(
                By.cssSelector(".page-title [data-field=status]"), "data-status", status));
    }

    private static List<String> timeline() {
        return browser.driver.findElements(By.cssSelector("#history .timeline-entry")).stream()
                .map(entry -> entry.getAttribute("data-event"))
                .toList();
    }

    private static List<String> events(String trail) {
        return browser.driver.findElements(By.cssSelector(trail + " .trail-entry")).stream()
                .map(row -> row.getAttribute("data-event"))
                .toList();
    }

    private static Map<String, String> availability() {
        Map<String, String> available = new LinkedHashMap<>();
        for (WebElement cell : browser.driver.findElements(By.cssSelector("[id^='available-']"))) {
            available.put(cell.getAttribute("id"), cell.getText().strip());
        }
        return available;
    }

    private static void awaitTraced(String orderId, String eventType) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode trace = admin.get("/api/orders/" + orderId + "/trace").body();
            return trace.findValues("type").stream().anyMatch(type -> eventType.equals(type.asText()));
        });
    }

    private static Object js(String script) {
        return browser.js(script);
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }
}
