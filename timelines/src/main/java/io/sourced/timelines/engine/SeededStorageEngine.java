package io.sourced.timelines.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * The sandbox's event store: an aggregate's stream is the live store's events of that aggregate recorded before the
 * timeline's start (read when the aggregate is first loaded, never the whole log), followed by what the sandbox
 * appended. Appends and snapshots stay in memory: nothing reaches the live store.
 */
final class SeededStorageEngine implements EventStorageEngine {

    private final EventStore live;
    private final Instant from;
    private final InMemoryEventStorageEngine own = new InMemoryEventStorageEngine();
    private final Map<String, List<? extends DomainEventMessage<?>>> seeds = new HashMap<>();

    SeededStorageEngine(EventStore live, Instant from) {
        this.live = live;
        this.from = from;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        own.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        // the sandbox's aggregates are kept in a cache; a snapshot would only be another copy
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return own.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        List<? extends DomainEventMessage<?>> seed = seed(aggregateIdentifier);
        return DomainEventStream.concat(
                DomainEventStream.of(seed.stream().filter(event -> event.getSequenceNumber() >= firstSequenceNumber)),
                own.readEvents(aggregateIdentifier, firstSequenceNumber));
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Optional<Long> appended = own.lastSequenceNumberFor(aggregateIdentifier);
        if (appended.isPresent()) {
            return appended;
        }
        List<? extends DomainEventMessage<?>> seed = seed(aggregateIdentifier);
        return seed.isEmpty()
                ? Optional.empty()
                : Optional.of(seed.get(seed.size() - 1).getSequenceNumber());
    }

    @Override
    public TrackingToken createTailToken() {
        return own.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return own.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return own.createTokenAt(dateTime);
    }

    /** The aggregate's live events before the start; its stream is read from the first event, snapshots aside. */
    private List<? extends DomainEventMessage<?>> seed(String aggregateIdentifier) {
        return seeds.computeIfAbsent(
                aggregateIdentifier,
                id -> live.readEvents(id, 0)
                        .asStream()
                        .takeWhile(event -> event.getTimestamp().isBefore(from))
                        .toList());
    }
}
