package io.sourced.query;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** An in-memory event store to record aggregates' events at chosen instants. */
public final class InMemoryLog {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Map<String, Long> sequences = new HashMap<>();

    public InMemoryLog record(String aggregateType, Object aggregateId, Object event, Instant at) {
        String id = aggregateId.toString();
        long sequence = sequences.merge(id, 0L, (last, ignored) -> last + 1);
        store.publish(new GenericDomainEventMessage<>(
                aggregateType,
                id,
                sequence,
                event,
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                at));
        return this;
    }

    public EventStore store() {
        return store;
    }

    /** "As of" reads of this log, reading {@code eventStore} (this log's store or one wrapping it). */
    public static AsOf asOf(EventStore eventStore, int checkpointEvery) {
        return new AsOf(
                eventStore,
                new AsOfCheckpoints(
                        ViewDatabase.migrated(),
                        Jackson2ObjectMapperBuilder.json().build(),
                        checkpointEvery));
    }
}
