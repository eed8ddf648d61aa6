package io.sourced.app.web.pages;

import io.sourced.api.ordering.OrderId;
import io.sourced.query.eventlog.Event;
import io.sourced.query.eventlog.EventIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The event log's index as pages show it: an order's trace across the aggregates and the workflow, and one
 * aggregate's audit trail; up to an instant when the page shows the past. Callers check who may see what first.
 */
@Component
class EventTrails {

    private static final Logger log = LoggerFactory.getLogger(EventTrails.class);

    /** One event in a trail: where in the log, when, which aggregate, what, and who caused it. */
    record Entry(long position, Instant at, String aggregateType, String aggregateId, String type, String username) {
    }

    private final EventIndex index;

    EventTrails(EventIndex index) {
        this.index = index;
    }

    /** Null when the index cannot be read: the page says so and shows the rest. */
    List<Entry> trace(OrderId orderId, Instant until) {
        return read(() -> index.placementOf(orderId.value())
                .filter(placed -> placed.traceId() != null)
                .map(placed -> index.traced(placed.traceId()))
                .orElse(List.of()), until);
    }

    List<Entry> auditTrail(Object aggregateId, Instant until) {
        return read(() -> index.ofAggregate(String.valueOf(aggregateId)).stream().map(EventIndex.Indexed::event).toList(),
                until);
    }

    private static List<Entry> read(Supplier<List<Event>> events, Instant until) {
        try {
            return events.get().stream()
                    .filter(event -> until == null || !event.timestamp().isAfter(until))
                    .map(EventTrails::entry)
                    .toList();
        } catch (RuntimeException e) {
            log.warn("Event index unavailable: {}", e.toString());
            return null;
        }
    }

    private static Entry entry(Event event) {
        String username = event.metadata() == null || !event.metadata().hasNonNull("username") ? null
                : event.metadata().get("username").asText();
        return new Entry(event.position(), event.timestamp(), event.aggregateType(), event.aggregateId(), event.type(),
                username);
    }
}
