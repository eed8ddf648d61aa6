package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.app.it.Api.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders posted by many clients faster than the workflow decides them, each client posting again as soon as it has an
 * answer (after a refusal, once {@code Retry-After} passed): new orders are refused with {@code 429} and {@code Retry-After} while the workflow is behind, the orders
 * taken are decided within the admission limit and a margin, and every order taken is decided.
 */
abstract class OverloadScenarios extends ApplicationScenarios {

    private static final Logger log = LoggerFactory.getLogger(OverloadScenarios.class);
    static final Duration LIMIT = Duration.ofSeconds(2);
    /** The estimate follows the log a moment late, and orders placed just before a refusal still queue behind it. */
    static final Duration MARGIN = Duration.ofSeconds(3);

    private static final int CLIENTS = 16;
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final int PRODUCTS = 8;
    private static final Set<String> DECISIONS = Set.of(
            "io.sourced.api.ordering.OrderAcceptedEvent",
            "io.sourced.api.ordering.OrderRejectedEvent",
            "io.sourced.api.ordering.OrderCancelledEvent");

    @Override
    List<String> arguments() {
        // the timeout far beyond the limit: an order must be decided by the workflow, not by giving up on it
        return List.of("--sourced.admission.limit=" + LIMIT.toMillis() + "ms", "--sourced.order.timeout=120s");
    }

    @Test
    void ordersPostedFasterThanDecided_refusedPastTheLimit_everyTakenOrderDecidedInTime() throws Exception {
        List<String> products = new ArrayList<>();
        for (int n = 0; n < PRODUCTS; n++) {
            products.add(admin.registerProduct(WorkflowScenarios.unique("Plenty"), "1.00", 1_000_000));
        }
        List<String> customers = new ArrayList<>();
        for (int n = 0; n < CLIENTS; n++) {
            customers.add(admin.openCustomer(WorkflowScenarios.unique("Eager"), "1000000"));
        }
        warmUp(products, customers);
        ConcurrentLinkedQueue<String> taken = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> otherStatuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> retryAfters = new ConcurrentLinkedQueue<>();
        Instant end = Instant.now().plus(LOAD);

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String customer = customers.get(c);
            String product = products.get(c % PRODUCTS);
            work.add(clients.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    Answer answer = admin.placeOrder(customer, Map.of(product, 1));
                    if (answer.status() == 202) {
                        taken.add(answer.id("orderId"));
                    } else {
                        otherStatuses.merge(answer.status(), 1, Integer::sum);
                        if (answer.status() == 429) {
                            String retryAfter = String.valueOf(answer.header("Retry-After"));
                            retryAfters.add(retryAfter);
                            Thread.sleep(Duration.ofSeconds(Long.parseLong(retryAfter))
                                    .toMillis());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get(LOAD.toSeconds() + 60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertThat(otherStatuses.keySet()).as("answers other than 202 and 429").isSubsetOf(429);
        assertThat(otherStatuses.getOrDefault(429, 0))
                .as("orders refused: the clients did post faster than the workflow decides")
                .isPositive();
        assertThat(retryAfters)
                .allSatisfy(value ->
                        assertThat(Integer.parseInt(value)).isBetween(1, (int) Math.max(1, LIMIT.toSeconds())));
        JsonNode workflow = admin.get("/api/admin/workflow").body();
        assertThat(workflow.path("refusedOrders").asLong())
                .isEqualTo(otherStatuses.get(429).longValue());
        assertThat(admin.get("/actuator/prometheus").raw())
                .contains("sourced_admission_refused_orders_total " + otherStatuses.get(429) + ".0")
                .contains("sourced_workflow_pending_orders ")
                .contains("sourced_workflow_expected_wait_seconds ")
                .contains("sourced_workflow_oldest_pending_seconds ");

        Map<String, Duration> waits = awaitDecided(List.copyOf(taken));
        List<Duration> sorted = waits.values().stream().sorted().toList();
        Duration p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
        log.info(
                "overload: {} orders taken, {} refused, placed to decided p50 {} ms, p99 {} ms, max {} ms",
                taken.size(),
                otherStatuses.get(429),
                sorted.get(sorted.size() / 2).toMillis(),
                p99.toMillis(),
                sorted.get(sorted.size() - 1).toMillis());
        assertThat(p99).as("placed to decided, p99").isLessThanOrEqualTo(LIMIT.plus(MARGIN));
    }

    /** A first few orders, each decided before the next: the first steps of a fresh process are not its pace. */
    private void warmUp(List<String> products, List<String> customers) {
        for (int n = 0; n < 20; n++) {
            admin.awaitTerminal(admin.placeOrder(customers.get(n % CLIENTS), Map.of(products.get(n % PRODUCTS), 1))
                    .id("orderId"));
        }
    }

    /** Placed to decided, by the events' times, once every order taken is decided. */
    private Map<String, Duration> awaitDecided(List<String> orderIds) {
        Map<String, Duration> waits = new HashMap<>();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Map<String, Instant> placed = new HashMap<>();
                    Map<String, Instant> decided = new HashMap<>();
                    instance.jdbc()
                            .query(
                                    "SELECT aggregateidentifier, payloadtype, timestamp FROM domainevententry"
                                            + " WHERE payloadtype LIKE 'io.sourced.api.ordering.Order%Event'",
                                    row -> {
                                        String type = row.getString(2);
                                        Instant at = Instant.parse(row.getString(3));
                                        if (type.endsWith(".OrderPlacedEvent")) {
                                            placed.put(row.getString(1), at);
                                        } else if (DECISIONS.contains(type)) {
                                            decided.put(row.getString(1), at);
                                        }
                                    });
                    assertThat(decided.keySet()).as("orders taken and decided").containsAll(orderIds);
                    orderIds.forEach(id -> waits.put(id, Duration.between(placed.get(id), decided.get(id))));
                });
        return waits;
    }
}
