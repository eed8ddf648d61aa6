package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.bench.EventShapes.Causation;
import io.sourced.bench.EventShapes.StoredEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated history must look like what the application writes (rows copied from a run of it). */
class EventShapesTest {

    private static final String ORDER = "b6c6daa5-113e-4e2c-acf0-6e065a516253";
    private static final String CUSTOMER = "99064821-e5fe-47a4-9807-dc0d6987f799";
    private static final String PRODUCT = "cf1e1578-0ea0-4f1c-9ab5-c9e43817a060";

    private final EventShapes shapes = new EventShapes();

    @Test
    void anOrderPlacedAsTheApplicationStoresIt() {
        Causation placed = new Causation(
                "242daa08-b1df-4dc3-8cfe-ca3882510893",
                "6ed9b5fa-b4bb-4617-847d-98c658596af5",
                "6ed9b5fa-b4bb-4617-847d-98c658596af5",
                "admin");
        StoredEvent event = shapes.event(
                "Order",
                ORDER,
                0,
                new OrderPlacedEvent(
                        OrderId.of(ORDER), CustomerId.of(CUSTOMER), List.of(new OrderLine(ProductId.of(PRODUCT), 1))),
                placed,
                Instant.parse("2026-11-26T14:17:16.968Z"));

        assertThat(event.payloadType()).isEqualTo("io.sourced.api.ordering.OrderPlacedEvent");
        assertThat(event.revision()).isEqualTo("1");
        assertThat(text(event.payload()))
                .isEqualTo("{\"orderId\":\"" + ORDER + "\",\"customerId\":\"" + CUSTOMER
                        + "\",\"lines\":[{\"productId\":\"" + PRODUCT + "\",\"quantity\":1}]}");
        assertThat(text(event.metadata()))
                .isEqualTo("{\"traceId\":\"6ed9b5fa-b4bb-4617-847d-98c658596af5\","
                        + "\"correlationId\":\"6ed9b5fa-b4bb-4617-847d-98c658596af5\",\"username\":\"admin\"}");
        assertThat(event.timestamp()).hasToString("2026-11-26T14:17:16.968Z");
    }

    @Test
    void eachEventCarriesItsCurrentRevision() {
        StoredEvent event = shapes.event(
                "Product",
                PRODUCT,
                0,
                new ProductRegisteredEvent(ProductId.of(PRODUCT), "Desk", new BigDecimal("1.25"), 10, "Bench"),
                Causation.start("bench"),
                Instant.now());
        assertThat(event.revision()).isEqualTo("2");
    }

    @Test
    void eventsFurtherDownATraceKeepItsTraceAndAreCausedByAnotherMessage() {
        Causation first = Causation.start("bench");
        Causation next = first.next();
        assertThat(next.traceId()).isEqualTo(first.traceId());
        assertThat(next.correlationId()).isNotEqualTo(first.correlationId());
        assertThat(next.eventId()).isNotEqualTo(first.eventId());
    }

    @Test
    void tokensAsTheApplicationsTokenStoreKeepsThem() {
        assertThat(text(shapes.tokenAt(28).getData())).isEqualTo("{\"index\":28,\"gaps\":[]}");
        assertThat(shapes.tokenAt(28).getType().getName())
                .isEqualTo("org.axonframework.eventhandling.GapAwareTrackingToken");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
