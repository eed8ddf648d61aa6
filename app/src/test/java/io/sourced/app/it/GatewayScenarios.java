package io.sourced.app.it;

import static io.sourced.app.it.WorkflowScenarios.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Replay safety with outside systems: a real HTTP server stands in for the CRM and the shipping partner and counts
 * every call, on a given database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GatewayScenarios {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    Database database;
    StandInSystems outside;
    Instance instance;
    Api admin;
    String product;

    abstract Database database();

    @BeforeAll
    void start() {
        database = database();
        outside = new StandInSystems();
        List<String> arguments = new ArrayList<>(outside.arguments());
        arguments.add("--sourced.integration.max-backoff=200ms");
        instance = Instance.start(database, arguments);
        admin = instance.admin;
        product = admin.registerProduct(unique("Parcel"), "5.00", 1000);
    }

    @AfterEach
    void bringEverythingBack() {
        outside.crmDown(false);
        outside.partnerDown(false);
    }

    @AfterAll
    void stop() {
        if (instance != null) {
            instance.close();
        }
        if (outside != null) {
            outside.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void liveOrders_askTheCrmAndShipOncePerAcceptedOrder_andAReplayCallsNeither_yetRebuildsTheSameReport() {
        String gold = customer("GOLD", "1000");
        String silver = customer("SILVER", "1000");
        String poor = customer("BRONZE", "1");
        String scarce = admin.registerProduct(unique("Scarce"), "5.00", 1);
        List<String> accepted = List.of(order(gold, product, 2), order(silver, product, 1), order(gold, product, 3));
        List<String> rejected = List.of(order(poor, product, 1), order(silver, scarce, 5));
        accepted.forEach(id ->
                assertThat(admin.awaitTerminal(id).path("status").asText()).isEqualTo("ACCEPTED"));
        rejected.forEach(id ->
                assertThat(admin.awaitTerminal(id).path("status").asText()).isEqualTo("REJECTED"));

        awaitIdle();
        assertThat(outside.tierAnswers(gold)).isEqualTo(2);
        assertThat(outside.tierAnswers(silver)).isEqualTo(1);
        assertThat(outside.crmCalls(poor)).isZero();
        accepted.forEach(id ->
                assertThat(outside.shippingCalls(id)).as("shipments of %s", id).isEqualTo(1));
        rejected.forEach(id ->
                assertThat(outside.shippingCalls(id)).as("shipments of %s", id).isZero());
        assertThat(outside.shipment(accepted.get(0)))
                .isEqualTo(Api.readTree("{\"orderId\":\"" + accepted.get(0) + "\",\"lines\":[{\"productId\":\""
                        + product + "\",\"quantity\":2}]}"));
        JsonNode report = tiers();
        assertThat(report.findValuesAsText("tier")).containsExactly("GOLD", "SILVER", "BRONZE");
        assertThat(revenue(report, "GOLD")).isGreaterThanOrEqualTo(25.0);

        outside.tier(gold, "BRONZE");
        outside.tier(silver, "GOLD");
        long callsBefore = outside.totalCalls();
        for (String processor : List.of("reports", "shipping")) {
            assertThat(admin.post("/api/admin/processors/" + processor + "/replay", null)
                            .status())
                    .isEqualTo(202);
        }
        awaitReplayed("reports", "shipping");

        assertThat(outside.totalCalls())
                .as("calls to outside systems during the replay")
                .isEqualTo(callsBefore);
        assertThat(tiers()).isEqualTo(report);

        String afterReplay = order(gold, product, 1);
        assertThat(admin.awaitTerminal(afterReplay).path("status").asText()).isEqualTo("ACCEPTED");
        awaitIdle();
        assertThat(outside.tierAnswers(gold))
                .as("a live event after the replay asks again")
                .isEqualTo(3);
        assertThat(outside.shipmentsTaken(afterReplay)).isEqualTo(1);
        assertThat(revenue(tiers(), "BRONZE")).isEqualTo(revenue(report, "BRONZE") + 5.0);
    }

    @Test
    void partnerDown_shipmentsWait_andEachArrivesOnceItIsBack() {
        String customer = customer("SILVER", "1000");
        outside.partnerDown(true);
        List<String> orders =
                List.of(order(customer, product, 1), order(customer, product, 2), order(customer, product, 3));
        orders.forEach(id ->
                assertThat(admin.awaitTerminal(id).path("status").asText()).isEqualTo("ACCEPTED"));
        // the partner is asked again and again; which order first depends on the order the acceptances came in
        await().atMost(PATIENCE).until(() -> orders.stream().anyMatch(id -> outside.shippingCalls(id) >= 3));
        orders.forEach(id -> assertThat(outside.shipmentsTaken(id)).isZero());

        outside.partnerDown(false);

        await().atMost(PATIENCE)
                .untilAsserted(() -> orders.forEach(id -> assertThat(outside.shipmentsTaken(id))
                        .as("shipments of %s", id)
                        .isEqualTo(1)));
        awaitIdle();
        orders.forEach(id ->
                assertThat(outside.shipmentsTaken(id)).as("shipments of %s", id).isEqualTo(1));
    }

    @Test
    void crmDown_theTierReportWaits_withoutAGuess_andCompletesOnceItIsBack() {
        String customer = customer("SILVER", "1000");
        awaitIdle();
        JsonNode before = tiers();
        long journaled = crmJournalEntries();
        outside.crmDown(true);

        String order = order(customer, product, 4);
        assertThat(admin.awaitTerminal(order).path("status").asText()).isEqualTo("ACCEPTED");
        await().atMost(PATIENCE).until(() -> outside.crmCalls(customer) >= 3);
        await().atMost(PATIENCE).until(() -> outside.shipmentsTaken(order) == 1);
        assertThat(tiers()).as("no tier guessed while the CRM is down").isEqualTo(before);
        assertThat(crmJournalEntries()).isEqualTo(journaled);
        assertThat(processor("reports").path("lag").asLong()).isPositive();

        outside.crmDown(false);

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(revenue(tiers(), "SILVER")).isEqualTo(revenue(before, "SILVER") + 20.0));
        assertThat(orders(tiers(), "SILVER")).isEqualTo(orders(before, "SILVER") + 1);
        assertThat(outside.tierAnswers(customer)).isEqualTo(1);
        assertThat(crmJournalEntries()).isEqualTo(journaled + 1);
    }

    @Test
    void tierReport_isForAdminsOnly() {
        assertThat(admin.as("alice", "alice").get("/api/reports/tiers").status())
                .isEqualTo(403);
        assertThat(admin.as(null, null).get("/api/reports/tiers").status()).isEqualTo(401);
    }

    private String customer(String tier, String deposit) {
        String id = admin.openCustomer(unique("Tiered"), deposit);
        outside.tier(id, tier);
        return id;
    }

    private String order(String customerId, String productId, int quantity) {
        Api.Answer answer = admin.placeOrder(customerId, Map.of(productId, quantity));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
        return answer.id("orderId");
    }

    private JsonNode tiers() {
        Api.Answer answer = admin.get("/api/reports/tiers");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static double revenue(JsonNode report, String tier) {
        return row(report, tier).path("revenue").asDouble();
    }

    private static long orders(JsonNode report, String tier) {
        return row(report, tier).path("orders").asLong();
    }

    private static JsonNode row(JsonNode report, String tier) {
        for (JsonNode row : report) {
            if (row.path("tier").asText().equals(tier)) {
                return row;
            }
        }
        throw new AssertionError("no tier " + tier + " in " + report);
    }

    private long crmJournalEntries() {
        Long count = instance.jdbc()
                .queryForObject("SELECT COUNT(*) FROM external_journal WHERE system = 'crm'", Long.class);
        return count == null ? 0 : count;
    }

    private JsonNode processor(String name) {
        for (JsonNode p : admin.get("/api/admin/processors").body()) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no processor " + name);
    }

    /** Every processor has handled every event (the workflow settled, the outside systems told). */
    private void awaitIdle() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (JsonNode p : admin.get("/api/admin/processors").body()) {
                if (p.path("type").asText().equals("streaming")) {
                    assertThat(p.path("status").asText()).as(p.toString()).isEqualTo("RUNNING");
                    assertThat(p.path("lag").asLong()).as(p.toString()).isZero();
                }
            }
        });
    }

    private void awaitReplayed(String... processors) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String name : processors) {
                JsonNode p = processor(name);
                assertThat(p.path("replaying").asBoolean()).as(p.toString()).isFalse();
                assertThat(p.path("status").asText()).as(p.toString()).isEqualTo("RUNNING");
                assertThat(p.path("lag").asLong()).as(p.toString()).isZero();
            }
        });
    }
}
