package io.sourced.timelines.engine;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The live log's events recorded in {@code [from, to)}, in log order, read as a stream each time (never held whole):
 * from the position of {@code from} up to the head as it was when the timeline began, or to the first event recorded
 * at or after {@code to}.
 */
final class Period {

    private static final int QUIET_SECONDS = 5;

    private final EventStore live;
    private final Instant from;
    private final Instant to;
    private final TrackingToken head;

    Period(EventStore live, Instant from, Instant to) {
        this.live = live;
        this.from = from;
        this.to = to;
        this.head = live.createHeadToken();
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }

    private static LogEntry entry(int position, TrackedEventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return new LogEntry(
                    position,
                    event.getTimestamp(),
                    event.getIdentifier(),
                    event.getPayload(),
                    domainEvent.getAggregateIdentifier(),
                    domainEvent.getSequenceNumber() == 0);
        }
        return new LogEntry(position, event.getTimestamp(), event.getIdentifier(), event.getPayload());
    }

    /** Hands each event of the period to {@code step}; answers how many there were. */
    int forEach(Consumer<LogEntry> step) {
        if (head == null) {
            return 0;
        }
        TrackingToken start = live.createTokenAt(from);
        if (start != null && start.covers(head)) {
            return 0; // nothing was recorded from the start on
        }
        int position = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = live.openStream(start)) {
            while (stream.hasNextAvailable(QUIET_SECONDS, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (!event.getTimestamp().isBefore(to)) {
                    break;
                }
                if (!event.getTimestamp().isBefore(from)) {
                    step.accept(entry(position++, event));
                }
                if (event.trackingToken().covers(head)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the log", e);
        }
        return position;
    }
}
