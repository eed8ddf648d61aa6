package io.sourced.query.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.query.InMemoryLog;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderShipperTest {

    private final StubServer partner = new StubServer().answer(201, "{}");
    private final InMemoryLog log = new InMemoryLog();
    private final AnnotationEventHandlerAdapter axon = new AnnotationEventHandlerAdapter(new OrderShipper(
            Gateways.on(ViewDatabase.migrated(), "http://127.0.0.1:9/unused", partner.url("/partner")), log.store()));
    private final OrderId orderId = OrderId.random();
    private final CustomerId customer = CustomerId.random();
    private final ProductId keyboard = ProductId.random();
    private final ProductId mouse = ProductId.random();
    private final EventMessage<?> accepted =
            GenericEventMessage.asEventMessage(new OrderAcceptedEvent(orderId, customer, new BigDecimal("30.00")));

    @AfterEach
    void stop() {
        partner.close();
    }

    private void placed() {
        log.record(
                "Order",
                orderId,
                new OrderPlacedEvent(orderId, customer, List.of(new OrderLine(keyboard, 1), new OrderLine(mouse, 3))),
                Instant.now());
    }

    @Test
    void orderAccepted_live_shipsTheLinesTheOrderWasPlacedWith() throws Exception {
        placed();

        axon.handle(Gateways.live(accepted, 7));

        assertThat(partner.requests()).singleElement().satisfies(request -> {
            assertThat(request.idempotencyKey()).isEqualTo(orderId.value());
            assertThat(request.body())
                    .isEqualTo("{\"orderId\":\"" + orderId + "\",\"lines\":[{\"productId\":\"" + keyboard
                            + "\",\"quantity\":1},{\"productId\":\"" + mouse + "\",\"quantity\":3}]}");
        });
    }

    @Test
    void orderAccepted_replayed_shipsNothing() throws Exception {
        placed();

        axon.handle(Gateways.replayed(accepted, 7));

        assertThat(partner.requests()).isEmpty();
    }

    @Test
    void shippingGroup_handlesOnlyAcceptedOrders() {
        assertThat(axon.canHandle(GenericEventMessage.asEventMessage(
                        new OrderPlacedEvent(orderId, customer, List.of(new OrderLine(keyboard, 1))))))
                .isFalse();
        assertThat(axon.canHandle(accepted)).isTrue();
    }
}
