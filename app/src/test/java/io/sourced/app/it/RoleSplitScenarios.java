package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.PlaceOrderCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Without Axon Server, on one database: a command-and-saga process and a query-and-UI process. Events reach the
 * second through the shared JDBC event store; commands cannot reach the first from the second (each process has
 * its own local command bus), so the second takes no orders.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RoleSplitScenarios {

    private Database database;
    private Instance commandSide;
    private Instance querySide;
    private Instance uiAlone;

    abstract Database database();

    @BeforeAll
    void start() {
        database = database();
        commandSide = Instance.start(database, List.of("--sourced.roles=command,saga")); // seeds the demo
        querySide = Instance.start(database, List.of("--sourced.roles=query,ui"));
        uiAlone = Instance.start(database, List.of("--sourced.roles=ui"));
    }

    @AfterAll
    void stop() {
        if (uiAlone != null) {
            uiAlone.close();
        }
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void placeOrder_throughTheCommandProcess_isSeenAcceptedThroughTheQueryProcess() {
        Api commands = commandSide.admin;
        Api queries = querySide.admin;
        String lamp = commands.registerProduct("Desk lamp", "25.00", 4);
        String customer = commands.openCustomer("Dana Ortiz", "100.00");

        Api.Answer placed = commands.placeOrder(customer, Map.of(lamp, 2));

        assertThat(placed.status()).isEqualTo(202);
        JsonNode order = queries.awaitTerminal(placed.id("orderId"));
        assertThat(order.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("50.00");
        // the products view and the event index follow the log on their own, a moment later
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(queries.get("/api/products/" + lamp).body().path("sold").asInt())
                    .isEqualTo(2);
            assertThat(queries.get("/api/orders/" + placed.id("orderId") + "/trace")
                            .status())
                    .isEqualTo(200);
        });
    }

    @Test
    void placeOrder_throughTheQueryProcess_isNotOffered() {
        Api alice = querySide.api("alice", "alice");
        String customerId = alice.get("/api/me").body().path("customerId").asText();
        String productId =
                alice.get("/api/products").body().path(0).path("productId").asText();

        assertThat(alice.placeOrder(customerId, Map.of(productId, 1)).status()).isEqualTo(405);
        PlaceOrderCommand order = new PlaceOrderCommand(
                OrderId.random(), CustomerId.of(customerId), List.of(new OrderLine(ProductId.of(productId), 1)));
        assertThatThrownBy(() -> querySide.bean(CommandGateway.class).sendAndWait(order))
                .isInstanceOf(NoHandlerForCommandException.class);
    }

    @Test
    void eachProcess_servesOnlyItsPart() {
        assertThat(querySide.api("alice", "alice").get("/shop").status()).isEqualTo(200);
        assertThat(commandSide.api("alice", "alice").get("/shop").status()).isEqualTo(404);
        assertThat(commandSide.admin.get("/api/orders").status()).isIn(404, 405);
        assertThat(querySide.admin.get("/api/orders").status()).isEqualTo(200);
    }

    @Test
    void uiAlone_onTheSharedDatabase_servesPages_whoseReadsFindNoQuerySideWithoutAxonServer() {
        Api alice = uiAlone.api("alice", "alice");
        Map<String, String> html = Map.of("Accept", "text/html");

        assertThat(uiAlone.admin.as(null, null).get("/login").status()).isEqualTo(200);
        assertThat(alice.get("/api/me").status()).isEqualTo(200);
        assertThat(alice.send("GET", "/shop", null, html).status())
                .as("the products are asked on a bus no query side is on")
                .isEqualTo(503);
        assertThat(querySide
                        .api("alice", "alice")
                        .send("GET", "/shop", null, html)
                        .status())
                .isEqualTo(200);
    }
}
