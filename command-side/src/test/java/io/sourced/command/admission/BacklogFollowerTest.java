package io.sourced.command.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BacklogFollowerTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final BacklogFollower follower = new BacklogFollower(Clock.systemUTC());

    @AfterEach
    void stop() {
        follower.stop();
        eventStore.shutDown();
    }

    @Test
    void ordersPlacedBeforeFollowing_notCounted_thosePlacedAfterUntilDecided() {
        OrderId before = OrderId.random();
        publish(placed(before));
        follower.start(eventStore);
        OrderId pending = OrderId.random();
        OrderId decided = OrderId.random();

        publish(placed(pending), placed(decided));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(follower.current().pendingOrders()).isEqualTo(2));
        publish(accepted(decided), accepted(before));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Backlog now = follower.current();
            assertThat(now.pendingOrders()).isEqualTo(1);
            assertThat(now.decidedPerSecond()).isEqualTo(2 / 5.0);
        });
    }

    private void publish(OrderPlacedEvent... events) {
        for (OrderPlacedEvent event : events) {
            eventStore.publish(
                    new GenericDomainEventMessage<>("Order", event.orderId().toString(), 0, event));
        }
    }

    private void publish(OrderAcceptedEvent... events) {
        for (OrderAcceptedEvent event : events) {
            eventStore.publish(
                    new GenericDomainEventMessage<>("Order", event.orderId().toString(), 1, event));
        }
    }

    private static OrderPlacedEvent placed(OrderId orderId) {
        return new OrderPlacedEvent(orderId, CustomerId.random(), List.of(new OrderLine(ProductId.random(), 1)));
    }

    private static OrderAcceptedEvent accepted(OrderId orderId) {
        return new OrderAcceptedEvent(orderId, CustomerId.random(), BigDecimal.ONE);
    }
}
