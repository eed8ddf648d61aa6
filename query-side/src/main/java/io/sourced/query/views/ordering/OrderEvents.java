package io.sourced.query.views.ordering;

import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.query.AsOf;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * What {@link OrderFold} folds for one order: its own events and its lines' reservations recorded up to an instant,
 * in the order they were recorded. Of a product's events only this order's reservations are kept.
 */
final class OrderEvents {

    private OrderEvents() {}

    /** {@code own} are the order's events to fold, its placement first; an order's stream is a handful of events. */
    static List<DomainEventMessage<?>> upTo(
            EventStore eventStore, OrderPlacedEvent placed, List<DomainEventMessage<?>> own, Instant until) {
        List<DomainEventMessage<?>> events = new ArrayList<>(own);
        placed.lines().stream()
                .map(OrderLine::productId)
                .distinct()
                .forEach(productId -> AsOf.forEach(eventStore, productId.value(), until, event -> {
                    if (event.getPayload() instanceof StockReservedEvent reserved
                            && reserved.orderId().equals(placed.orderId())) {
                        events.add(event);
                    }
                }));
        events.sort(Comparator.comparing(DomainEventMessage::getTimestamp));
        return events;
    }
}
