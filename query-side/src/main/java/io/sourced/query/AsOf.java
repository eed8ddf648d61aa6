package io.sourced.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Temporal queries: a view as it was at an instant is the fold of the events recorded up to that instant,
 * read from the event log itself with the same fold that keeps the live view — never a second copy of it.
 */
public final class AsOf {

    private AsOf() {}

    /** The aggregate's events recorded up to {@code asOf}, from its very first (snapshots are skipped). */
    public static List<DomainEventMessage<?>> events(EventStore eventStore, String aggregateId, Instant asOf) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!event.getTimestamp().isAfter(asOf)) {
                events.add(event);
            }
        }
        return events;
    }

    public static <S> S fold(
            List<DomainEventMessage<?>> events, S initial, BiFunction<S, DomainEventMessage<?>, S> step) {
        S state = initial;
        for (DomainEventMessage<?> event : events) {
            state = step.apply(state, event);
        }
        return state;
    }

    /** The view of one aggregate as it was at {@code asOf}, folded from its own events; empty before it began. */
    public static <V> Optional<V> view(
            EventStore eventStore, String aggregateId, Instant asOf, BiFunction<V, Object, V> fold) {
        return Optional.ofNullable(fold(
                eventStore,
                aggregateId,
                asOf,
                null,
                (V view, DomainEventMessage<?> event) -> fold.apply(view, event.getPayload())));
    }

    public static <S> S fold(
            EventStore eventStore,
            String aggregateId,
            Instant asOf,
            S initial,
            BiFunction<S, DomainEventMessage<?>, S> step) {
        return fold(events(eventStore, aggregateId, asOf), initial, step);
    }
}
