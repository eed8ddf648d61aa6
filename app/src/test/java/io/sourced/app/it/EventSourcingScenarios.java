package io.sourced.app.it;

import static io.sourced.app.it.WorkflowScenarios.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.app.it.Api.Answer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What event sourcing promises — temporal queries, rebuild by replay, dead letters — on a given database. */
abstract class EventSourcingScenarios extends ApplicationScenarios {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> VIEWS = List.of(
            "SELECT order_id, customer_id, status, rejection_reason, total, placed_at, completed_at, refunded FROM order_view ORDER BY order_id",
            "SELECT order_id, product_id, line_no, quantity, unit_price, filled, returned, in_return FROM order_line_view ORDER BY order_id, product_id",
            "SELECT return_id, order_id, return_no, status, amount, reason, failure_reason, requested_at, ended_at FROM order_return_view ORDER BY return_id",
            "SELECT return_id, line_no, product_id, quantity, unit_price FROM order_return_line_view ORDER BY return_id, line_no",
            "SELECT product_id, report_day, units_sold, revenue, units_written_off, units_returned, refunded, stock_end_of_day FROM product_day_report ORDER BY product_id, report_day",
            "SELECT product_id, name, price, available, reserved, sold, category, version FROM product_view ORDER BY product_id",
            "SELECT customer_id, name, balance, version FROM customer_view ORDER BY customer_id",
            "SELECT customer_id, transaction_id, type, amount, order_id, balance_after, occurred_at, reverses, reversed FROM customer_transaction_view ORDER BY customer_id, id",
            "SELECT event_id, order_id, event_type, occurred_at, username, description, product_id FROM order_history_view ORDER BY order_id, position",
            "SELECT position, event_id, aggregate_type, aggregate_id, sequence, type, revision, occurred_at, payload, metadata,"
                    + " trace_id, correlation_id, username, order_id, customer_id FROM event_log_view ORDER BY position");

    private static final String REPORTS =
            "SELECT p.product_id, p.report_day, p.units_ordered, p.units_sold, p.revenue, p.units_lost,"
                    + " p.stock_end_of_day, (SELECT SUM(revenue) FROM tier_revenue_report) AS tier_revenue"
                    + " FROM product_day_report p ORDER BY p.product_id, p.report_day";

    @Override
    List<String> arguments() {
        return List.of("--sourced.order.timeout=3s");
    }

    @Override
    Class<?>[] extraSources() {
        return new Class<?>[] {HoldReservations.class, PoisonedProducts.class};
    }

    private JsonNode awaitProduct(String productId, int available, int reserved, int sold) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            seen[0] = admin.get("/api/products/" + productId).body();
            assertThat(List.of(
                            seen[0].path("available").asInt(),
                            seen[0].path("reserved").asInt(),
                            seen[0].path("sold").asInt()))
                    .containsExactly(available, reserved, sold);
        });
        return seen[0];
    }

    /** At an instant after the view showed {@code live}: the state as of then must be that. */
    private static void remember(Map<Instant, JsonNode> life, JsonNode live) {
        life.put(settledNow(), live);
    }

    private static Instant settledNow() {
        Instant now = Instant.now();
        await().atMost(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(now));
        return now;
    }

    @Test
    void asOf_atInstantsOfAnOrdersAndAProductsLife_answersWhatTheLiveViewSaid() {
        Instant beforeAll = settledNow();
        String steady = admin.registerProduct(unique("Steady"), "5.00", 10);
        String held = admin.registerProduct(unique("Held"), "7.00", 10);
        String customer = admin.openCustomer(unique("Kim"), "100");
        Map<Instant, JsonNode> productLife = new LinkedHashMap<>();
        Map<Instant, JsonNode> orderLife = new LinkedHashMap<>();
        remember(productLife, awaitProduct(steady, 10, 0, 0));
        admin.restock(steady, 5);
        remember(productLife, awaitProduct(steady, 15, 0, 0));

        HoldReservations.HELD_PRODUCTS.add(held);
        String pending = admin.placeOrder(customer, Map.of(steady, 2, held, 1)).id("orderId");
        JsonNode halfPriced = admin.awaitOrder(
                pending,
                order -> order.path("lines").findValues("unitPrice").stream().anyMatch(price -> !price.isNull()));
        remember(productLife, awaitProduct(steady, 13, 2, 0));
        orderLife.put(Instant.now(), halfPriced);
        JsonNode timedOut = admin.awaitTerminal(pending);
        remember(productLife, awaitProduct(steady, 15, 0, 0));
        orderLife.put(Instant.now(), timedOut);
        HoldReservations.HELD_PRODUCTS.remove(held);
        String accepted = admin.placeOrder(customer, Map.of(steady, 3)).id("orderId");
        JsonNode acceptedNow = admin.awaitOrder(
                accepted, order -> "ACCEPTED".equals(order.path("status").asText()));
        remember(productLife, awaitProduct(steady, 12, 0, 3));

        productLife.forEach((at, live) -> assertThat(
                        admin.get("/api/products/" + steady + "?asOf=" + at).body())
                .as("product as of %s", at)
                .isEqualTo(live));
        orderLife.forEach((at, live) -> assertThat(
                        admin.get("/api/orders/" + pending + "?asOf=" + at).body())
                .as("order as of %s", at)
                .isEqualTo(live));
        assertThat(admin.get("/api/orders/" + accepted + "?asOf=" + settledNow())
                        .body())
                .isEqualTo(acceptedNow);
        assertThat(orderLife.values())
                .extracting(order -> order.path("status").asText())
                .containsExactly("PENDING", "REJECTED");
        assertThat(admin.get("/api/products/" + steady + "?asOf=" + beforeAll).status())
                .isEqualTo(404);
        assertThat(admin.get("/api/orders/" + pending + "?asOf=" + beforeAll).status())
                .isEqualTo(404);
        assertThat(admin.get("/api/customers/" + customer + "?asOf=" + beforeAll)
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/api/customers/" + customer + "?asOf=" + settledNow())
                        .body()
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("85.00");
        assertThat(admin.get("/api/products/" + steady + "?asOf=yesterday").status())
                .isEqualTo(400);
        Api bob = admin.as("bob", "bob");
        assertThat(bob.get("/api/orders/" + pending + "?asOf=" + settledNow()).status())
                .isEqualTo(404);
        assertThat(bob.get("/api/customers/" + customer + "?asOf=" + settledNow())
                        .status())
                .isEqualTo(404);
    }

    /** Every state of the aggregate, a page of {@code limit} at a time, following the Link headers. */
    private List<JsonNode> states(String aggregateId, int limit) {
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        admin.get("/api/aggregates/" + aggregateId + "/states").status() == 200);
        List<JsonNode> states = new ArrayList<>();
        String next = "/api/aggregates/" + aggregateId + "/states?limit=" + limit;
        while (next != null) {
            Answer page = admin.get(next);
            assertThat(page.status()).isEqualTo(200);
            page.body().forEach(states::add);
            next = page.headers()
                    .firstValue("Link")
                    .map(link -> link.substring(link.indexOf("/api/"), link.indexOf('>')))
                    .orElse(null);
            assertThat(next == null || page.body().size() == limit).isTrue();
        }
        return states;
    }

    @Test
    void states_ofOrdersThroughTheirWorkflow_areTheAsOfAnswersAtEachVersion_pagedAndGuardedAsTheTrail() {
        String product = admin.registerProduct(unique("Stepped"), "4.00", 3);
        String customer = admin.openCustomer(unique("Lee"), "100");
        String accepted = admin.placeOrder(customer, Map.of(product, 2)).id("orderId");
        JsonNode acceptedNow = admin.awaitTerminal(accepted);
        String rejected = admin.placeOrder(customer, Map.of(product, 5)).id("orderId");
        JsonNode rejectedNow = admin.awaitTerminal(rejected);
        assertThat(admin.post("/api/customers/" + customer + "/deposits", Map.of("amount", 1.5))
                        .status())
                .isEqualTo(202);
        JsonNode productNow = awaitProduct(product, 1, 0, 2);

        for (String orderId : List.of(accepted, rejected)) {
            List<JsonNode> versions = states(orderId, 1);
            assertThat(versions).extracting(v -> v.path("version").asLong()).containsExactly(0L, 1L);
            for (JsonNode version : versions) {
                assertThat(version.path("state"))
                        .as("order %s at version %s", orderId, version.path("version"))
                        .isEqualTo(admin.get("/api/orders/" + orderId + "?asOf="
                                        + version.path("event")
                                                .path("timestamp")
                                                .asText())
                                .body());
            }
            assertThat(versions.get(0).path("event").path("type").asText()).isEqualTo("OrderPlacedEvent");
            assertThat(versions.get(0).path("changes").findValuesAsText("field"))
                    .contains("status", "lines[0].quantity");
            assertThat(versions.get(1).path("changes").findValuesAsText("field"))
                    .contains("status", "completedAt");
        }
        assertThat(states(accepted, 100).get(1).path("state")).isEqualTo(acceptedNow);
        assertThat(states(accepted, 100).get(1).path("changes").findValuesAsText("field"))
                .contains("lines[0].unitPrice", "total");
        assertThat(states(rejected, 100).get(1).path("state")).isEqualTo(rejectedNow);
        assertThat(states(rejected, 100)
                        .get(1)
                        .path("event")
                        .path("payload")
                        .path("reason")
                        .asText())
                .isEqualTo("OUT_OF_STOCK");

        List<JsonNode> stock = states(product, 2);
        assertThat(stock).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 0; i < stock.size(); i++) {
            assertThat(stock.get(i).path("version").asLong()).isEqualTo(i);
        }
        assertThat(stock.get(stock.size() - 1).path("state")).isEqualTo(productNow);
        List<JsonNode> account = states(customer, 100);
        JsonNode deposited = account.get(account.size() - 1);
        assertThat(deposited.path("changes").findValuesAsText("field")).containsExactly("balance");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deposited.path("state"))
                        .isEqualTo(admin.get("/api/customers/" + customer).body()));

        Api bob = admin.as("bob", "bob");
        assertThat(bob.get("/api/aggregates/" + accepted + "/states").status()).isEqualTo(404);
        assertThat(bob.get("/api/aggregates/" + customer + "/states").status()).isEqualTo(404);
        assertThat(bob.get("/api/aggregates/" + product + "/states").status()).isEqualTo(404);
        for (String bad : List.of("after=-2", "after=x", "limit=0", "limit=1001", "limit=x")) {
            Answer refused = admin.get("/api/aggregates/" + accepted + "/states?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).as(bad).startsWith("application/problem+json");
        }
    }

    @Test
    void replay_ofEveryViewProcessor_rebuildsViewsEqualRowForRow() {
        ordersOfEveryOutcome();
        instance.awaitQuiet();
        List<List<Map<String, Object>>> before = views();
        // the live views wrong: only a rebuild that took their place makes them right again
        instance.jdbc().update("UPDATE product_view SET available = available + 1000");
        instance.jdbc().update("DELETE FROM order_history_view");

        List<String> replayable = new ArrayList<>();
        admin.get("/api/admin/processors").body().forEach(p -> {
            if (p.path("replayable").asBoolean()) {
                replayable.add(p.path("name").asText());
            }
        });
        assertThat(replayable).contains("views", "reports").doesNotContain("orders-view");
        assertThat(instance.jdbc()
                        .queryForList(
                                "SELECT DISTINCT processorname FROM tokenentry ORDER BY processorname", String.class))
                .as("one token for the views, written by the migration that merges former ones, or at the first start")
                .contains("views")
                .doesNotContain("orders-view", "order-history", "products-view", "customers-view", "event-log");
        assertThat(instance.jdbc()
                        .queryForObject(
                                "SELECT COUNT(*) FROM flyway_schema_history WHERE script LIKE ?",
                                Integer.class,
                                "%Views_share_one_processor"))
                .isEqualTo(1);
        assertThat(statusOf("views").path("groups"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(
                        "orders-view", "products-view", "customers-view", "order-history", "event-log");
        for (String name : replayable) {
            assertThat(admin.post("/api/admin/processors/" + name + "/replay", null)
                            .status())
                    .isEqualTo(202);
        }
        assertThat(admin.post("/api/admin/processors/orders-view/replay", null).status())
                .as("a view's group stands for the processor it shares, whose rebuild is under way")
                .isEqualTo(409);
        Answer saga = admin.post("/api/admin/processors/OrderFulfilmentSagaProcessor/replay", null);
        assertThat(saga.status()).isEqualTo(409);
        assertThat(admin.post("/api/admin/processors/no-such-processor/replay", null)
                        .status())
                .isEqualTo(404);
        assertThat(admin.as("alice", "alice").get("/api/admin/processors").status())
                .isEqualTo(403);

        instance.awaitQuiet();
        assertThat(views()).isEqualTo(before);
        for (String name : List.of("views", "reports")) {
            assertThat(statusOf(name).path("rebuild").path("state").asText())
                    .as(name)
                    .isEqualTo("DONE");
        }
    }

    @Test
    void rebuildOfEveryView_answersAsBeforeWhileItRuns_newEventsIncluded_andTakesOverAtTheHead() {
        List<String> orders = ordersOfEveryOutcome();
        instance.awaitQuiet();
        Map<String, JsonNode> before = answers(orders, null);

        assertThat(admin.post("/api/admin/views/rebuild", Map.of("processors", List.of("OrderFulfilmentSagaProcessor")))
                        .status())
                .as("a processor that keeps no views in tables")
                .isEqualTo(400);
        Answer started = admin.post("/api/admin/views/rebuild", Map.of());

        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.body().findValuesAsText("name")).containsExactly("reports", "views");
        assertThat(admin.post("/api/admin/views/rebuild", Map.of("processors", List.of("reports")))
                        .status())
                .as("while one is under way")
                .isEqualTo(409);
        String fresh = admin.registerProduct(unique("Fresh"), "1.00", 3);
        int watched = 0;
        while (statusOf("views").path("replaying").asBoolean()) {
            assertThat(answers(orders, fresh)).isEqualTo(before);
            watched++;
        }
        assertThat(watched).as("answers read while the views were rebuilt").isPositive();
        instance.awaitQuiet();
        assertThat(answers(orders, fresh)).isEqualTo(before);
        assertThat(admin.get("/api/products/" + fresh).body().path("available").asInt())
                .as("an event recorded during the rebuild")
                .isEqualTo(3);
        JsonNode rebuild = statusOf("views").path("rebuild");
        assertThat(rebuild.path("state").asText()).isEqualTo("DONE");
        assertThat(rebuild.path("done").asLong())
                .isEqualTo(rebuild.path("total").asLong());
        assertThat(rebuild.path("done").asLong()).isPositive();
        assertThat(admin.delete("/api/admin/processors/orders-view/replay").status())
                .as("a cancel with no rebuild under way")
                .isEqualTo(404);
    }

    @Test
    void rebuildOfTheReports_askedWhileTheLiveReportsLag_waitsForThem_andEqualsARebuildAtRest() throws Exception {
        instance.awaitQuiet();
        String product = admin.registerProduct(unique("Lagged"), "2.50", 5);
        String customer = admin.openCustomer(unique("Lagged"), "100");
        try (Connection held = instance.bean(DataSource.class).getConnection()) {
            held.setAutoCommit(false);
            // the live reports cannot store their token, so they commit nothing from here on: the order reaches the
            // orders view, not the reports' journal of its customer's tier, which a rebuild can only read
            try (Statement lock = held.createStatement()) {
                lock.executeQuery("SELECT * FROM tokenentry WHERE processorname = 'reports' FOR UPDATE")
                        .close();
            }
            String order = admin.placeOrder(customer, Map.of(product, 2)).id("orderId");
            admin.awaitTerminal(order);

            Answer early = admin.post("/api/admin/views/rebuild", Map.of("processors", List.of("reports")));

            assertThat(early.status()).as(early.raw()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .alias("the rebuild caught up with the live reports and asks them to stop for its switch, or ended")
                    .until(() -> instance.jdbc()
                                            .queryForObject(
                                                    "SELECT COUNT(*) FROM replay_request WHERE processor = 'reports'",
                                                    Integer.class)
                                    > 0
                            || !statusOf("reports").path("replaying").asBoolean());
            held.rollback();
        }
        awaitRebuildEnded("reports");
        assertThat(statusOf("reports").path("rebuild").path("state").asText()).isEqualTo("DONE");
        instance.awaitQuiet();
        List<Map<String, Object>> rebuiltEarly = reports();
        assertThat(rebuiltEarly)
                .as("the order accepted while the live reports were held")
                .anyMatch(row -> product.equals(String.valueOf(row.get("product_id")))
                        && ((Number) row.get("units_sold")).intValue() == 2);
        assertThat(admin.post("/api/admin/views/rebuild", Map.of("processors", List.of("reports")))
                        .status())
                .isEqualTo(202);
        awaitRebuildEnded("reports");
        instance.awaitQuiet();
        assertThat(reports()).isEqualTo(rebuiltEarly);
    }

    private void awaitRebuildEnded(String processor) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !statusOf(processor).path("replaying").asBoolean());
    }

    private List<Map<String, Object>> reports() {
        return instance.jdbc().queryForList(REPORTS);
    }

    /** What a person sees of these orders, their customers and the products (but one), through the API. */
    private Map<String, JsonNode> answers(List<String> orders, String butProduct) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String order : orders) {
            JsonNode view = admin.get("/api/orders/" + order).body();
            answers.put(order, view);
            answers.put(
                    order + "/trace",
                    admin.get("/api/orders/" + order + "/trace").body());
            answers.put(
                    order + "/events",
                    admin.get("/api/aggregates/" + order + "/events").body());
            String customer = view.path("customerId").asText();
            answers.put(customer, admin.get("/api/customers/" + customer).body());
            answers.put(
                    customer + "/transactions",
                    admin.get("/api/customers/" + customer + "/transactions").body());
        }
        List<JsonNode> products = new ArrayList<>();
        admin.get("/api/products").body().forEach(product -> {
            if (!product.path("productId").asText().equals(butProduct)) {
                products.add(product);
            }
        });
        answers.put("products", JSON.valueToTree(products));
        return answers;
    }

    @Test
    void aPoisonedEvent_parksItsSequence_theOthersGoOn_andARetryAfterTheFixCatchesUp() {
        String poisoned = admin.registerProduct(unique("Poisoned"), "1.00", 1);
        String healthy = admin.registerProduct(unique("Healthy"), "1.00", 1);
        awaitProduct(poisoned, 1, 0, 0);
        PoisonedProducts.POISONED.add(poisoned);

        admin.restock(poisoned, 2);
        admin.restock(healthy, 2);
        admin.restock(poisoned, 3);
        admin.restock(healthy, 3);

        awaitProduct(healthy, 6, 0, 0);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                admin.get("/api/admin/dead-letters").body().findValues("aggregateId"))
                        .extracting(JsonNode::asText)
                        .containsExactly(poisoned, poisoned));
        JsonNode letter = admin.get("/api/admin/dead-letters").body().get(0);
        assertThat(letter.path("processor").asText()).isEqualTo("products-view");
        assertThat(letter.path("eventType").asText()).isEqualTo("ProductRestockedEvent");
        assertThat(letter.path("error").asText()).contains("poisoned product");
        assertThat(admin.get("/api/products/" + poisoned)
                        .body()
                        .path("available")
                        .asInt())
                .as("parked, not up to date")
                .isLessThan(6);
        JsonNode status = statusOf("views");
        assertThat(status.path("deadLetters").asLong()).isEqualTo(2);

        PoisonedProducts.POISONED.remove(poisoned);
        Answer retry = admin.post("/api/admin/dead-letters/products-view/retry", null);

        assertThat(retry.status()).isEqualTo(202);
        awaitProduct(poisoned, 6, 0, 0);
        assertThat(admin.get("/api/admin/dead-letters").body()).isEmpty();
        assertThat(statusOf("views").path("deadLetters").asLong()).isZero();
    }

    private JsonNode statusOf(String processor) {
        for (JsonNode p : admin.get("/api/admin/processors").body()) {
            if (p.path("name").asText().equals(processor)) {
                return p;
            }
        }
        throw new AssertionError("no processor " + processor);
    }

    private List<String> ordersOfEveryOutcome() {
        String stocked = admin.registerProduct(unique("Stocked"), "4.00", 5);
        String held = admin.registerProduct(unique("Held"), "6.00", 5);
        String rich = admin.openCustomer(unique("Rich"), "200");
        String poor = admin.openCustomer(unique("Poor"), "3");
        List<String> orders = new ArrayList<>();
        orders.add(admin.placeOrder(rich, Map.of(stocked, 2)).id("orderId"));
        orders.add(admin.placeOrder(rich, Map.of(stocked, 50)).id("orderId"));
        orders.add(admin.placeOrder(poor, Map.of(stocked, 1)).id("orderId"));
        HoldReservations.HELD_PRODUCTS.add(held);
        String toCancel = admin.placeOrder(rich, Map.of(held, 1, stocked, 1)).id("orderId");
        admin.awaitOrder(
                toCancel,
                order -> order.path("lines").findValues("unitPrice").stream().anyMatch(p -> !p.isNull()));
        assertThat(admin.post("/api/orders/" + toCancel + "/cancel", null).status())
                .isEqualTo(202);
        orders.add(toCancel);
        orders.add(admin.placeOrder(rich, Map.of(held, 1)).id("orderId"));
        List<String> outcomes = orders.stream()
                .map(id -> admin.awaitTerminal(id))
                .map(o -> o.path("status").asText() + " "
                        + o.path("rejectionReason").asText())
                .toList();
        HoldReservations.HELD_PRODUCTS.remove(held);
        assertThat(outcomes)
                .containsExactly(
                        "ACCEPTED null",
                        "REJECTED OUT_OF_STOCK",
                        "REJECTED PAYMENT_DECLINED",
                        "CANCELLED null",
                        "REJECTED TIMEOUT");
        awaitProduct(stocked, 3, 0, 2);
        admin.writeOff(stocked, 1, "scratched");
        awaitProduct(stocked, 2, 0, 2);
        admin.reverseDeposit(rich, admin.depositOf(rich, "5"), "meant for another account");
        Answer returned = admin.requestReturn(orders.get(0), Map.of(stocked, 1), "one too many");
        assertThat(returned.status()).as(returned.raw()).isEqualTo(202);
        admin.awaitOrder(
                orders.get(0), order -> order.path("refunded").decimalValue().signum() > 0);
        awaitProduct(stocked, 3, 0, 1);
        return orders;
    }

    private List<List<Map<String, Object>>> views() {
        return VIEWS.stream().map(sql -> instance.jdbc().queryForList(sql)).toList();
    }
}
