package io.sourced.timelines.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The sandbox's event store: an aggregate's stream is the live store's events of that aggregate recorded before the
 * timeline's start, read when the aggregate is loaded (never the whole log, never kept), followed by what the sandbox
 * appended. Nothing reaches the live store. The sandbox is never streamed (its events are handled in the thread that
 * published them), so it answers no tracking token.
 * <p>
 * What it keeps does not grow with the period: of each aggregate, its latest snapshot (a copy of its state, see
 * {@link SandboxSnapshots}) and the events appended after it; of an aggregate that {@linkplain #forget ended},
 * nothing.
 */
final class SeededStorageEngine implements EventStorageEngine {

    /** Copies of aggregates, as the live store's snapshots are made (JSON, read tolerantly). */
    private static final ObjectMapper COPIES =
            new ObjectMapper().findAndRegisterModules().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** About what an event held in memory weighs, in bytes. */
    private static final int EVENT_WEIGHT = 500;

    private final EventStore live;
    private final Instant from;
    private final Map<String, Appended> appended = new HashMap<>();
    /** Each aggregate's last sequence number before the start, once looked up; empty: it did not exist. */
    private final Map<String, Optional<Long>> seedEnds = new HashMap<>();

    /** What the sandbox appended to one aggregate: its latest snapshot, if any, and the events after it. */
    private static final class Appended {
        private final List<DomainEventMessage<?>> events = new ArrayList<>();
        private long lastSequenceNumber;
        private String type;
        private long snapshotSequenceNumber = -1;
        private Class<?> snapshotType;
        private byte[] snapshot;
    }

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

    /**
     * The aggregate ended: nothing decided after this depends on its state, so its events and snapshot are let go. A
     * command sent to it later finds no such aggregate.
     */
    void forget(String aggregateIdentifier) {
        appended.remove(aggregateIdentifier);
        seedEnds.remove(aggregateIdentifier);
    }

    /**
     * Whether a snapshot of the aggregate is worth its copy: once the events held since its last one weigh about as much
     * as that copy, so that what is held of an aggregate stays near the size of its state, and the copies made over a
     * period cost a few hundred bytes of JSON an event, however large the state grows.
     */
    boolean snapshotDue(String aggregateIdentifier) {
        Appended held = appended.get(aggregateIdentifier);
        return held != null
                && (held.snapshot == null || (long) held.events.size() * EVENT_WEIGHT >= held.snapshot.length);
    }

    /** The events held in memory (appended after each aggregate's latest snapshot), for tests. */
    int eventsHeld() {
        return appended.values().stream().mapToInt(held -> held.events.size()).sum();
    }

    /** The aggregates of which something is held in memory, for tests. */
    int aggregatesHeld() {
        return appended.size();
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                Appended held = appended.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new Appended());
                held.events.add(domainEvent);
                held.lastSequenceNumber = domainEvent.getSequenceNumber();
                held.type = domainEvent.getType();
            }
        }
    }

    /**
     * Keeps a copy of the aggregate (the snapshot's payload is the aggregate that goes on deciding, so it is copied)
     * and lets go of the events it covers.
     */
    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        Appended held = appended.computeIfAbsent(snapshot.getAggregateIdentifier(), id -> new Appended());
        try {
            held.snapshot = COPIES.writeValueAsBytes(snapshot.getPayload());
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox could not copy " + snapshot.getAggregateIdentifier(), e);
        }
        held.snapshotType = snapshot.getPayloadType();
        held.snapshotSequenceNumber = snapshot.getSequenceNumber();
        held.type = snapshot.getType();
        held.lastSequenceNumber = Math.max(held.lastSequenceNumber, snapshot.getSequenceNumber());
        held.events.removeIf(event -> event.getSequenceNumber() <= snapshot.getSequenceNumber());
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        Appended held = appended.get(aggregateIdentifier);
        if (held == null || held.snapshot == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GenericDomainEventMessage<>(
                    held.type,
                    aggregateIdentifier,
                    held.snapshotSequenceNumber,
                    COPIES.readValue(held.snapshot, held.snapshotType)));
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox could not read its copy of " + aggregateIdentifier, e);
        }
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        Appended held = appended.get(aggregateIdentifier);
        if (held == null) {
            return DomainEventStream.of(seed(aggregateIdentifier, firstSequenceNumber));
        }
        if (held.snapshot != null && firstSequenceNumber <= held.snapshotSequenceNumber) {
            // never silently: a stream without its first events would make another aggregate
            throw new IllegalStateException("the sandbox keeps " + aggregateIdentifier + " from its snapshot at "
                    + held.snapshotSequenceNumber + " only, not from " + firstSequenceNumber);
        }
        Stream<? extends DomainEventMessage<?>> own =
                held.events.stream().filter(event -> event.getSequenceNumber() >= firstSequenceNumber);
        return DomainEventStream.of(Stream.concat(seed(aggregateIdentifier, firstSequenceNumber), own));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Appended held = appended.get(aggregateIdentifier);
        if (held != null) {
            return Optional.of(held.lastSequenceNumber);
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
