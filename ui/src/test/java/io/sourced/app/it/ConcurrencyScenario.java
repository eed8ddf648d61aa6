package io.sourced.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.app.it.Api.Answer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many orders at once on scarce stock and scarce money, some cancelled on the way; afterwards every
 * invariant of DESIGN.md must hold, in the views and in the event log.
 */
final class ConcurrencyScenario {

    private final Instance instance;
    private final Api admin;
    private final Map<String, Integer> stockReceived = new LinkedHashMap<>();
    private final Map<String, BigDecimal> price = new HashMap<>();
    private final Map<String, BigDecimal> deposited = new LinkedHashMap<>();

    ConcurrencyScenario(Instance instance, Api admin) {
        this.instance = instance;
        this.admin = admin;
    }

    void run(int orders, int threads) throws Exception {
        String[][] catalog = {{"7.00", "6"}, {"12.50", "9"}, {"30.00", "4"}, {"3.25", "15"}};
        for (String[] item : catalog) {
            String id = admin.registerProduct(WorkflowScenarios.unique("Hot item"), item[0], Integer.parseInt(item[1]));
            stockReceived.put(id, Integer.parseInt(item[1]));
            price.put(id, new BigDecimal(item[0]));
        }
        for (String deposit : List.of("40", "55", "70", "25", "90", "60")) {
            deposited.put(admin.openCustomer(WorkflowScenarios.unique("Buyer"), deposit), new BigDecimal(deposit));
        }
        List<String> products = List.copyOf(stockReceived.keySet());
        List<String> customers = List.copyOf(deposited.keySet());
        ConcurrentLinkedQueue<String> placed = new ConcurrentLinkedQueue<>();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int n = 0; n < orders; n++) {
            int seed = n;
            work.add(pool.submit(() -> {
                Random random = new Random(seed);
                Map<String, Integer> lines = new LinkedHashMap<>();
                int lineCount = 1 + random.nextInt(2);
                for (int l = 0; l < lineCount; l++) {
                    lines.merge(products.get(random.nextInt(products.size())), 1 + random.nextInt(3), Integer::sum);
                }
                Answer answer = admin.placeOrder(customers.get(random.nextInt(customers.size())), lines);
                assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
                String orderId = answer.id("orderId");
                placed.add(orderId);
                if (seed % 7 == 0) {
                    int status = admin.post("/api/orders/" + orderId + "/cancel", null).status();
                    assertThat(status).isIn(202, 409);
                }
            }));
        }
        for (Future<?> future : work) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(placed).hasSize(orders);
        placed.forEach(admin::awaitTerminal);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertInvariants(List.copyOf(placed)));
    }

    private void assertInvariants(List<String> orderIds) {
        Map<String, Integer> soldByOrders = new HashMap<>();
        Map<String, BigDecimal> paidByOrders = new HashMap<>();
        EventLog log = EventLog.read(instance.jdbc());
        for (String orderId : orderIds) {
            JsonNode order = admin.get("/api/orders/" + orderId).body();
            String status = order.path("status").asText();
            assertThat(status).isIn("ACCEPTED", "REJECTED", "CANCELLED");
            assertThat(log.count("OrderAcceptedEvent", orderId) + log.count("OrderRejectedEvent", orderId)
                    + log.count("OrderCancelledEvent", orderId)).as("terminal events of %s", orderId).isEqualTo(1);
            long authorized = log.count("PaymentAuthorizedEvent", orderId);
            long refunded = log.count("PaymentRefundedEvent", orderId);
            assertThat(authorized).as("payments of %s", orderId).isLessThanOrEqualTo(1);
            for (JsonNode line : order.path("lines")) {
                String product = line.path("productId").asText();
                long reserved = log.count("StockReservedEvent", orderId, product);
                long released = log.count("StockReleasedEvent", orderId, product);
                long confirmed = log.count("ReservationConfirmedEvent", orderId, product);
                assertThat(reserved).as("reservations of %s on %s", orderId, product).isLessThanOrEqualTo(1);
                if (status.equals("ACCEPTED")) {
                    assertThat(List.of(reserved, released, confirmed)).as("stock of accepted %s", orderId).containsExactly(1L, 0L, 1L);
                    soldByOrders.merge(product, line.path("quantity").asInt(), Integer::sum);
                } else {
                    assertThat(reserved - released - confirmed).as("stock held by %s", orderId).isZero();
                    assertThat(confirmed).isZero();
                }
            }
            if (status.equals("ACCEPTED")) {
                assertThat(List.of(authorized, refunded)).as("payment of accepted %s", orderId).containsExactly(1L, 0L);
                paidByOrders.merge(order.path("customerId").asText(), order.path("total").decimalValue(), BigDecimal::add);
            } else {
                assertThat(authorized - refunded).as("money held by %s", orderId).isZero();
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
            BigDecimal balance = admin.get("/api/customers/" + customerId).body().path("balance").decimalValue();
            assertThat(balance).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(balance).isEqualByComparingTo(deposit.subtract(paidByOrders.getOrDefault(customerId, BigDecimal.ZERO)));
            BigDecimal ledger = BigDecimal.ZERO;
            for (JsonNode entry : admin.get("/api/customers/" + customerId + "/transactions").body()) {
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
