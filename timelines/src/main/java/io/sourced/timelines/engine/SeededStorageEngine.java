package io.sourced.timelines.engine;

import java.time.Instant;
import java.util.ArrayList;
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

/**
 * The sandbox's event store: an aggregate's stream is the live store's events of that aggregate recorded before the
 * timeline's start, read when the aggregate is loaded (never the whole log, never kept), followed by what the sandbox
 * appended, kept in memory by aggregate. Nothing reaches the live store. The sandbox is never streamed (its events
 * are handled in the thread that published them), so it answers no tracking token.
 */
final class SeededStorageEngine implements EventStorageEngine {

    private final EventStore live;
    private final Instant from;
    private final Map<String, List<DomainEventMessage<?>>> appended = new HashMap<>();
    /** Each aggregate's last sequence number before the start, once looked up; empty: it did not exist. */
    private final Map<String, Optional<Long>> seedEnds = new HashMap<>();

    SeededStorageEngine(EventStore live, Instant from) {
        this.live = live;
        this.from = from;
    }

    /**
     * The aggregate was made in the period (its first event is there): it had no event before the start, and its
     * loads need not ask the live store.
     */
    void bornInPeriod(String aggregateIdentifier) {
        seedEnds.put(aggregateIdentifier, Optional.empty());
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                appended.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>())
                        .add(domainEvent);
            }
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        // the sandbox keeps its aggregates in a cache; a snapshot would only be another copy
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        Stream<? extends DomainEventMessage<?>> own = appended.getOrDefault(aggregateIdentifier, List.of()).stream()
                .filter(event -> event.getSequenceNumber() >= firstSequenceNumber);
        return DomainEventStream.of(Stream.concat(seed(aggregateIdentifier, firstSequenceNumber), own));
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<DomainEventMessage<?>> own = appended.get(aggregateIdentifier);
        if (own != null) {
            return Optional.of(own.get(own.size() - 1).getSequenceNumber());
        }
        return seedEnd(aggregateIdentifier);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return Stream.empty();
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return null;
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return null;
    }

    /** The aggregate's live events before the start, from the one asked; snapshots aside. */
    private Stream<? extends DomainEventMessage<?>> seed(String aggregateIdentifier, long firstSequenceNumber) {
        Optional<Long> end = seedEnds.get(aggregateIdentifier);
        if (end != null && end.map(last -> last < firstSequenceNumber).orElse(true)) {
            return Stream.empty();
        }
        List<? extends DomainEventMessage<?>> seed = before(aggregateIdentifier, firstSequenceNumber);
        if (end == null && firstSequenceNumber == 0) {
            seedEnds.put(
                    aggregateIdentifier,
                    seed.isEmpty()
                            ? Optional.empty()
                            : Optional.of(seed.get(seed.size() - 1).getSequenceNumber()));
        }
        return seed.stream();
    }

    private Optional<Long> seedEnd(String aggregateIdentifier) {
        return seedEnds.computeIfAbsent(aggregateIdentifier, id -> {
            List<? extends DomainEventMessage<?>> seed = before(id, 0);
            return seed.isEmpty()
                    ? Optional.empty()
                    : Optional.of(seed.get(seed.size() - 1).getSequenceNumber());
        });
    }

    private List<? extends DomainEventMessage<?>> before(String aggregateIdentifier, long firstSequenceNumber) {
        return live.readEvents(aggregateIdentifier, firstSequenceNumber)
                .asStream()
                .takeWhile(event -> event.getTimestamp().isBefore(from))
                .toList();
    }
}
