package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.app.it.Api.Answer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many orders at once on scarce stock and scarce money, some cancelled on the way; afterwards every
 * invariant of DESIGN.md must hold, in the views and in the event log. The orders may go through several
 * replicas in turn, with a fault injected once part of them is answered.
 */
final class ConcurrencyScenario {

    private final JdbcTemplate eventStore;
    private final Api admin;
    private final Map<String, Integer> stockReceived = new LinkedHashMap<>();
    private final Map<String, BigDecimal> deposited = new LinkedHashMap<>();

    ConcurrencyScenario(Instance instance, Api admin) {
        this(instance.jdbc(), admin);
    }

    /** {@code eventStore} reads the event log; {@code admin} sets up and checks, through one replica. */
    ConcurrencyScenario(JdbcTemplate eventStore, Api admin) {
        this.eventStore = eventStore;
        this.admin = admin;
    }

    /**
     * What the clients got: the orders answered 2xx, how many requests got another status or no answer, and how many
     * times an order was refused for the moment (429) and sent again.
     */
    record Load(List<String> accepted, Map<Integer, Integer> otherStatuses, int unanswered, int refused) {}

    void run(int orders, int threads) throws Exception {
        stockUp(1);
        Load load = place(List.of(admin), orders, threads, Integer.MAX_VALUE, () -> {});
        assertThat(load.otherStatuses()).isEmpty();
        assertThat(load.unanswered()).isZero();
        assertThat(load.accepted()).hasSize(orders);
        settle(load.accepted());
    }

    /** Scarce stock and money: a few products and buyers, {@code scale} times the stock and deposits of one run. */
    void stockUp(int scale) {
        String[][] catalog = {{"7.00", "6"}, {"12.50", "9"}, {"30.00", "4"}, {"3.25", "15"}};
        for (String[] item : catalog) {
            int stock = Integer.parseInt(item[1]) * scale;
            String id = admin.registerProduct(WorkflowScenarios.unique("Hot item"), item[0], stock);
            stockReceived.put(id, stock);
        }
        for (String deposit : List.of("40", "55", "70", "25", "90", "60")) {
            BigDecimal amount = new BigDecimal(deposit).multiply(BigDecimal.valueOf(scale));
            deposited.put(admin.openCustomer(WorkflowScenarios.unique("Buyer"), amount.toPlainString()), amount);
        }
    }

    /**
     * Places {@code orders} orders from {@code threads} clients, the n-th through {@code entrances[n % size]}; every
     * seventh is cancelled right after. An order refused for the moment (429) is sent again after its Retry-After. Once {@code faultAfter} orders are answered, {@code fault} runs once beside
     * the load, which goes on.
     */
    Load place(List<Api> entrances, int orders, int threads, int faultAfter, Runnable fault) throws Exception {
        List<String> products = List.copyOf(stockReceived.keySet());
        List<String> customers = List.copyOf(deposited.keySet());
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> otherStatuses = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CompletableFuture<Void> faultDone = new CompletableFuture<>();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int n = 0; n < orders; n++) {
            int seed = n;
            work.add(pool.submit(() -> {
                Api entrance = entrances.get(seed % entrances.size());
                Random random = new Random(seed);
                Map<String, Integer> lines = new LinkedHashMap<>();
                int lineCount = 1 + random.nextInt(2);
                for (int l = 0; l < lineCount; l++) {
                    lines.merge(products.get(random.nextInt(products.size())), 1 + random.nextInt(3), Integer::sum);
                }
                try {
                    String customer = customers.get(random.nextInt(customers.size()));
                    Answer answer = entrance.placeOrder(customer, lines);
                    while (answer.status() == 429) {
                        // admission control: the workflow is behind; a client sends the order again once told to
                        refused.incrementAndGet();
                        Thread.sleep(Long.parseLong(answer.header("Retry-After")) * 1000);
                        answer = entrance.placeOrder(customer, lines);
                    }
                    if (answer.status() / 100 == 2) {
                        String orderId = answer.id("orderId");
                        accepted.add(orderId);
                        if (seed % 7 == 0) {
                            int status = entrance.post("/api/orders/" + orderId + "/cancel", null)
                                    .status();
                            assertThat(status).isIn(202, 409, 503);
                        }
                    } else {
                        otherStatuses.merge(answer.status(), 1, Integer::sum);
                    }
                } catch (IllegalStateException noAnswer) {
                    unanswered.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (answered.incrementAndGet() == faultAfter) {
                    CompletableFuture.runAsync(fault).whenComplete((done, failure) -> {
                        if (failure != null) {
                            faultDone.completeExceptionally(failure);
                        } else {
                            faultDone.complete(null);
                        }
                    });
                }
            }));
        }
        for (Future<?> future : work) {
            future.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        if (faultAfter <= orders) {
            faultDone.get(3, TimeUnit.MINUTES);
        }
        return new Load(List.copyOf(accepted), Map.copyOf(otherStatuses), unanswered.get(), refused.get());
    }

    /**
     * Every order terminal, then every invariant. The orders checked are those answered 2xx and every other order of
     * the scenario's buyers in the log: a request cut off by a fault may have placed its order without an answer.
     */
    void settle(List<String> answered) {
        answered.forEach(admin::awaitTerminal);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertInvariants(answered));
    }

    private void assertInvariants(List<String> answered) {
        Map<String, Integer> soldByOrders = new HashMap<>();
        Map<String, BigDecimal> paidByOrders = new HashMap<>();
        EventLog log = EventLog.read(eventStore);
        Set<String> orderIds = new LinkedHashSet<>(answered);
        log.entries().stream()
                .filter(e -> e.simpleType().equals("OrderPlacedEvent")
                        && deposited.containsKey(e.payload().path("customerId").asText()))
                .forEach(e -> orderIds.add(e.payload().path("orderId").asText()));
        for (String orderId : orderIds) {
            JsonNode order = admin.get("/api/orders/" + orderId).body();
            String status = order.path("status").asText();
            assertThat(status).isIn("ACCEPTED", "REJECTED", "CANCELLED");
            assertThat(log.count("OrderAcceptedEvent", orderId)
                            + log.count("OrderRejectedEvent", orderId)
                            + log.count("OrderCancelledEvent", orderId))
                    .as("terminal events of %s: %s", orderId, log.trail(orderId))
                    .isEqualTo(1);
            long authorized = log.count("PaymentAuthorizedEvent", orderId);
            long refunded = log.count("PaymentRefundedEvent", orderId);
            assertThat(authorized)
                    .as("payments of %s: %s", orderId, log.trail(orderId))
                    .isLessThanOrEqualTo(1);
            for (JsonNode line : order.path("lines")) {
                String product = line.path("productId").asText();
                long reserved = log.count("StockReservedEvent", orderId, product);
                long released = log.count("StockReleasedEvent", orderId, product);
                long confirmed = log.count("ReservationConfirmedEvent", orderId, product);
                assertThat(reserved)
                        .as("reservations of %s on %s: %s", orderId, product, log.trail(orderId))
                        .isLessThanOrEqualTo(1);
                if (status.equals("ACCEPTED")) {
                    assertThat(List.of(reserved, released, confirmed))
                            .as("stock of accepted %s: %s", orderId, log.trail(orderId))
                            .containsExactly(1L, 0L, 1L);
                    soldByOrders.merge(product, line.path("quantity").asInt(), Integer::sum);
                } else {
                    assertThat(reserved - released - confirmed)
                            .as("stock held by %s: %s", orderId, log.trail(orderId))
                            .isZero();
                    assertThat(confirmed).isZero();
                }
            }
            if (status.equals("ACCEPTED")) {
                assertThat(List.of(authorized, refunded))
                        .as("payment of accepted %s: %s", orderId, log.trail(orderId))
                        .containsExactly(1L, 0L);
                paidByOrders.merge(
                        order.path("customerId").asText(), order.path("total").decimalValue(), BigDecimal::add);
            } else {
                assertThat(authorized - refunded)
                        .as("money held by %s: %s", orderId, log.trail(orderId))
                        .isZero();
            }
        }
        stockReceived.forEach((productId, received) -> {
            JsonNode product = admin.get("/api/products/" + productId).body();
            int available = product.path("available").asInt();
            int reserved = product.path("reserved").asInt();
            int sold = product.path("sold").asInt();
            assertThat(available).isGreaterThanOrEqualTo(0);
            assertThat(reserved).as("reserved of %s at rest", productId).isZero();
            assertThat(available + reserved + sold).isEqualTo(received);
            assertThat(sold).isEqualTo(soldByOrders.getOrDefault(productId, 0));
        });
        deposited.forEach((customerId, deposit) -> {
            BigDecimal balance = admin.get("/api/customers/" + customerId)
                    .body()
                    .path("balance")
                    .decimalValue();
            assertThat(balance).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(balance)
                    .isEqualByComparingTo(deposit.subtract(paidByOrders.getOrDefault(customerId, BigDecimal.ZERO)));
            BigDecimal ledger = BigDecimal.ZERO;
            for (JsonNode entry :
                    admin.get("/api/customers/" + customerId + "/transactions").body()) {
                BigDecimal amount = entry.path("amount").decimalValue();
                ledger = switch (entry.path("type").asText()) {
                    case "DEPOSIT", "REFUND" -> ledger.add(amount);
                    default -> ledger.subtract(amount);
                };
            }
            assertThat(ledger).as("ledger of %s", customerId).isEqualByComparingTo(balance);
        });
    }
}
