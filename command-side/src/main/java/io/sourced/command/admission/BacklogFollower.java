package io.sourced.command.admission;

import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the log from its head and keeps {@link WorkflowBacklog} up to date. Every replica follows the whole log,
 * so each sees the backlog of all of them. It reads only the events' types, ids and times: no payload is
 * deserialized, and no token is stored (a restarted replica starts again at the head).
 */
final class BacklogFollower {

    private static final Logger log = LoggerFactory.getLogger(BacklogFollower.class);
    /** How often the backlog is worked out again, events or not: its ages grow while nothing happens. */
    static final Duration REFRESH = Duration.ofMillis(100);

    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Set<Class<?>> DECISIONS =
            Set.of(OrderAcceptedEvent.class, OrderRejectedEvent.class, OrderCancelledEvent.class);

    private final Clock clock;
    private final WorkflowBacklog backlog = new WorkflowBacklog();
    private volatile Backlog current = Backlog.NONE;
    private volatile boolean running;
    private Thread thread;

    BacklogFollower(Clock clock) {
        this.clock = clock;
    }

    Backlog current() {
        return current;
    }

    /** Follows from the head as it is now; from wherever the head is once the store answers, if it does not yet. */
    synchronized void start(EventStore eventStore) {
        running = true;
        TrackingToken head = headOrLater(eventStore);
        thread = new Thread(() -> follow(eventStore, head), "workflow-backlog");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private static TrackingToken headOrLater(EventStore eventStore) {
        try {
            return eventStore.createHeadToken();
        } catch (RuntimeException notYet) {
            return null;
        }
    }

    private void follow(EventStore eventStore, TrackingToken head) {
        TrackingToken position = head;
        while (running) {
            try {
                if (position == null) {
                    position = eventStore.createHeadToken();
                }
                position = followFrom(eventStore, position);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Following the log for the workflow's backlog failed; again in {}: {}", RETRY, e.toString());
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private TrackingToken followFrom(EventStore eventStore, TrackingToken position) throws InterruptedException {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(position)) {
            Instant refreshed = Instant.MIN;
            while (running) {
                if (stream.hasNextAvailable((int) REFRESH.toMillis(), TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    position = event.trackingToken();
                    see(event);
                }
                Instant now = clock.instant();
                if (!now.isBefore(refreshed.plus(REFRESH))) {
                    current = backlog.at(now);
                    refreshed = now;
                }
            }
        }
        return position;
    }

    private void see(TrackedEventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            return;
        }
        Class<?> type = event.getPayloadType();
        if (type == OrderPlacedEvent.class) {
            backlog.placed(domainEvent.getAggregateIdentifier(), event.getTimestamp());
        } else if (DECISIONS.contains(type)) {
            backlog.decided(domainEvent.getAggregateIdentifier(), event.getTimestamp());
        }
    }
}
