package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The what-if timelines page driven by Chromium against the whole application on H2: a period with an order accepted
 * and one rejected for want of stock, run again with prices 10 % up, side by side with what happened. The reader lives
 * in America/New_York, so the period they type in local time is not the server's.
 */
class TimelinesBrowserIT {

    private static final String READERS_TIME_ZONE = "America/New_York";
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private static Instance instance;
    private static Api admin;
    private static Browser browser;
    private static String lampName;
    private static Instant from;
    private static Instant to;

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        instance = Instance.start(Database.h2());
        admin = instance.admin;
        browser = Browser.open(admin.baseUrl, READERS_TIME_ZONE);
        from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(from.plusMillis(100)));
        lampName = WorkflowScenarios.unique("Lamp");
        String lamp = admin.registerProduct(lampName, "20.00", 3);
        String customer = admin.openCustomer(WorkflowScenarios.unique("Erin"), "500");
        assertThat(ends(customer, lamp, 2)).isEqualTo("ACCEPTED");
        assertThat(ends(customer, lamp, 5)).isEqualTo("REJECTED");
        instance.awaitQuiet();
        to = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(to.plusMillis(100)));
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

    private static String ends(String customer, String product, int quantity) {
        String orderId = admin.placeOrder(customer, Map.of(product, quantity)).id("orderId");
        return admin.awaitTerminal(orderId).path("status").asText();
    }

    @Test
    void timeline_withPricesTenPercentUp_showsTheRevenueUpSideBySide_withChartsAndProducts_andIsDeleted() {
        browser.signIn("admin", "admin");
        browser.get("/admin/products");
        // the live rules the timeline is compared against: all off by default
        browser.click(By.linkText("Rules"));
        assertThat(browser.path()).isEqualTo("/admin/rules");
        assertThat(browser.text(By.id("rule-partial-fulfilment"))).startsWith("Off");
        assertThat(browser.text(By.id("rule-credit-limit"))).startsWith("None");
        assertThat(browser.text(By.id("rule-price-change"))).startsWith("None");
        assertThat(browser.text(By.id("rule-auto-restock"))).isEqualTo("Off");
        browser.click(By.linkText("Timelines"));
        assertThat(browser.path()).isEqualTo("/admin/timelines");
        assertThat(browser.present(By.id("no-timelines"))).isTrue();

        assertThat(browser.text(By.cssSelector("label[for=timeline-creditLimit]")))
                .startsWith("Credit limit");
        assertThat(browser.text(By.cssSelector("label[for=timeline-priceChangePercent]")))
                .isEqualTo("Price change %");
        // a credit limit below zero is refused beside its field, and what was typed stays
        browser.type(By.id("timeline-name"), "Ten percent up");
        typePeriod();
        browser.type(By.id("timeline-priceChangePercent"), "10");
        browser.type(By.id("timeline-creditLimit"), "-5");
        browser.click(By.id("run-submit"));
        assertThat(browser.text(By.id("timeline-creditLimit-error"))).isEqualTo("must not be negative");
        assertThat(browser.find(By.id("timeline-creditLimit")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.find(By.id("timeline-priceChangePercent")).getAttribute("value"))
                .isEqualTo("10");
        assertThat(browser.find(By.id("timeline-name")).getAttribute("value")).isEqualTo("Ten percent up");
        assertThat(browser.find(By.id("timeline-from")).getAttribute("value")).isEqualTo(shown(from));
        assertThat(browser.find(By.id("timeline-to")).getAttribute("value")).isEqualTo(shown(to));
        assertThat(browser.present(By.cssSelector("tr.timeline"))).isFalse();
        browser.screenshot("admin-timelines-refused");

        browser.find(By.id("timeline-creditLimit")).clear();
        browser.click(By.id("run-submit"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
        // the list follows the timeline by itself until it is done, and then stops
        browser.waitFor(driver -> {
            try {
                return "DONE"
                        .equals(driver.findElement(By.cssSelector("tr.timeline .timeline-status"))
                                .getText()
                                .strip());
            } catch (NoSuchElementException | StaleElementReferenceException swapped) {
                return false;
            }
        });
        browser.waitFor(driver -> !browser.present(By.cssSelector("#timelines[data-refresh]")));
        assertThat(browser.text(By.cssSelector("tr.timeline .timeline-rules")))
                .isEqualTo("prices +10 % on every product");
        assertThat(browser.text(By.cssSelector("tr.timeline .timeline-progress")))
                .isEqualTo("100 %");
        browser.screenshot("admin-timelines");

        browser.click(By.linkText("Ten percent up"));
        assertThat(browser.text(By.id("timeline-status"))).isEqualTo("DONE");
        assertThat(headline("placed")).containsExactly("2", "2", "0");
        assertThat(headline("accepted")).containsExactly("1", "1", "0");
        assertThat(headline("rejected-OUT_OF_STOCK")).containsExactly("1", "1", "0");
        assertThat(headline("revenue")).containsExactly("40.00", "44.00", "+4.00");
        assertThat(headline("sold")).containsExactly("2", "2", "0");
        assertThat(headline("lost")).containsExactly("5", "5", "0");
        assertThat(browser.text(By.id("timeline-rules"))).isEqualTo("prices +10 % on every product");

        WebElement revenueChart = browser.find(By.id("chart-revenue"));
        assertThat(revenueChart.getAttribute("role")).isEqualTo("img");
        List<String> barTitles = revenueChart.findElements(By.cssSelector("rect.bar title")).stream()
                .map(title -> title.getAttribute("textContent"))
                .toList();
        String today = from.atZone(ZoneOffset.UTC).toLocalDate().toString();
        assertThat(barTitles).contains(today + ", actual: 40.00", today + ", what-if: 44.00");
        assertThat(browser.find(By.id("chart-lost")).findElements(By.cssSelector("rect.bar-what-if")))
                .isNotEmpty();
        assertThat(cells(By.cssSelector("#by-day tbody tr"))).contains(List.of(today, "40.00", "44.00", "5", "5"));
        assertThat(cells(By.cssSelector("#by-product tbody tr")))
                .containsExactly(List.of(lampName, "40.00", "44.00", "2", "2", "5", "5"));
        assertThat(browser.text(By.id("changed-count"))).isEqualTo("Every order ended as it did.");
        browser.screenshot("admin-timeline");

        browser.click(By.linkText("← Timelines"));
        browser.click(By.cssSelector("tr.timeline .timeline-delete"));
        browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("no-timelines")));
        assertThat(admin.get("/api/timelines").body()).isEmpty();
    }

    /** Types the period in the reader's local time, as a person picks it. */
    private static void typePeriod() {
        setLocal("timeline-from", local(from));
        setLocal("timeline-to", local(to));
    }

    private static void setLocal(String id, String value) {
        browser.js("arguments[0].value = arguments[1];", browser.find(By.id(id)), value);
    }

    private static String local(Instant at) {
        return LOCAL_INPUT.format(LocalDateTime.ofInstant(at, ZoneId.of(READERS_TIME_ZONE)));
    }

    /** The instant as a datetime-local field shows its value: the seconds left out when they are zero. */
    private static String shown(Instant at) {
        String local = local(at);
        return local.endsWith(":00") && local.length() == "yyyy-MM-ddTHH:mm:ss".length()
                ? local.substring(0, local.length() - 3)
                : local;
    }

    /** A headline row's actual, what-if and difference. */
    private static List<String> headline(String figure) {
        return browser
                .find(By.cssSelector("#headline tr[data-figure='" + figure + "']"))
                .findElements(By.cssSelector("td"))
                .stream()
                .map(cell -> cell.getText().strip())
                .toList();
    }

    private static List<List<String>> cells(By rows) {
        return browser.driver.findElements(rows).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream()
                        .map(cell -> cell.getText().strip())
                        .toList())
                .toList();
    }
}
