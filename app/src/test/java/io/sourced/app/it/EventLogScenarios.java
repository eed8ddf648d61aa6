package io.sourced.app.it;

import static io.sourced.app.it.WorkflowScenarios.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.app.it.Api.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The event log given away — the NDJSON feed, an aggregate's audit trail, an order's trace — on a subclass's database. */
abstract class EventLogScenarios extends ApplicationScenarios {

    private long lastStoredPosition() {
        Long max = instance.jdbc().queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        return max == null ? -1 : max;
    }

    @Test
    void eventFeed_readPageByPage_whileOrdersArePlaced_returnsEveryEventOnceInOrder() throws Exception {
        List<String> products = List.of(
                admin.registerProduct(unique("Feed pen"), "1.00", 500),
                admin.registerProduct(unique("Feed pad"), "2.50", 500),
                admin.registerProduct(unique("Feed ink"), "4.00", 3));
        List<String> customers = List.of(
                admin.openCustomer(unique("Reader"), "500"),
                admin.openCustomer(unique("Writer"), "500"),
                admin.openCustomer(unique("Poor"), "3"));
        FeedReader reader = new FeedReader(admin);
        reader.readUntilEmpty();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> placing = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            Random random = new Random(n);
            Map<String, Integer> lines = new LinkedHashMap<>();
            int lineCount = 1 + random.nextInt(2);
            for (int l = 0; l < lineCount; l++) {
                lines.merge(products.get(random.nextInt(products.size())), 1 + random.nextInt(2), Integer::sum);
            }
            String customer = customers.get(random.nextInt(customers.size()));
            placing.add(pool.submit(() -> {
                Answer answer = admin.placeOrder(customer, lines);
                assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
                return answer.id("orderId");
            }));
        }
        await().atMost(Duration.ofMinutes(2))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(5))
                .until(() -> {
                    reader.readPage();
                    return placing.stream().allMatch(Future::isDone);
                });
        pool.shutdown();
        int pagesWhilePlacing = reader.pages;
        for (Future<String> order : placing) {
            admin.awaitTerminal(order.get(1, TimeUnit.MINUTES));
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    long stored = lastStoredPosition();
                    reader.readUntilEmpty();
                    return reader.last >= stored;
                });

        reader.assertReadEveryStoredEventOnceInOrder(instance.jdbc());
        assertThat(pagesWhilePlacing).isGreaterThan(1);
        Set<String> placedIds = new HashSet<>();
        for (Future<String> order : placing) {
            placedIds.add(order.get());
        }
        assertThat(reader.read.stream()
                        .filter(event -> event.path("type").asText().equals("OrderPlacedEvent"))
                        .map(event -> event.path("payload").path("orderId").asText()))
                .containsAll(placedIds);

        // the index behind the traces places every event at the position the feed gave it, gap fillers included
        Map<String, Long> fedPositions = new LinkedHashMap<>();
        reader.read.forEach(event -> fedPositions.put(
                event.path("eventId").asText(), event.path("position").asLong()));
        for (String orderId : placedIds) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Answer trace = admin.get("/api/orders/" + orderId + "/trace");
                assertThat(trace.status()).isEqualTo(200);
                trace.body().forEach(event -> {
                    Long fed = fedPositions.get(event.path("eventId").asText());
                    if (fed != null) {
                        assertThat(event.path("position").asLong())
                                .as(event.toString())
                                .isEqualTo(fed);
                    }
                });
                assertThat(trace.body().size()).isGreaterThan(1);
            });
        }
    }

    @Test
    void trace_ofAnAcceptedOrder_holdsItsWholeStory_andNothingElse() {
        String keyboard = admin.registerProduct(unique("Trace keyboard"), "12.50", 5);
        String cable = admin.registerProduct(unique("Trace cable"), "3.00", 10);
        String customer = admin.openCustomer(unique("Tracy"), "100");
        String other = admin.openCustomer(unique("Otto"), "100");

        CompletableFuture<Answer> otherOrder =
                CompletableFuture.supplyAsync(() -> admin.placeOrder(other, Map.of(keyboard, 1, cable, 1)));
        String orderId =
                admin.placeOrder(customer, Map.of(keyboard, 2, cable, 3)).id("orderId");
        String otherId = otherOrder.join().id("orderId");
        admin.awaitOrder(
                orderId, order -> "ACCEPTED".equals(order.path("status").asText()));

        List<String> story = List.of(
                "OrderPlacedEvent",
                "StockReservedEvent",
                "StockReservedEvent",
                "PaymentAuthorizedEvent",
                "ReservationConfirmedEvent",
                "ReservationConfirmedEvent",
                "OrderAcceptedEvent");
        JsonNode[] trace = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer answer = admin.get("/api/orders/" + orderId + "/trace");
            assertThat(answer.status()).isEqualTo(200);
            trace[0] = answer.body();
            assertThat(types(answer.body())).containsExactlyInAnyOrderElementsOf(story);
        });

        List<JsonNode> events = new ArrayList<>();
        trace[0].forEach(events::add);
        assertThat(events.get(0).path("type").asText()).isEqualTo("OrderPlacedEvent");
        String traceId = events.get(0).path("metadata").path("traceId").asText();
        assertThat(traceId).isNotBlank();
        long previous = -1;
        for (JsonNode event : events) {
            assertThat(event.path("metadata").path("traceId").asText())
                    .as(event.toString())
                    .isEqualTo(traceId);
            assertThat(event.path("payload").path("orderId").asText())
                    .as(event.toString())
                    .isEqualTo(orderId);
            assertThat(event.path("metadata").path("username").asText()).isEqualTo("admin");
            assertThat(event.path("position").asLong()).isGreaterThan(previous);
            previous = event.path("position").asLong();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer answer = admin.get("/api/orders/" + otherId + "/trace");
            assertThat(answer.status()).isEqualTo(200);
            answer.body().forEach(event -> {
                assertThat(event.path("payload").path("orderId").asText()).isEqualTo(otherId);
                assertThat(event.path("metadata").path("traceId").asText()).isNotEqualTo(traceId);
            });
        });
    }

    @Test
    void aggregateEvents_auditTrail_andCustomersSeeOnlyTheirOwn() {
        Api alice = admin.as("alice", "alice");
        Api bob = admin.as("bob", "bob");
        String aliceId = alice.get("/api/me").id("customerId");
        String product = admin.registerProduct(unique("Audit lamp"), "4.00", 10);
        admin.restock(product, 5);
        String aliceOrder = alice.post(
                        "/api/orders", Map.of("lines", List.of(Map.of("productId", product, "quantity", 1))))
                .id("orderId");
        alice.awaitOrder(
                aliceOrder, order -> "ACCEPTED".equals(order.path("status").asText()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer history = admin.get("/api/aggregates/" + product + "/events");
            assertThat(history.status()).isEqualTo(200);
            assertThat(types(history.body()))
                    .containsExactly(
                            "ProductRegisteredEvent",
                            "ProductRestockedEvent",
                            "StockReservedEvent",
                            "ReservationConfirmedEvent");
            List<Long> sequences = new ArrayList<>();
            history.body().forEach(event -> {
                sequences.add(event.path("sequence").asLong());
                assertThat(event.path("aggregateType").asText()).isEqualTo("Product");
                assertThat(event.path("aggregateId").asText()).isEqualTo(product);
            });
            assertThat(sequences).containsExactly(0L, 1L, 2L, 3L);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer account = alice.get("/api/aggregates/" + aliceId + "/events");
            assertThat(account.status()).isEqualTo(200);
            assertThat(types(account.body())).first().isEqualTo("AccountOpenedEvent");
            assertThat(types(account.body())).contains("PaymentAuthorizedEvent");
            Answer order = alice.get("/api/aggregates/" + aliceOrder + "/events");
            assertThat(order.status()).isEqualTo(200);
            assertThat(types(order.body())).containsExactly("OrderPlacedEvent", "OrderAcceptedEvent");
            assertThat(alice.get("/api/orders/" + aliceOrder + "/trace").status())
                    .isEqualTo(200);
        });

        Answer firstTwo = admin.get("/api/aggregates/" + product + "/events?limit=2");
        assertThat(types(firstTwo.body())).containsExactly("ProductRegisteredEvent", "ProductRestockedEvent");
        assertThat(firstTwo.header("Link"))
                .endsWith("/api/aggregates/" + product + "/events?after=1&limit=2>; rel=\"next\"");
        assertThat(types(admin.get("/api/aggregates/" + product + "/events?after=1&limit=3")
                        .body()))
                .containsExactly("StockReservedEvent", "ReservationConfirmedEvent");
        for (String bad : List.of("limit=0", "limit=1001", "limit=two", "after=-2")) {
            Answer refused = admin.get("/api/aggregates/" + product + "/events?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).as(bad).contains("application/problem+json");
        }

        assertThat(bob.get("/api/aggregates/" + aliceId + "/events").status()).isEqualTo(404);
        assertThat(bob.get("/api/aggregates/" + aliceOrder + "/events").status())
                .isEqualTo(404);
        assertThat(bob.get("/api/orders/" + aliceOrder + "/trace").status()).isEqualTo(404);
        assertThat(alice.get("/api/aggregates/" + product + "/events").status()).isEqualTo(404);
        Answer forbidden = alice.get("/api/events");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).contains("application/problem+json");
        assertThat(admin.as(null, null)
                        .get("/api/aggregates/" + aliceId + "/events")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void events_withALimitBeyondTheMaximum_isAProblem_andOpenApiDescribesTheEventLog() {
        Answer tooMany = admin.get("/api/events?limit=1001");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.contentType()).contains("application/problem+json");

        JsonNode paths = admin.as(null, null).get("/v3/api-docs").body().path("paths");
        assertThat(paths.has("/api/events")).isTrue();
        assertThat(paths.path("/api/events")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("application/x-ndjson"))
                .isTrue();
        assertThat(paths.has("/api/aggregates/{aggregateId}/events")).isTrue();
        assertThat(paths.has("/api/orders/{orderId}/trace")).isTrue();
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.path("type").asText()));
        return types;
    }
}
