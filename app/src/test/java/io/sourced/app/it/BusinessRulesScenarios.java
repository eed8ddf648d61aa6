package io.sourced.app.it;

import static io.sourced.app.it.WorkflowScenarios.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The business rules wired live from {@code sourced.rules.*}: partial fulfilment, a credit limit, a price change of
 * every product and an automatic restock, on whichever database a subclass gives.
 */
abstract class BusinessRulesScenarios extends ApplicationScenarios {

    @Override
    List<String> arguments() {
        return List.of(
                "--sourced.rules.partial-fulfilment=true",
                "--sourced.rules.credit-limit=100",
                "--sourced.rules.price-change-percent=-10",
                "--sourced.rules.auto-restock.enabled=true",
                "--sourced.rules.auto-restock.below=2",
                "--sourced.rules.auto-restock.quantity=10",
                "--sourced.rules.auto-restock.delay=2s");
    }

    @Test
    void orderBeyondStockAndBalance_isAcceptedInPart_atTheChangedPrice_onCredit_andTheStockIsRestocked() {
        String lamp = admin.registerProduct(unique("Lamp"), "10.00", 3);
        String vase = admin.registerProduct(unique("Vase"), "5.00", 0);
        String customer = admin.openCustomer(unique("Erin"), "20.00");
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put(lamp, 5);
        lines.put(vase, 1);

        Api.Answer placed = admin.placeOrder(customer, lines);

        assertThat(placed.status()).isEqualTo(202);
        JsonNode order = admin.awaitTerminal(placed.id("orderId"));
        assertThat(order.path("status").asText()).as(order.toString()).isEqualTo("ACCEPTED");
        // three lamps at 10.00 less 10 percent: 27.00, beyond the balance of 20.00, within the credit limit
        assertThat(amount(order.path("total"))).isEqualByComparingTo("27.00");
        JsonNode lampLine = order.path("lines").get(0);
        assertThat(lampLine.path("quantity").asInt()).isEqualTo(5);
        assertThat(lampLine.path("filled").asInt()).isEqualTo(3);
        assertThat(amount(lampLine.path("unitPrice"))).isEqualByComparingTo("9.00");
        JsonNode vaseLine = order.path("lines").get(1);
        assertThat(vaseLine.path("filled").asInt()).isZero();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(amount(
                                admin.get("/api/customers/" + customer).body().path("balance")))
                        .isEqualByComparingTo("-7.00"));

        // both fell below 2 available: a restock of 10 each arrives 2 s later
        awaitAvailable(lamp, 10);
        awaitAvailable(vase, 10);
        assertThat(admin.get("/api/products/" + lamp).body().path("sold").asInt())
                .isEqualTo(3);
    }

    @Test
    void withdrawal_belowZero_isRefusedWhateverTheCreditLimit() {
        String customer = admin.openCustomer(unique("Finn"), "10.00");

        Api.Answer withdrawal =
                admin.post("/api/customers/" + customer + "/withdrawals", Map.of("amount", new BigDecimal("10.01")));

        assertThat(withdrawal.status()).isEqualTo(422);
    }

    @Test
    void rules_areShownToAdministrators() {
        JsonNode rules = admin.get("/api/admin/rules").body();

        assertThat(rules.path("partialFulfilment").asBoolean()).isTrue();
        assertThat(amount(rules.path("creditLimit"))).isEqualByComparingTo("100");
        assertThat(amount(rules.path("priceChangePercent"))).isEqualByComparingTo("-10");
        assertThat(rules.path("priceChangeProducts")).isEmpty();
        assertThat(rules.at("/autoRestock/below").asInt()).isEqualTo(2);
        assertThat(rules.at("/autoRestock/quantity").asInt()).isEqualTo(10);
        assertThat(rules.at("/autoRestock/delay").asText()).isEqualTo("PT2S");
    }

    private void awaitAvailable(String productId, int available) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(admin.get("/api/products/" + productId)
                                .body()
                                .path("available")
                                .asInt())
                        .isEqualTo(available));
    }

    private static BigDecimal amount(JsonNode node) {
        return new BigDecimal(node.asText());
    }
}
