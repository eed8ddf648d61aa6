package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.app.it.Api.Answer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.deadline.DeadlineManager;
import org.junit.jupiter.api.Test;

/** The REST workflow end to end, on whichever database a subclass gives. */
abstract class WorkflowScenarios extends ApplicationScenarios {

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static BigDecimal amount(JsonNode node) {
        return node.decimalValue().setScale(2);
    }

    JsonNode product(String productId) {
        Answer answer = admin.get("/api/products/" + productId);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    JsonNode customer(String customerId) {
        Answer answer = admin.get("/api/customers/" + customerId);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    void awaitStock(String productId, int available, int reserved, int sold) {
        admin.awaitStock(productId, available, reserved, sold);
    }

    void awaitBalance(String customerId, String balance) {
        admin.awaitBalance(customerId, balance);
    }

    @Test
    void orderTimeouts_keptByTheDeadlineManagerThatLetsACancellationMeetAFiringTimeout() {
        assertThat(instance.bean(DeadlineManager.class).getClass().getSimpleName())
                .isEqualTo("TimeoutsCancelledWhileFiring");
    }

    @Test
    void placeOrder_withStockAndMoney_isAccepted() {
        String keyboard = admin.registerProduct(unique("Keyboard"), "12.50", 5);
        String cable = admin.registerProduct(unique("Cable"), "3.00", 10);
        String customer = admin.openCustomer(unique("Dana"), "100");

        Answer placed = admin.placeOrder(customer, Map.of(keyboard, 2, cable, 3));

        assertThat(placed.status()).isEqualTo(202);
        assertThat(placed.body().path("orderId").asText()).isNotBlank();
        JsonNode order = admin.awaitTerminal(placed.id("orderId"));
        assertThat(order.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(order.path("rejectionReason").isNull()).isTrue();
        assertThat(amount(order.path("total"))).isEqualByComparingTo("34.00");
        assertThat(order.path("completedAt").asText()).isNotBlank();
        assertThat(order.path("lines")).hasSize(2);
        awaitStock(keyboard, 3, 0, 2);
        awaitStock(cable, 7, 0, 3);
        awaitBalance(customer, "66.00");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode ledger =
                    admin.get("/api/customers/" + customer + "/transactions").body();
            assertThat(ledger).hasSize(2);
            assertThat(ledger.get(0).path("type").asText()).isEqualTo("DEPOSIT");
            assertThat(ledger.get(1).path("type").asText()).isEqualTo("PAYMENT");
            assertThat(ledger.get(1).path("orderId").asText()).isEqualTo(placed.id("orderId"));
            assertThat(amount(ledger.get(1).path("balanceAfter"))).isEqualByComparingTo("66.00");
        });
    }

    @Test
    void placeOrder_beyondStock_isRejectedOutOfStock_andReleasesTheOtherLines() {
        String scarce = admin.registerProduct(unique("Scarce"), "5.00", 2);
        String plenty = admin.registerProduct(unique("Plenty"), "1.00", 50);
        String customer = admin.openCustomer(unique("Eli"), "100");

        Answer placed = admin.placeOrder(customer, new LinkedHashMap<>(Map.of(plenty, 4, scarce, 3)));

        JsonNode order = admin.awaitTerminal(placed.id("orderId"));
        assertThat(order.path("status").asText()).isEqualTo("REJECTED");
        assertThat(order.path("rejectionReason").asText()).isEqualTo("OUT_OF_STOCK");
        awaitStock(plenty, 50, 0, 0);
        awaitStock(scarce, 2, 0, 0);
        awaitBalance(customer, "100.00");
    }

    @Test
    void placeOrder_beyondBalance_isRejectedPaymentDeclined_andReleasesStock() {
        String piano = admin.registerProduct(unique("Piano"), "1000", 1);
        String customer = admin.openCustomer(unique("Fay"), "50");

        Answer placed = admin.placeOrder(customer, Map.of(piano, 1));

        JsonNode order = admin.awaitTerminal(placed.id("orderId"));
        assertThat(order.path("status").asText()).isEqualTo("REJECTED");
        assertThat(order.path("rejectionReason").asText()).isEqualTo("PAYMENT_DECLINED");
        awaitStock(piano, 1, 0, 0);
        awaitBalance(customer, "50.00");
    }

    @Test
    void cancelOrder_onceAccepted_isAConflict() {
        String lamp = admin.registerProduct(unique("Lamp"), "20", 3);
        String customer = admin.openCustomer(unique("Gus"), "100");
        String orderId = admin.placeOrder(customer, Map.of(lamp, 1)).id("orderId");
        admin.awaitOrder(
                orderId, order -> "ACCEPTED".equals(order.path("status").asText()));

        Answer cancel = admin.post("/api/orders/" + orderId + "/cancel", null);

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.contentType()).contains("application/problem+json");
    }

    @Test
    void badInput_isAnsweredWithAProblem_andStoresNoEvent() {
        String product = admin.registerProduct(unique("Mug"), "7.25", 10);
        String customer = admin.openCustomer(unique("Hal"), "30");
        instance.awaitQuiet();
        long eventsBefore = instance.eventCount();
        String unknown = UUID.randomUUID().toString();

        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"/api/orders", "{oops", 400});
        cases.add(new Object[] {"/api/orders", "{\"customerId\":\"" + customer + "\",\"lines\":[]}", 400});
        cases.add(new Object[] {
            "/api/orders",
            "{\"customerId\":\"" + customer + "\",\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":0}]}",
            400
        });
        cases.add(new Object[] {
            "/api/orders",
            "{\"customerId\":\"" + customer + "\",\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":-2}]}",
            400
        });
        cases.add(new Object[] {
            "/api/orders",
            "{\"customerId\":\"" + customer + "\",\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":1.5}]}",
            400
        });
        cases.add(new Object[] {
            "/api/orders",
            "{\"customerId\":\"" + customer + "\",\"lines\":[{\"productId\":\"not-a-uuid\",\"quantity\":1}]}",
            400
        });
        cases.add(new Object[] {
            "/api/orders",
            "{\"customerId\":\"" + customer + "\",\"lines\":[{\"productId\":\"" + product
                    + "\",\"quantity\":1}],\"extra\":1}",
            400
        });
        cases.add(new Object[] {
            "/api/orders",
            "{\"customerId\":\"" + customer + "\",\"lines\":[{\"productId\":\"" + unknown + "\",\"quantity\":1}]}",
            404
        });
        cases.add(new Object[] {
            "/api/orders",
            "{\"customerId\":\"" + unknown + "\",\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":1}]}",
            404
        });
        cases.add(new Object[] {"/api/products", "{\"name\":\"Bad\",\"price\":1.234,\"stock\":1}", 400});
        cases.add(new Object[] {"/api/products", "{\"name\":\"Bad\",\"price\":-1,\"stock\":1}", 400});
        cases.add(new Object[] {"/api/products", "{\"name\":\"\",\"price\":1,\"stock\":1}", 400});
        cases.add(new Object[] {"/api/products/" + product + "/restock", "{\"quantity\":0}", 400});
        cases.add(new Object[] {"/api/products/" + unknown + "/restock", "{\"quantity\":3}", 404});
        cases.add(new Object[] {"/api/products/" + product + "/write-offs", "{\"quantity\":0,\"reason\":\"x\"}", 400});
        cases.add(new Object[] {"/api/products/" + product + "/write-offs", "{\"quantity\":1}", 400});
        cases.add(new Object[] {"/api/products/" + product + "/write-offs", "{\"quantity\":1,\"reason\":\" \"}", 400});
        cases.add(new Object[] {
            "/api/products/" + product + "/write-offs", "{\"quantity\":1,\"reason\":\"" + "x".repeat(501) + "\"}", 400
        });
        cases.add(new Object[] {"/api/products/" + product + "/write-offs", "{\"quantity\":11,\"reason\":\"x\"}", 422});
        cases.add(new Object[] {"/api/products/" + unknown + "/write-offs", "{\"quantity\":1,\"reason\":\"x\"}", 404});
        String deposit = "/api/customers/" + customer + "/transactions/" + UUID.randomUUID() + "/reversal";
        cases.add(new Object[] {deposit, "{}", 400});
        cases.add(new Object[] {deposit, "{\"reason\":\"\"}", 400});
        cases.add(new Object[] {deposit, "{\"reason\":\"x\"}", 422});
        cases.add(new Object[] {
            "/api/customers/" + unknown + "/transactions/" + UUID.randomUUID() + "/reversal", "{\"reason\":\"x\"}", 404
        });
        cases.add(new Object[] {"/api/customers", "{\"name\":\"Bad\",\"initialDeposit\":0.001}", 400});
        cases.add(new Object[] {"/api/customers/" + customer + "/deposits", "{\"amount\":10.555}", 400});
        cases.add(new Object[] {"/api/customers/" + customer + "/deposits", "{\"amount\":0}", 400});
        cases.add(new Object[] {"/api/customers/" + unknown + "/deposits", "{\"amount\":10}", 404});
        cases.add(new Object[] {"/api/customers/" + customer + "/withdrawals", "{\"amount\":30.01}", 422});
        cases.add(new Object[] {"/api/orders/" + unknown + "/cancel", null, 404});

        for (Object[] c : cases) {
            Answer answer = admin.post((String) c[0], c[1]);
            assertThat(answer.status())
                    .as("%s %s → %s", c[0], c[1], answer.raw())
                    .isEqualTo((int) c[2]);
            assertThat(answer.contentType()).as("%s %s", c[0], c[1]).contains("application/problem+json");
            assertThat(answer.body().path("status").asInt()).isEqualTo((int) c[2]);
            assertThat(answer.raw()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("select ");
        }
        Answer invalid = admin.post("/api/orders", cases.get(2)[1]);
        assertThat(invalid.body().path("errors").get(0).path("field").asText()).contains("quantity");
        assertThat(instance.eventCount()).isEqualTo(eventsBefore);
        assertThat(admin.get("/api/orders/not-a-uuid").status()).isEqualTo(404);
        assertThat(admin.get("/api/orders/" + unknown).status()).isEqualTo(404);
    }

    @Test
    void placeOrder_sameIdempotencyKeyTwice_placesOnce() {
        String product = admin.registerProduct(unique("Pen"), "2.00", 10);
        String customer = admin.openCustomer(unique("Ivy"), "30");
        Map<String, Object> body =
                Map.of("customerId", customer, "lines", List.of(Map.of("productId", product, "quantity", 1)));
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + UUID.randomUUID());

        Answer first = admin.post("/api/orders", body, key);
        Answer second = admin.post("/api/orders", body, key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.id("orderId")).isEqualTo(first.id("orderId"));
        admin.awaitTerminal(first.id("orderId"));
        assertThat(EventLog.read(instance.jdbc()).count("OrderPlacedEvent", first.id("orderId")))
                .isEqualTo(1);
        awaitStock(product, 9, 0, 1);
        Answer other = admin.post("/api/orders", body, Map.of("Idempotency-Key", "order-" + UUID.randomUUID()));
        assertThat(other.id("orderId")).isNotEqualTo(first.id("orderId"));
    }

    @Test
    void placeOrder_oneIdempotencyKeySentAtOnce_placesOne() throws Exception {
        String product = admin.registerProduct(unique("Pen"), "2.00", 10);
        String customer = admin.openCustomer(unique("Ivy"), "30");
        Map<String, Object> body =
                Map.of("customerId", customer, "lines", List.of(Map.of("productId", product, "quantity", 1)));
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + UUID.randomUUID());
        Callable<Answer> place = () -> admin.post("/api/orders", body, key);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Answer> answers = new ArrayList<>();
        try {
            for (Future<Answer> answer : clients.invokeAll(Collections.nCopies(6, place))) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(answers)
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(202));
        assertThat(answers.stream().map(answer -> answer.id("orderId")).distinct())
                .hasSize(1);
        String order = answers.get(0).id("orderId");
        admin.awaitTerminal(order);
        assertThat(EventLog.read(instance.jdbc()).count("OrderPlacedEvent", order))
                .isEqualTo(1);
    }

    @Test
    void placeOrder_usedIdempotencyKeyWithAnotherOrder_isUnprocessable() {
        String product = admin.registerProduct(unique("Pen"), "2.00", 10);
        String customer = admin.openCustomer(unique("Ivy"), "30");
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + UUID.randomUUID());
        Answer first = admin.post(
                "/api/orders",
                Map.of("customerId", customer, "lines", List.of(Map.of("productId", product, "quantity", 1))),
                key);
        admin.awaitTerminal(first.id("orderId"));
        instance.awaitQuiet();
        long eventsBefore = instance.eventCount();

        Answer another = admin.post(
                "/api/orders",
                Map.of("customerId", customer, "lines", List.of(Map.of("productId", product, "quantity", 2))),
                key);

        assertThat(another.status()).as(another.toString()).isEqualTo(422);
        assertThat(another.contentType()).startsWith("application/problem+json");
        assertThat(another.body().path("detail").asText()).contains("Idempotency-Key");
        assertThat(instance.eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void deposit_sameIdempotencyKeyTwice_depositsOnce() {
        String customer = admin.openCustomer(unique("Ivy"), "30");
        Map<String, String> key = Map.of("Idempotency-Key", "deposit-" + UUID.randomUUID());
        String deposits = "/api/customers/" + customer + "/deposits";

        assertThat(admin.post(deposits, Map.of("amount", 5), key).status()).isEqualTo(202);
        assertThat(admin.post(deposits, Map.of("amount", new BigDecimal("5.00")), key)
                        .status())
                .isEqualTo(202);
        Answer another = admin.post(deposits, Map.of("amount", 6), key);

        assertThat(another.status()).as(another.toString()).isEqualTo(422);
        assertThat(instance.jdbc()
                        .queryForObject(
                                "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?",
                                Long.class,
                                customer))
                .as("opened, with its initial deposit, and one deposit")
                .isEqualTo(3);
        instance.awaitQuiet();
        assertThat(admin.get("/api/customers/" + customer)
                        .body()
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("35");
    }

    @Test
    void writeOff_takesAvailableStockOutOnce_withItsReasonAndWhoDidIt_andTheReportCountsIt() {
        String lamp = admin.registerProduct(unique("Lamp"), "20.00", 10);
        String customer = admin.openCustomer(unique("Wren"), "100");
        String orderId = admin.placeOrder(customer, Map.of(lamp, 2)).id("orderId");
        admin.awaitTerminal(orderId);
        Map<String, String> key = Map.of("Idempotency-Key", "write-off-" + UUID.randomUUID());
        String writeOffs = "/api/products/" + lamp + "/write-offs";

        Answer first = admin.post(writeOffs, Map.of("quantity", 3, "reason", "dropped in the warehouse"), key);
        Answer again = admin.post(writeOffs, Map.of("quantity", 3, "reason", "dropped in the warehouse"), key);
        Answer tooMany = admin.post(writeOffs, Map.of("quantity", 6, "reason", "more than is left"));

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
        awaitStock(lamp, 5, 0, 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<EventLog.Entry> writtenOff = EventLog.read(instance.jdbc()).entries().stream()
                    .filter(event -> lamp.equals(event.aggregateId())
                            && event.simpleType().equals("StockWrittenOffEvent"))
                    .toList();
            assertThat(writtenOff).hasSize(1);
            assertThat(writtenOff.get(0).payload().path("reason").asText()).isEqualTo("dropped in the warehouse");
            assertThat(writtenOff.get(0).metadata().path("username").asText()).isEqualTo("admin");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode trail = admin.get("/api/aggregates/" + lamp + "/events").body();
            assertThat(trail.findValuesAsText("type")).contains("StockWrittenOffEvent");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode days = admin.get("/api/reports/products").body();
            JsonNode today = null;
            for (JsonNode day : days) {
                if (day.path("productId").asText().equals(lamp)) {
                    today = day;
                }
            }
            assertThat(today).isNotNull();
            assertThat(today.path("unitsWrittenOff").asInt()).isEqualTo(3);
            assertThat(today.path("stockEndOfDay").asInt()).isEqualTo(5);
        });
    }

    @Test
    void depositReversal_takesAnUnspentDepositBackOnce_andTheLedgerShowsIt() {
        String product = admin.registerProduct(unique("Vase"), "30.00", 5);
        String customer = admin.openCustomer(unique("Yara"), "20");
        String mistaken = admin.depositOf(customer, "50");
        String spent = admin.depositOf(customer, "15");
        String ledger = "/api/customers/" + customer + "/transactions";
        String opening = admin.get(ledger).body().get(0).path("transactionId").asText();
        admin.awaitTerminal(admin.placeOrder(customer, Map.of(product, 2)).id("orderId"));
        awaitBalance(customer, "25.00");
        String payment = admin.get(ledger).body().get(3).path("transactionId").asText();

        Answer reversed =
                admin.post(ledger + "/" + opening + "/reversal", Map.of("reason", "opened with the wrong amount"));
        Answer twice = admin.post(ledger + "/" + opening + "/reversal", Map.of("reason", "again"));
        Answer alreadySpent = admin.post(ledger + "/" + mistaken + "/reversal", Map.of("reason", "spent"));
        Answer notADeposit = admin.post(ledger + "/" + payment + "/reversal", Map.of("reason", "not one"));
        Answer byTheOwner = admin.as("alice", "alice").post(ledger + "/" + spent + "/reversal", Map.of("reason", "x"));

        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(202);
        assertThat(List.of(twice.status(), alreadySpent.status(), notADeposit.status()))
                .containsExactly(422, 422, 422);
        assertThat(alreadySpent.body().path("detail").asText()).contains("spent");
        assertThat(byTheOwner.status()).isEqualTo(403);
        awaitBalance(customer, "5.00");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode entries = admin.get(ledger).body();
            assertThat(entries).hasSize(5);
            assertThat(entries.get(0).path("reversed").asBoolean()).isTrue();
            assertThat(entries.get(1).path("reversed").asBoolean()).isFalse();
            JsonNode reversal = entries.get(4);
            assertThat(reversal.path("type").asText()).isEqualTo("REVERSAL");
            assertThat(reversal.path("reverses").asText()).isEqualTo(opening);
            assertThat(amount(reversal.path("amount"))).isEqualByComparingTo("20.00");
            assertThat(amount(reversal.path("balanceAfter"))).isEqualByComparingTo("5.00");
            assertThat(reversal.path("transactionId").asText()).isNotBlank().isNotEqualTo(opening);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<EventLog.Entry> reversals = EventLog.read(instance.jdbc()).entries().stream()
                    .filter(event -> customer.equals(event.aggregateId())
                            && event.simpleType().equals("DepositReversedEvent"))
                    .toList();
            assertThat(reversals).hasSize(1);
            assertThat(reversals.get(0).payload().path("reason").asText()).isEqualTo("opened with the wrong amount");
            assertThat(reversals.get(0).metadata().path("username").asText()).isEqualTo("admin");
        });
        Instant beforeTheReversal =
                Instant.parse(admin.get(ledger).body().get(3).path("at").asText());
        assertThat(amount(admin.get("/api/customers/" + customer + "?asOf=" + beforeTheReversal)
                        .body()
                        .path("balance")))
                .isEqualByComparingTo("25.00");
    }

    @Test
    void customer_isDeniedAnotherCustomersData() {
        Api alice = admin.as("alice", "alice");
        Api bob = admin.as("bob", "bob");
        String aliceId = alice.get("/api/me").id("customerId");
        String bobId = bob.get("/api/me").id("customerId");
        assertThat(aliceId).isNotBlank().isNotEqualTo(bobId);
        String product = admin.registerProduct(unique("Tea"), "1.00", 100);
        Answer placed =
                alice.post("/api/orders", Map.of("lines", List.of(Map.of("productId", product, "quantity", 1))));
        assertThat(placed.status()).isEqualTo(202);
        String aliceOrder = placed.id("orderId");
        alice.awaitTerminal(aliceOrder);

        assertThat(bob.get("/api/orders/" + aliceOrder).status()).isEqualTo(404);
        assertThat(bob.get("/api/orders/" + aliceOrder + "/updates").status()).isEqualTo(404);
        assertThat(bob.post("/api/orders/" + aliceOrder + "/cancel", null).status())
                .isEqualTo(404);
        assertThat(bob.get("/api/customers/" + aliceId).status()).isEqualTo(404);
        assertThat(bob.get("/api/customers/" + aliceId + "/transactions").status())
                .isEqualTo(404);
        assertThat(bob.post("/api/customers/" + aliceId + "/deposits", Map.of("amount", 5))
                        .status())
                .isEqualTo(404);
        assertThat(bob.post(
                                "/api/orders",
                                Map.of(
                                        "customerId",
                                        aliceId,
                                        "lines",
                                        List.of(Map.of("productId", product, "quantity", 1))))
                        .status())
                .isEqualTo(404);
        assertThat(bob.get("/api/orders?customerId=" + aliceId).status()).isEqualTo(404);
        bob.get("/api/orders")
                .body()
                .path("items")
                .forEach(order -> assertThat(order.path("customerId").asText()).isEqualTo(bobId));
        assertThat(bob.post("/api/products", Map.of("name", "X", "price", 1, "stock", 1))
                        .status())
                .isEqualTo(403);
        assertThat(bob.get("/api/customers").status()).isEqualTo(403);
        assertThat(admin.as(null, null).get("/api/products").status()).isEqualTo(401);
        assertThat(admin.as("bob", "wrong").get("/api/products").status()).isEqualTo(401);

        assertThat(alice.get("/api/orders/" + aliceOrder).status()).isEqualTo(200);
        assertThat(alice.get("/api/customers/" + aliceId).status()).isEqualTo(200);
        alice.get("/api/orders")
                .body()
                .path("items")
                .forEach(order -> assertThat(order.path("customerId").asText()).isEqualTo(aliceId));
    }

    @Test
    void everyEvent_carriesWhoCausedIt_andItsTrace() {
        Api alice = admin.as("alice", "alice");
        String product = admin.registerProduct(unique("Soap"), "1.00", 100);
        String orderId = alice.post(
                        "/api/orders", Map.of("lines", List.of(Map.of("productId", product, "quantity", 2))))
                .id("orderId");
        alice.awaitOrder(
                orderId, order -> "ACCEPTED".equals(order.path("status").asText()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<EventLog.Entry> trace = EventLog.read(instance.jdbc()).about(orderId);
            assertThat(trace)
                    .extracting(EventLog.Entry::simpleType)
                    .contains(
                            "OrderPlacedEvent",
                            "StockReservedEvent",
                            "PaymentAuthorizedEvent",
                            "OrderAcceptedEvent",
                            "ReservationConfirmedEvent");
            String traceId = trace.get(0).metadata().path("traceId").asText();
            assertThat(traceId).isNotBlank();
            trace.forEach(event -> {
                assertThat(event.metadata().path("username").asText())
                        .as(event.type())
                        .isEqualTo("alice");
                assertThat(event.metadata().path("traceId").asText())
                        .as(event.type())
                        .isEqualTo(traceId);
                assertThat(event.metadata().path("correlationId").asText())
                        .as(event.type())
                        .isNotBlank();
            });
        });
        EventLog.read(instance.jdbc())
                .entries()
                .forEach(event -> assertThat(event.metadata().path("username").asText())
                        .as(event.type())
                        .isNotBlank());
    }

    @Test
    void orderUpdates_streamTheOrderUntilItIsTerminal() {
        Api alice = admin.as("alice", "alice");
        String product = admin.registerProduct(unique("Candle"), "2.00", 10);
        String orderId = alice.post(
                        "/api/orders", Map.of("lines", List.of(Map.of("productId", product, "quantity", 1))))
                .id("orderId");

        Answer stream =
                alice.send("GET", "/api/orders/" + orderId + "/updates", null, Map.of("Accept", "text/event-stream"));

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        List<String> states = stream.raw()
                .lines()
                .filter(line -> line.startsWith("data:"))
                .map(line -> Api.readTree(line.substring(5)).path("status").asText())
                .toList();
        assertThat(states).isNotEmpty().last().isEqualTo("ACCEPTED");
        assertThat(states).allSatisfy(state -> assertThat(state).isIn("PENDING", "ACCEPTED"));
    }

    @Test
    void apiDocument_namesEveryCallOfTheOpenApiDocument_andNoOther() throws Exception {
        JsonNode openApi = admin.as(null, null).get("/v3/api-docs").body();
        Set<String> served = new TreeSet<>();
        openApi.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> served.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> documented = new TreeSet<>();
        Matcher calls = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/api/[^`?\\s]*)")
                .matcher(Files.readString(Path.of("..", "docs", "api.md")));
        while (calls.find()) {
            if (!calls.group(2).endsWith("**")) {
                documented.add(calls.group(1) + " " + calls.group(2));
            }
        }

        assertThat(documented)
                .as("docs/api.md")
                .isEqualTo(served.stream()
                        .filter(call -> call.contains(" /api/"))
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void health_isOpen_andOpenApiDescribesTheApi() {
        Api anonymous = admin.as(null, null);
        assertThat(anonymous.get("/actuator/health").body().path("status").asText())
                .isEqualTo("UP");
        JsonNode openApi = anonymous.get("/v3/api-docs").body();
        assertThat(openApi.path("paths").has("/api/orders")).isTrue();
        assertThat(openApi.path("paths").has("/api/orders/{orderId}/cancel")).isTrue();
        assertThat(openApi.path("paths").has("/api/customers/{customerId}/transactions"))
                .isTrue();
        assertThat(openApi.at("/paths/~1api~1orders/post/responses").has("202")).isTrue();
        assertThat(openApi.at("/paths/~1api~1products/post/responses").has("201"))
                .isTrue();
        assertThat(openApi.at("/paths/~1api~1customers~1{customerId}~1withdrawals/post/responses")
                        .has("422"))
                .isTrue();
        for (String keyed : List.of(
                "/paths/~1api~1orders/post",
                "/paths/~1api~1customers~1{customerId}~1deposits/post",
                "/paths/~1api~1products~1{productId}~1restock/post")) {
            assertThat(openApi.at(keyed + "/parameters").findValuesAsText("name"))
                    .as(keyed)
                    .contains("Idempotency-Key");
            assertThat(openApi.at(keyed + "/responses").has("422")).as(keyed).isTrue();
        }
        assertThat(admin.as("alice", "alice").get("/actuator/prometheus").status())
                .isEqualTo(403);
    }

    @Test
    void concurrentOrders_onScarceStockAndMoney_keepEveryInvariant() throws Exception {
        new ConcurrencyScenario(instance, admin).run(60, 8);
    }
}
