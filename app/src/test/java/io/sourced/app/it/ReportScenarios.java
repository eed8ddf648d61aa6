package io.sourced.app.it;

import static io.sourced.app.it.WorkflowScenarios.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.app.it.ReportsFromTheLog.DayRow;
import io.sourced.app.it.ReportsFromTheLog.ProductDay;
import io.sourced.app.it.ReportsFromTheLog.ProductRow;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

/**
 * The reports equal the same numbers computed independently from the event log, after orders of every outcome, after
 * the reports processor was stopped while orders flowed, and after a replay; on whichever database a subclass gives.
 */
abstract class ReportScenarios extends ApplicationScenarios {

    private static final String REPORTS = "reports";

    @Override
    List<String> arguments() {
        return List.of("--sourced.order.timeout=3s");
    }

    @Override
    Class<?>[] extraSources() {
        return new Class<?>[] {HoldReservations.class};
    }

    @Test
    void reports_afterOrdersOfEveryOutcome_matchTheNumbersComputedFromTheEventLog() {
        List<String> orders = ordersOfEveryOutcome();
        List<String> outcomes =
                orders.stream().map(id -> outcome(admin.awaitTerminal(id))).toList();
        assertThat(outcomes)
                .contains(
                        "ACCEPTED",
                        "REJECTED OUT_OF_STOCK",
                        "REJECTED PAYMENT_DECLINED",
                        "REJECTED TIMEOUT",
                        "CANCELLED");

        awaitReportsCaughtUp();

        assertReportsMatchTheEventLog();
    }

    @Test
    void reportsProcessor_stoppedWhileOrdersFlow_catchesUpAfterItStarts_withTheSameResult() {
        StreamingEventProcessor reports = reportsProcessor();
        awaitReportsCaughtUp();
        reports.shutDown();
        try {
            List<String> orders = ordersOfEveryOutcome();
            orders.forEach(admin::awaitTerminal);
            JsonNode stopped = processorStatus();
            assertThat(stopped.path("status").asText()).isEqualTo("STOPPED");
            assertThat(stopped.path("lag").asLong()).isPositive();
            assertThat(productReport())
                    .as("reports wait while their processor is stopped")
                    .isNotEqualTo(ReportsFromTheLog.read(instance.jdbc()).products());
        } finally {
            reports.start();
        }

        awaitReportsCaughtUp();

        assertReportsMatchTheEventLog();
    }

    @Test
    void reportsReplayed_fromTheFirstEvent_areTheSameAgain() {
        ordersOfEveryOutcome().forEach(admin::awaitTerminal);
        awaitReportsCaughtUp();
        Map<ProductDay, ProductRow> products = productReport();
        Map<LocalDate, DayRow> days = dayReport();

        assertThat(admin.post("/api/admin/processors/" + REPORTS + "/replay", null)
                        .status())
                .isEqualTo(202);
        awaitReportsCaughtUp();

        assertThat(productReport()).isEqualTo(products);
        assertThat(dayReport()).isEqualTo(days);
        assertReportsMatchTheEventLog();
    }

    @Test
    void reports_areForAdministratorsOnly_andRefuseABadPeriod() {
        Api alice = admin.as("alice", "alice");
        assertThat(alice.get("/api/reports/products").status()).isEqualTo(403);
        assertThat(alice.get("/api/reports/days").status()).isEqualTo(403);
        assertThat(admin.as(null, null).get("/api/reports/days").status()).isEqualTo(401);
        Api.Answer backwards = admin.get("/api/reports/days?from=2026-02-02&to=2026-02-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.contentType()).contains("application/problem+json");
        assertThat(admin.get("/api/reports/products?from=someday").status()).isEqualTo(400);
        JsonNode openApi = admin.get("/v3/api-docs").body();
        assertThat(openApi.path("paths").has("/api/reports/products")).isTrue();
        assertThat(openApi.path("paths").has("/api/reports/days")).isTrue();
    }

    /**
     * Accepted (two lines), out of stock (one line reserved then released), payment declined, timed out, cancelled,
     * a restock, a write-off and a return; a few more accepted so that the times to accept have a spread.
     */
    private List<String> ordersOfEveryOutcome() {
        String lamp = admin.registerProduct(unique("Lamp"), "12.50", 20);
        String cable = admin.registerProduct(unique("Cable"), "3.10", 40);
        String scarce = admin.registerProduct(unique("Scarce"), "99.99", 2);
        String held = admin.registerProduct(unique("Held"), "5.00", 10);
        String rich = admin.openCustomer(unique("Rich"), "1000");
        String poor = admin.openCustomer(unique("Poor"), "10");
        List<String> orders = new ArrayList<>();
        orders.add(admin.placeOrder(rich, new LinkedHashMap<>(Map.of(lamp, 2, cable, 3)))
                .id("orderId"));
        orders.add(admin.placeOrder(rich, new LinkedHashMap<>(Map.of(cable, 1, scarce, 5)))
                .id("orderId"));
        orders.add(admin.placeOrder(poor, Map.of(scarce, 1)).id("orderId"));
        HoldReservations.HELD_PRODUCTS.add(held);
        try {
            orders.add(admin.placeOrder(rich, Map.of(held, 1)).id("orderId"));
            String cancelled = admin.placeOrder(rich, Map.of(held, 2)).id("orderId");
            assertThat(admin.post("/api/orders/" + cancelled + "/cancel", null).status())
                    .isEqualTo(202);
            orders.add(cancelled);
            admin.awaitTerminal(orders.get(3));
        } finally {
            HoldReservations.HELD_PRODUCTS.remove(held);
        }
        admin.restock(lamp, 5);
        admin.writeOff(cable, 2, "cut too short");
        admin.awaitTerminal(orders.get(0));
        Api.Answer returned = admin.requestReturn(orders.get(0), Map.of(lamp, 1, cable, 2), "not needed");
        assertThat(returned.status()).as(returned.raw()).isEqualTo(202);
        admin.awaitOrder(
                orders.get(0), order -> order.path("refunded").decimalValue().signum() > 0);
        for (int i = 1; i <= 4; i++) {
            orders.add(admin.placeOrder(rich, Map.of(lamp, i)).id("orderId"));
        }
        return orders;
    }

    private void assertReportsMatchTheEventLog() {
        ReportsFromTheLog log = ReportsFromTheLog.read(instance.jdbc());
        String period = "?from=" + log.firstDay() + "&to=" + log.lastDay();
        assertThat(productReport(period)).isEqualTo(log.products());
        assertThat(dayReport(period)).isEqualTo(log.days());
    }

    private Map<ProductDay, ProductRow> productReport() {
        ReportsFromTheLog log = ReportsFromTheLog.read(instance.jdbc());
        return productReport("?from=" + log.firstDay() + "&to=" + log.lastDay());
    }

    private Map<ProductDay, ProductRow> productReport(String period) {
        Map<ProductDay, ProductRow> rows = new TreeMap<>();
        Api.Answer answer = admin.get("/api/reports/products" + period);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        answer.body()
                .forEach(row -> rows.put(
                        new ProductDay(
                                row.path("productId").asText(),
                                LocalDate.parse(row.path("day").asText())),
                        ProductRow.of(row)));
        return rows;
    }

    private Map<LocalDate, DayRow> dayReport() {
        ReportsFromTheLog log = ReportsFromTheLog.read(instance.jdbc());
        return dayReport("?from=" + log.firstDay() + "&to=" + log.lastDay());
    }

    private Map<LocalDate, DayRow> dayReport(String period) {
        Map<LocalDate, DayRow> rows = new TreeMap<>();
        Api.Answer answer = admin.get("/api/reports/days" + period);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        answer.body().forEach(row -> rows.put(LocalDate.parse(row.path("day").asText()), DayRow.of(row)));
        return rows;
    }

    private StreamingEventProcessor reportsProcessor() {
        return (StreamingEventProcessor) instance.bean(EventProcessingConfiguration.class)
                .eventProcessor(REPORTS)
                .orElseThrow();
    }

    private JsonNode processorStatus() {
        for (JsonNode processor : admin.get("/api/admin/processors").body()) {
            if (REPORTS.equals(processor.path("name").asText())) {
                return processor;
            }
        }
        throw new AssertionError("No " + REPORTS + " processor");
    }

    private void awaitReportsCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode reports = processorStatus();
            assertThat(reports.path("status").asText()).as(reports.toString()).isEqualTo("RUNNING");
            assertThat(reports.path("replaying").asBoolean())
                    .as(reports.toString())
                    .isFalse();
            assertThat(reports.path("lag").asLong()).as(reports.toString()).isZero();
        });
    }

    private static String outcome(JsonNode order) {
        String status = order.path("status").asText();
        return "REJECTED".equals(status)
                ? status + " " + order.path("rejectionReason").asText()
                : status;
    }
}
