package io.sourced.timelines.engine;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/** A handmade log: events appended to a test event store at the instants the test names, as the live one records. */
final class History implements AutoCloseable {

    final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant now;

    History(Instant start) {
        this.now = start;
    }

    Instant now() {
        return now;
    }

    /** Moves the log's time on. */
    History after(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    History at(Instant instant) {
        now = instant;
        return this;
    }

    /** Appends an event of the aggregate, recorded now. */
    History append(Object aggregateId, Object event) {
        String id = aggregateId.toString();
        long sequence = sequences.merge(id, 0L, (last, ignored) -> last + 1);
        store.publish(new GenericDomainEventMessage<>(
                event.getClass().getSimpleName().replace("Event", ""),
                id,
                sequence,
                event,
                Map.of(),
                UUID.randomUUID().toString(),
                now));
        now = now.plusMillis(1);
        return this;
    }

    ProductId product(String name, String price, int stock) {
        ProductId productId = ProductId.random();
        append(productId, new ProductRegisteredEvent(productId, name, new BigDecimal(price), stock, "Home"));
        return productId;
    }

    CustomerId customer(String name, String balance) {
        CustomerId customerId = CustomerId.random();
        append(customerId, new AccountOpenedEvent(customerId, name));
        BigDecimal amount = new BigDecimal(balance);
        append(customerId, new FundsDepositedEvent(customerId, amount, amount, null));
        return customerId;
    }

    @Override
    public void close() {
        store.shutDown();
    }
}
