package io.sourced.query;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Temporal queries: a view as it was at an instant, or after each of an aggregate's events, is the fold of the events
 * recorded until then, read from the event log itself with the same fold that keeps the live view — never a second
 * copy of it. Events are read one at a time, never held together, and a fold starts from the newest
 * {@link AsOfCheckpoints checkpoint} before what it is asked for: memory does not grow with the stream, and time grows
 * only with the events after the checkpoint.
 */
@Component
public class AsOf {

    /**
     * A view's fold as "as of" reads run it. Its name marks the checkpoints it saves: a fold that changes how it
     * builds the view takes a new name, so that no checkpoint of the former one is read.
     */
    public record Folding<V>(String name, Class<V> viewType, BiFunction<V, Object, V> step) {}

    /** What one event of an aggregate made of its view: the view before it (null: none yet) and after it. */
    @FunctionalInterface
    public interface Version<V> {
        void accept(DomainEventMessage<?> event, V before, V after);
    }

    private final EventStore eventStore;
    private final AsOfCheckpoints checkpoints;

    public AsOf(EventStore eventStore, AsOfCheckpoints checkpoints) {
        this.eventStore = eventStore;
        this.checkpoints = checkpoints;
    }

    /**
     * The view of one aggregate as it was at {@code asOf}, folded from its own events; empty before it began. The
     * stream is read up to its first event recorded after {@code asOf}: an aggregate's events are appended in order,
     * so what follows was recorded later too, unless a replica's clock was behind another's, and then the answer is
     * the state before that event, one the aggregate really had, never a mix of earlier and later events.
     */
    public <V> Optional<V> view(Folding<V> fold, String aggregateId, Instant asOf) {
        Fed<V> fed = new Fed<>(fold, aggregateId, checkpoints.newestCovered(fold, aggregateId, asOf));
        DomainEventStream events = eventStore.readEvents(aggregateId, fed.next);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            fed.apply(event);
        }
        return Optional.ofNullable(fed.view);
    }

    /**
     * The view after each of the aggregate's events whose sequence number follows {@code after}, at most
     * {@code limit} of them, oldest first, each with the view before it.
     */
    public <V> void versions(Folding<V> fold, String aggregateId, long after, int limit, Version<V> each) {
        Fed<V> fed = new Fed<>(fold, aggregateId, checkpoints.newestUpTo(fold, aggregateId, after));
        DomainEventStream events = eventStore.readEvents(aggregateId, fed.next);
        int given = 0;
        while (given < limit && events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            V before = fed.view;
            fed.apply(event);
            if (event.getSequenceNumber() > after) {
                each.accept(event, before, fed.view);
                given++;
            }
        }
    }

    /** Each event of the aggregate up to its first one recorded after {@code asOf}, from its first, one at a time. */
    public static void forEach(
            EventStore eventStore, String aggregateId, Instant asOf, Consumer<DomainEventMessage<?>> action) {
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(asOf)) {
                return;
            }
            action.accept(event);
        }
    }

    /** A fold under way from a checkpoint (or the start), saving the checkpoints that fall due on the way. */
    private final class Fed<V> {

        private final Folding<V> fold;
        private final String aggregateId;
        private final long next;
        private V view;
        private long latest;

        private Fed(Folding<V> fold, String aggregateId, Optional<AsOfCheckpoints.Checkpoint<V>> start) {
            this.fold = fold;
            this.aggregateId = aggregateId;
            this.next = start.map(checkpoint -> checkpoint.sequence() + 1).orElse(0L);
            this.view = start.map(AsOfCheckpoints.Checkpoint::view).orElse(null);
            this.latest = start.map(AsOfCheckpoints.Checkpoint::latestNanos).orElse(Long.MIN_VALUE);
        }

        private void apply(DomainEventMessage<?> event) {
            view = fold.step().apply(view, event.getPayload());
            latest = Math.max(latest, AsOfCheckpoints.nanos(event.getTimestamp()));
            if (view != null && checkpoints.due(event.getSequenceNumber())) {
                checkpoints.save(
                        fold, aggregateId, new AsOfCheckpoints.Checkpoint<>(event.getSequenceNumber(), latest, view));
            }
        }
    }
}
