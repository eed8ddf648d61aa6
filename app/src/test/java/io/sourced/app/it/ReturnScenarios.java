package io.sourced.app.it;

import static io.sourced.app.it.WorkflowScenarios.amount;
import static io.sourced.app.it.WorkflowScenarios.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.app.it.Api.Answer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Returns of accepted orders end to end, on whichever database a subclass gives: the units back in stock and their
 * price refunded by the returns workflow, what the order, the stock, the ledger, the reports, the trace and the
 * as-of answers then show; the refusals, which store nothing; concurrent returns of one order, which never give back
 * more than was paid; a restock that fails, retried until it succeeds or the return deadline fails the return.
 */
abstract class ReturnScenarios extends ApplicationScenarios {

    static final Duration WINDOW = Duration.ofSeconds(20);

    @Override
    List<String> arguments() {
        return List.of(
                "--sourced.returns.window=" + WINDOW.toSeconds() + "s",
                "--sourced.returns.retry=1s",
                "--sourced.returns.timeout=10s");
    }

    @Override
    Class<?>[] extraSources() {
        return new Class<?>[] {FailingRestocks.class};
    }

    /** A customer with a sign-in of their own and this balance: their API. */
    private Api customer(String balance) {
        String username = "returns-" + UUID.randomUUID().toString().substring(0, 8);
        Answer opened = admin.post(
                "/api/customers",
                Map.of(
                        "name",
                        unique("Quinn"),
                        "initialDeposit",
                        new java.math.BigDecimal(balance),
                        "username",
                        username,
                        "password",
                        "secret-" + username));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return admin.as(username, "secret-" + username);
    }

    private static String customerIdOf(Api customer) {
        return customer.get("/api/me").id("customerId");
    }

    private static JsonNode accepted(Api customer, Map<String, Integer> quantities) {
        Answer placed = customer.placeOrder(customerIdOf(customer), quantities);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
        JsonNode order = customer.awaitTerminal(placed.id("orderId"));
        assertThat(order.path("status").asText()).isEqualTo("ACCEPTED");
        return order;
    }

    private static JsonNode awaitReturnEnded(Api api, String orderId, String returnId) {
        return api.awaitOrder(
                orderId,
                order -> StreamSupport.stream(order.path("returns").spliterator(), false)
                        .anyMatch(r -> r.path("returnId").asText().equals(returnId)
                                && !r.path("status").asText().equals("REQUESTED")));
    }

    private static JsonNode returnOf(JsonNode order, String returnId) {
        return StreamSupport.stream(order.path("returns").spliterator(), false)
                .filter(r -> r.path("returnId").asText().equals(returnId))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode lineOf(JsonNode order, String productId) {
        return StreamSupport.stream(order.path("lines").spliterator(), false)
                .filter(line -> line.path("productId").asText().equals(productId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void returnOfSomeUnits_putsThemBackInStock_refundsTheirPrice_andEverythingDownstreamAgrees() {
        String lamp = admin.registerProduct(unique("Lamp"), "20.00", 10);
        String cable = admin.registerProduct(unique("Cable"), "3.50", 10);
        Api quinn = customer("100.00");
        String customerId = customerIdOf(quinn);
        JsonNode order = accepted(quinn, Map.of(lamp, 2, cable, 2));
        String orderId = order.path("orderId").asText();
        admin.awaitStock(lamp, 8, 0, 2);
        admin.awaitBalance(customerId, "53.00");
        Instant beforeTheReturn = Instant.now();
        instance.awaitQuiet();
        BigDecimal tiersBefore = tierRevenue();

        Answer asked = quinn.requestReturn(orderId, Map.of(lamp, 1), "the shade is cracked");

        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.body().path("orderId").asText()).isEqualTo(orderId);
        String returnId = asked.id("returnId");
        assertThat(asked.header("Location")).isEqualTo("/api/orders/" + orderId);
        JsonNode returned = awaitReturnEnded(quinn, orderId, returnId);
        JsonNode theReturn = returnOf(returned, returnId);
        assertThat(theReturn.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(amount(theReturn.path("amount"))).isEqualByComparingTo("20.00");
        assertThat(theReturn.path("reason").asText()).isEqualTo("the shade is cracked");
        assertThat(returned.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(amount(returned.path("refunded"))).isEqualByComparingTo("20.00");
        assertThat(lineOf(returned, lamp).path("returned").asInt()).isEqualTo(1);
        assertThat(lineOf(returned, cable).path("returned").asInt()).isZero();
        admin.awaitStock(lamp, 9, 0, 1);
        admin.awaitBalance(customerId, "73.00");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode ledger =
                    quinn.get("/api/customers/" + customerId + "/transactions").body();
            JsonNode refund = ledger.get(ledger.size() - 1);
            assertThat(refund.path("type").asText()).isEqualTo("REFUND");
            assertThat(refund.path("orderId").asText()).isEqualTo(orderId);
            assertThat(amount(refund.path("amount"))).isEqualByComparingTo("20.00");
            assertThat(amount(refund.path("balanceAfter"))).isEqualByComparingTo("73.00");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode today = null;
            for (JsonNode day : admin.get("/api/reports/products").body()) {
                if (day.path("productId").asText().equals(lamp)) {
                    today = day;
                }
            }
            assertThat(today).isNotNull();
            assertThat(today.path("unitsReturned").asInt()).isEqualTo(1);
            assertThat(amount(today.path("refunded"))).isEqualByComparingTo("20.00");
            assertThat(amount(today.path("revenue"))).isEqualByComparingTo("20.00");
        });
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(tierRevenue())
                        .as("the tier report, net of the refund")
                        .isEqualByComparingTo(tiersBefore.subtract(new BigDecimal("20.00"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> trace =
                    quinn.get("/api/orders/" + orderId + "/trace").body().findValuesAsText("type");
            assertThat(trace)
                    .contains(
                            "OrderPlacedEvent",
                            "ReturnRequestedEvent",
                            "StockReturnedEvent",
                            "ReturnRefundedEvent",
                            "ReturnedStockReleasedEvent",
                            "ReturnCompletedEvent");
            List<String> trail =
                    quinn.get("/api/aggregates/" + orderId + "/events").body().findValuesAsText("type");
            assertThat(trail).contains("ReturnRequestedEvent", "ReturnCompletedEvent");
        });
        List<EventLog.Entry> requested = EventLog.read(instance.jdbc()).entries().stream()
                .filter(event ->
                        event.simpleType().equals("ReturnRequestedEvent") && orderId.equals(event.aggregateId()))
                .toList();
        assertThat(requested).hasSize(1);
        assertThat(requested.get(0).metadata().path("username").asText()).startsWith("returns-");
        JsonNode then =
                quinn.get("/api/orders/" + orderId + "?asOf=" + beforeTheReturn).body();
        assertThat(then.path("returns")).isEmpty();
        assertThat(amount(then.path("refunded"))).isEqualByComparingTo("0");
        JsonNode lastState =
                admin.get("/api/aggregates/" + orderId + "/states?limit=100").body();
        assertThat(lastState.toString()).contains("COMPLETED");

        Answer rest = quinn.requestReturn(orderId, Map.of(lamp, 1, cable, 2), "changed my mind");
        assertThat(rest.status()).as(rest.toString()).isEqualTo(202);
        JsonNode all = awaitReturnEnded(quinn, orderId, rest.id("returnId"));
        assertThat(all.path("status").asText()).isEqualTo("RETURNED");
        assertThat(amount(all.path("refunded"))).isEqualByComparingTo("47.00");
        admin.awaitBalance(customerId, "100.00");
        admin.awaitStock(cable, 10, 0, 0);
        Answer nothingLeft = quinn.requestReturn(orderId, Map.of(lamp, 1), "once more");
        assertThat(nothingLeft.status()).as(nothingLeft.toString()).isEqualTo(422);
    }

    @Test
    void badReturns_areRefusedWithAProblem_andStoreNothing() {
        String lamp = admin.registerProduct(unique("Lamp"), "20.00", 10);
        String unsold = admin.registerProduct(unique("Unsold"), "1.00", 10);
        String scarce = admin.registerProduct(unique("Scarce"), "1.00", 1);
        Api quinn = customer("100.00");
        Api other = customer("100.00");
        String orderId = accepted(quinn, Map.of(lamp, 2)).path("orderId").asText();
        Answer tooMany = quinn.placeOrder(customerIdOf(quinn), Map.of(scarce, 2));
        String rejected =
                quinn.awaitTerminal(tooMany.id("orderId")).path("orderId").asText();
        String returns = "/api/orders/" + orderId + "/returns";
        String line = "{\"productId\":\"" + lamp + "\",\"quantity\":1}";
        instance.awaitQuiet();
        long eventsBefore = instance.eventCount();

        List<Object[]> cases = List.of(
                new Object[] {
                    quinn,
                    returns,
                    "{\"lines\":[{\"productId\":\"" + lamp + "\",\"quantity\":3}]," + "\"reason\":\"x\"}",
                    422
                },
                new Object[] {
                    quinn,
                    returns,
                    "{\"lines\":[{\"productId\":\"" + lamp + "\",\"quantity\":0}]," + "\"reason\":\"x\"}",
                    400
                },
                new Object[] {
                    quinn,
                    returns,
                    "{\"lines\":[{\"productId\":\"" + lamp + "\",\"quantity\":-1}]," + "\"reason\":\"x\"}",
                    400
                },
                new Object[] {quinn, returns, "{\"lines\":[" + line + "]}", 400},
                new Object[] {quinn, returns, "{\"lines\":[" + line + "],\"reason\":\"  \"}", 400},
                new Object[] {quinn, returns, "{\"lines\":[],\"reason\":\"x\"}", 400},
                new Object[] {quinn, returns, "{\"lines\":[" + line + "],\"reason\":\"" + "x".repeat(501) + "\"}", 400},
                new Object[] {
                    quinn,
                    returns,
                    "{\"lines\":[{\"productId\":\"" + unsold + "\",\"quantity\":1}]," + "\"reason\":\"x\"}",
                    400
                },
                new Object[] {
                    quinn,
                    returns,
                    "{\"lines\":[{\"productId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}]," + "\"reason\":\"x\"}",
                    400
                },
                new Object[] {
                    quinn,
                    returns,
                    "{\"lines\":[{\"productId\":\"not-a-uuid\",\"quantity\":1}]," + "\"reason\":\"x\"}",
                    400
                },
                new Object[] {quinn, returns, "{\"lines\":[" + line + "],\"reason\":\"x\",\"extra\":1}", 400},
                new Object[] {other, returns, "{\"lines\":[" + line + "],\"reason\":\"x\"}", 404},
                new Object[] {
                    quinn,
                    "/api/orders/" + rejected + "/returns",
                    "{\"lines\":[{\"productId\":\"" + scarce + "\",\"quantity\":1}],\"reason\":\"x\"}",
                    409
                },
                new Object[] {
                    quinn,
                    "/api/orders/" + UUID.randomUUID() + "/returns",
                    "{\"lines\":[" + line + "],\"reason\":\"x\"}",
                    404
                },
                new Object[] {
                    quinn, "/api/orders/not-a-uuid/returns", "{\"lines\":[" + line + "],\"reason\":\"x\"}", 400
                });
        for (Object[] c : cases) {
            Answer answer = ((Api) c[0]).post((String) c[1], c[2]);
            assertThat(answer.status())
                    .as("%s %s → %s", c[1], c[2], answer.raw())
                    .isEqualTo((int) c[3]);
            assertThat(answer.contentType()).as("%s %s", c[1], c[2]).contains("application/problem+json");
            assertThat(answer.raw()).doesNotContainIgnoringCase("exception");
        }
        assertThat(instance.eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void returnAfterTheWindow_isRefused_andStoresNothing() {
        String lamp = admin.registerProduct(unique("Lamp"), "20.00", 10);
        Api quinn = customer("100.00");
        JsonNode order = accepted(quinn, Map.of(lamp, 1));
        Instant closes = Instant.parse(order.path("completedAt").asText()).plus(WINDOW);
        // the clock passes the window's end, whose last moment is still open
        await().atMost(WINDOW.plusSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(closes.plusSeconds(1)));
        instance.awaitQuiet();
        long eventsBefore = instance.eventCount();

        Answer late = quinn.requestReturn(order.path("orderId").asText(), Map.of(lamp, 1), "too late");

        assertThat(late.status()).as(late.toString()).isEqualTo(422);
        assertThat(late.body().path("detail").asText()).contains("return window");
        assertThat(instance.eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void concurrentReturnsOfOneOrder_neverGiveBackMoreThanWasPaid() throws Exception {
        String mug = admin.registerProduct(unique("Mug"), "7.00", 10);
        Api quinn = customer("100.00");
        String customerId = customerIdOf(quinn);
        String orderId = accepted(quinn, Map.of(mug, 3)).path("orderId").asText();
        admin.awaitBalance(customerId, "79.00");
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                Callable<Answer> ask = () -> quinn.requestReturn(orderId, Map.of(mug, 1), "one of three");
                answers.add(pool.submit(ask));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).filteredOn(status -> status == 202).hasSize(3);
            assertThat(statuses).filteredOn(status -> status == 422).hasSize(attempts - 3);
        } finally {
            pool.shutdownNow();
        }
        JsonNode order = quinn.awaitOrder(
                orderId, o -> "RETURNED".equals(o.path("status").asText()));
        assertThat(amount(order.path("refunded"))).isEqualByComparingTo("21.00");
        assertThat(order.path("returns")).hasSize(3);
        admin.awaitBalance(customerId, "100.00");
        admin.awaitStock(mug, 10, 0, 0);
        instance.awaitQuiet();
        assertThat(EventLog.read(instance.jdbc()).count("ReturnRefundedEvent", orderId))
                .isEqualTo(3);
    }

    @Test
    void restockFailing_isRetriedAtTheRetryDeadline_untilTheReturnCompletes() {
        String kettle = admin.registerProduct(unique("Kettle"), "30.00", 5);
        Api quinn = customer("100.00");
        String orderId = accepted(quinn, Map.of(kettle, 1)).path("orderId").asText();
        FailingRestocks.FAILURES.put(kettle, 2);

        String returnId =
                quinn.requestReturn(orderId, Map.of(kettle, 1), "leaks").id("returnId");

        JsonNode order = awaitReturnEnded(quinn, orderId, returnId);
        assertThat(returnOf(order, returnId).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(order.path("status").asText()).isEqualTo("RETURNED");
        assertThat(FailingRestocks.FAILURES).doesNotContainKey(kettle);
        admin.awaitStock(kettle, 5, 0, 0);
    }

    @Test
    void restockFailingPastTheReturnDeadline_failsTheReturnWithItsReason_andItsUnitsAreReturnableAgain() {
        String iron = admin.registerProduct(unique("Iron"), "25.00", 5);
        Api quinn = customer("100.00");
        String customerId = customerIdOf(quinn);
        String orderId = accepted(quinn, Map.of(iron, 2)).path("orderId").asText();
        FailingRestocks.FAILURES.put(iron, Integer.MAX_VALUE);

        String returnId =
                quinn.requestReturn(orderId, Map.of(iron, 2), "too heavy").id("returnId");

        JsonNode order = awaitReturnEnded(quinn, orderId, returnId);
        JsonNode failed = returnOf(order, returnId);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("failureReason").asText()).contains("unreachable");
        assertThat(lineOf(order, iron).path("returning").asInt()).isZero();
        assertThat(amount(order.path("refunded"))).isEqualByComparingTo("0");
        admin.awaitStock(iron, 3, 0, 2);
        admin.awaitBalance(customerId, "50.00");

        FailingRestocks.FAILURES.remove(iron);
        Answer again = quinn.requestReturn(orderId, Map.of(iron, 2), "too heavy, again");
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        JsonNode returned = awaitReturnEnded(quinn, orderId, again.id("returnId"));
        assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
        admin.awaitBalance(customerId, "100.00");
    }

    private BigDecimal tierRevenue() {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode tier : admin.get("/api/reports/tiers").body()) {
            total = total.add(amount(tier.path("revenue")));
        }
        return total;
    }
}
