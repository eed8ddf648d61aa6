package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An application stopped with an order in flight: after a restart on the same database, the state is
 * all there, the saga's state is read back, and the order's pending deadline fires, once.
 */
abstract class RestartScenarios {

    private Instance running;
    private Database database;

    abstract Database database();

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void restart_keepsState_andFiresThePendingDeadlineOnce() {
        database = database();
        running = Instance.start(database, List.of("--sourced.order.timeout=6s"), HoldReservations.class);
        Api admin = running.admin;
        String stocked = admin.registerProduct(WorkflowScenarios.unique("Stocked"), "4.00", 10);
        String held = admin.registerProduct(WorkflowScenarios.unique("Held"), "9.00", 10);
        HoldReservations.HELD_PRODUCTS.add(held);
        String customer = admin.openCustomer(WorkflowScenarios.unique("Jo"), "100");
        String accepted = admin.placeOrder(customer, Map.of(stocked, 2)).id("orderId");
        admin.awaitOrder(
                accepted, order -> "ACCEPTED".equals(order.path("status").asText()));
        String pending = admin.placeOrder(customer, Map.of(stocked, 1, held, 1)).id("orderId");
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduledDeadlines(running) == 1);
        assertThat(admin.get("/api/orders/" + pending).body().path("status").asText())
                .isEqualTo("PENDING");
        int products = admin.get("/api/products").body().size();
        running.close();
        HoldReservations.HELD_PRODUCTS.clear();

        running = Instance.start(database);
        admin = running.admin;

        JsonNode timedOut = admin.awaitTerminal(pending);
        assertThat(timedOut.path("status").asText()).isEqualTo("REJECTED");
        assertThat(timedOut.path("rejectionReason").asText()).isEqualTo("TIMEOUT");
        assertThat(admin.get("/api/orders/" + accepted).body().path("status").asText())
                .isEqualTo("ACCEPTED");
        assertThat(admin.get("/api/products").body().size())
                .as("demo data seeded once")
                .isEqualTo(products);
        Api api = admin;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode product = api.get("/api/products/" + stocked).body();
            assertThat(List.of(
                            product.path("available").asInt(),
                            product.path("reserved").asInt(),
                            product.path("sold").asInt()))
                    .as("the timed-out order's reservation is released")
                    .containsExactly(8, 0, 2);
            assertThat(api.get("/api/customers/" + customer)
                            .body()
                            .path("balance")
                            .decimalValue())
                    .isEqualByComparingTo("92.00");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduledDeadlines(running) == 0);
        assertThat(EventLog.read(running.jdbc()).count("OrderRejectedEvent", pending))
                .isEqualTo(1);

        String after = admin.placeOrder(customer, Map.of(held, 2)).id("orderId");
        assertThat(admin.awaitTerminal(after).path("status").asText()).isEqualTo("ACCEPTED");
    }

    private static int scheduledDeadlines(Instance instance) {
        Integer count = instance.jdbc()
                .queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name LIKE '%eadline%'", Integer.class);
        return count == null ? 0 : count;
    }
}
