package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What-if timelines over a workload made by the suites' clients: with no rule changed, a timeline over the whole
 * period ends every order as the log did, and changes nothing of the live system (the log, the views, the lake, the
 * outside systems); twice, or several at once, it gives the same figures. Bad input is refused and stores nothing;
 * a timeline running when its process stopped is failed after a start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TimelineScenarios extends ApplicationScenarios {

    private static final Pattern TABLES = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+)");

    private final StandInSystems outside = new StandInSystems();
    private String from;
    private String to;
    private final Map<String, String> ends = new LinkedHashMap<>();

    @Override
    List<String> arguments() {
        List<String> arguments = new ArrayList<>(outside.arguments());
        arguments.add("--sourced.timelines.pool-size=2");
        return arguments;
    }

    @Override
    Class<?>[] extraSources() {
        return new Class<?>[] {HoldReservations.class};
    }

    @AfterAll
    void stopTheOutside() {
        HoldReservations.HELD_PRODUCTS.clear();
        outside.close();
    }

    @BeforeAll
    void workload() {
        from = Instant.now().toString();
        String lamp = admin.registerProduct(WorkflowScenarios.unique("Lamp"), "10.00", 10);
        String last = admin.registerProduct(WorkflowScenarios.unique("Last one"), "5.00", 1);
        String held = admin.registerProduct(WorkflowScenarios.unique("Held"), "3.00", 5);
        HoldReservations.HELD_PRODUCTS.add(held);
        String rich = admin.openCustomer(WorkflowScenarios.unique("Rich"), "500");
        String poor = admin.openCustomer(WorkflowScenarios.unique("Poor"), "5");
        String racer = admin.openCustomer(WorkflowScenarios.unique("Racer"), "50");
        String canceller = admin.openCustomer(WorkflowScenarios.unique("Canceller"), "50");
        assertThat(admin.post("/api/customers/" + rich + "/deposits", Map.of("amount", 20))
                        .status())
                .isEqualTo(202);
        assertThat(admin.post("/api/customers/" + rich + "/withdrawals", Map.of("amount", 15))
                        .status())
                .isEqualTo(202);
        admin.restock(lamp, 5);

        order(rich, Map.of(lamp, 2), "ACCEPTED");
        order(rich, Map.of(lamp, 50), "REJECTED");
        order(poor, Map.of(lamp, 1), "REJECTED");
        String pending = admin.placeOrder(canceller, Map.of(held, 1)).id("orderId");
        assertThat(admin.post("/api/orders/" + pending + "/cancel", null).status())
                .isEqualTo(202);
        ends.put(pending, admin.awaitTerminal(pending).path("status").asText());
        HoldReservations.HELD_PRODUCTS.remove(held);
        // two orders race for the last unit: one of them gets it, as the log will say
        CompletableFuture<String> one = CompletableFuture.supplyAsync(
                () -> admin.placeOrder(rich, Map.of(last, 1)).id("orderId"));
        CompletableFuture<String> other = CompletableFuture.supplyAsync(
                () -> admin.placeOrder(racer, Map.of(last, 1)).id("orderId"));
        for (String raced : List.of(one.join(), other.join())) {
            ends.put(raced, admin.awaitTerminal(raced).path("status").asText());
        }
        instance.awaitQuiet();
        to = Instant.now().toString();
        assertThat(ends).containsValues("ACCEPTED", "REJECTED", "CANCELLED");
    }

    private void order(String customer, Map<String, Integer> lines, String expected) {
        String orderId = admin.placeOrder(customer, lines).id("orderId");
        String status = admin.awaitTerminal(orderId).path("status").asText();
        assertThat(status).isEqualTo(expected);
        ends.put(orderId, status);
    }

    @Test
    @Order(1)
    void noRuleChanged_endsEveryOrderAsTheLogDid_andTouchesNothingLive() {
        LiveState before = liveState();

        JsonNode timeline = awaitDone(start(Map.of("name", "As it was", "from", from, "to", to)));

        assertThat(timeline.path("ordersChanged").asLong())
                .as(timeline.toString())
                .isZero();
        assertThat(timeline.path("changedOrders")).isEmpty();
        assertThat(timeline.path("whatIf")).isEqualTo(timeline.path("actual"));
        JsonNode actual = timeline.path("actual");
        assertThat(actual.path("ordersPlaced").asLong()).isEqualTo(ends.size());
        assertThat(actual.path("accepted").asLong())
                .isEqualTo(ends.values().stream().filter("ACCEPTED"::equals).count());
        assertThat(actual.path("cancelled").asLong()).isEqualTo(1);
        assertThat(actual.path("rejected").path("OUT_OF_STOCK").asLong()).isEqualTo(2);
        assertThat(actual.path("rejected").path("PAYMENT_DECLINED").asLong()).isEqualTo(1);
        assertThat(actual.path("revenue").decimalValue()).isEqualByComparingTo(new BigDecimal("25.00"));
        assertThat(timeline.path("byProduct")).allSatisfy(product -> {
            assertThat(product.path("whatIfRevenue").decimalValue())
                    .isEqualByComparingTo(product.path("actualRevenue").decimalValue());
            assertThat(product.path("whatIfUnitsLost")).isEqualTo(product.path("actualUnitsLost"));
        });
        assertThat(timeline.path("byDay"))
                .isNotEmpty()
                .allSatisfy(day -> assertThat(day.path("whatIfRevenue").decimalValue())
                        .isEqualByComparingTo(day.path("actualRevenue").decimalValue()));
        assertThat(timeline.path("rules").path("partialFulfilment").asBoolean()).isFalse();
        instance.awaitQuiet();
        assertThat(liveState()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void severalAtOnce_andTwice_giveTheSameFigures() {
        List<String> ids = Stream.of("First", "Second", "Third")
                .map(name -> start(Map.of("name", name, "from", from, "to", to)))
                .toList();

        List<JsonNode> done = ids.stream().map(this::awaitDone).toList();

        for (JsonNode timeline : done) {
            for (String figures : List.of("actual", "whatIf", "byProduct", "byDay", "ordersChanged")) {
                assertThat(timeline.path(figures))
                        .as(figures)
                        .isEqualTo(done.get(0).path(figures));
            }
        }
        JsonNode listed = admin.get("/api/timelines").body();
        assertThat(listed.get(0).path("id").asText()).isEqualTo(ids.get(2));
        assertThat(listed.get(0).has("actual"))
                .as("the list leaves the figures out")
                .isFalse();
    }

    @Test
    @Order(3)
    void badInput_isRefused_andStoresNothing() {
        int stored = admin.get("/api/timelines").body().size();
        String later = Instant.now().plus(Duration.ofDays(1)).toString();
        String unknownProduct = UUID.randomUUID().toString();
        List<Map.Entry<String, Map<String, Object>>> cases = List.of(
                Map.entry("to", Map.of("name", "Reversed", "from", to, "to", from)),
                Map.entry("to", Map.of("name", "Future", "from", from, "to", later)),
                Map.entry(
                        "rules.magic", Map.of("name", "Unknown", "from", from, "to", to, "rules", Map.of("magic", 1))),
                Map.entry("colour", Map.of("name", "Unknown", "from", from, "to", to, "colour", "red")),
                Map.entry(
                        "rules.creditLimit",
                        Map.of("name", "Negative", "from", from, "to", to, "rules", Map.of("creditLimit", -1))),
                Map.entry("name", Map.of("name", " ", "from", from, "to", to)),
                Map.entry("name", Map.of("name", "x".repeat(101), "from", from, "to", to)),
                Map.entry(
                        "rules.priceChangeProducts",
                        Map.of(
                                "name",
                                "Nothing",
                                "from",
                                from,
                                "to",
                                to,
                                "rules",
                                Map.of("priceChangePercent", 10, "priceChangeProducts", List.of(unknownProduct)))),
                Map.entry(
                        "rules.autoRestock.below",
                        Map.of(
                                "name",
                                "Restock",
                                "from",
                                from,
                                "to",
                                to,
                                "rules",
                                Map.of("autoRestock", Map.of("below", 0, "quantity", 5)))));

        for (Map.Entry<String, Map<String, Object>> refused : cases) {
            Api.Answer answer = admin.post("/api/timelines", refused.getValue());
            assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().path("errors").get(0).path("field").asText())
                    .as(answer.raw())
                    .isEqualTo(refused.getKey());
        }
        assertThat(admin.get("/api/timelines").body().size()).isEqualTo(stored);
    }

    @Test
    @Order(4)
    void delete_removesTheTimeline_andUnknownIdsAreNotFound() {
        String id = start(Map.of("name", "Short-lived", "from", from, "to", to));

        assertThat(admin.delete("/api/timelines/" + id).status()).isEqualTo(204);

        assertThat(admin.get("/api/timelines/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/api/timelines/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/timelines").body().findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    @Order(5)
    void restart_failsTheTimelineThatWasRunning() {
        String id = awaitDone(start(Map.of("name", "Cut short", "from", from, "to", to)))
                .path("id")
                .asText();
        // as its process left it when it stopped half-way
        instance.jdbc()
                .update(
                        "UPDATE timeline SET status = 'RUNNING', progress = 0.5, result = NULL WHERE timeline_id = ?",
                        id);
        instance.close();

        instance = Instance.start(database, arguments(), extraSources());
        admin = instance.admin;

        JsonNode timeline = admin.get("/api/timelines/" + id).body();
        assertThat(timeline.path("status").asText()).isEqualTo("FAILED");
        assertThat(timeline.path("failure").asText()).contains("stopped");
        assertThat(timeline.path("actual").isNull()).isTrue();
    }

    private String start(Map<String, Object> body) {
        Api.Answer answer = admin.post("/api/timelines", body);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
        String id = answer.id("timelineId");
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/timelines/" + id);
        return id;
    }

    private JsonNode awaitDone(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = admin.get("/api/timelines/" + id).body();
                    return !"RUNNING".equals(last[0].path("status").asText());
                });
        assertThat(last[0].path("status").asText()).as(last[0].toString()).isEqualTo("DONE");
        assertThat(last[0].path("progress").asDouble()).isEqualTo(1.0);
        return last[0];
    }

    /** What a timeline must leave as it was: the log's head, every view's rows, the lake's files, the outside calls. */
    private record LiveState(long events, Map<String, Long> viewRows, List<String> lakeFiles, long outsideCalls) {}

    private LiveState liveState() {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : viewTables()) {
            rows.put(table, instance.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return new LiveState(instance.eventCount(), rows, lakeFiles(), outside.totalCalls());
    }

    private static List<String> viewTables() {
        try (Stream<Path> scripts =
                Files.list(Path.of("..", "query-side", "src", "main", "resources", "db", "views"))) {
            List<String> tables = new ArrayList<>();
            for (Path script : scripts.sorted().toList()) {
                Matcher created = TABLES.matcher(Files.readString(script));
                while (created.find()) {
                    tables.add(created.group(1));
                }
            }
            assertThat(tables).isNotEmpty();
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lakeFiles() {
        Path lake = database.lakeFolder();
        if (!Files.exists(lake)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(lake)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> lake.relativize(file) + ":" + file.toFile().length())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
