package io.sourced.query.views.ordering;

import io.sourced.api.ordering.FindOrderAsOfQuery;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * An order as it was at an instant: {@link OrderFold} over the {@link OrderEvents} recorded up to then. Whose order
 * it is comes from its first event, before any product's events are read.
 */
@Component
class OrderAsOfQueries {

    private final EventStore eventStore;

    OrderAsOfQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Ask with {@code ResponseTypes.optionalInstanceOf(OrderView.class)}. */
    @QueryHandler
    Optional<OrderView> handle(FindOrderAsOfQuery query) {
        DomainEventStream own = eventStore.readEvents(query.orderId().value(), 0);
        if (!own.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = own.next();
        if (first.getTimestamp().isAfter(query.asOf())
                || !(first.getPayload() instanceof OrderPlacedEvent placed)
                || (query.customerId() != null && !query.customerId().equals(placed.customerId()))) {
            return Optional.empty();
        }
        List<DomainEventMessage<?>> events = new ArrayList<>(List.of(first));
        own.forEachRemaining(event -> {
            if (!event.getTimestamp().isAfter(query.asOf())) {
                events.add(event);
            }
        });
        OrderView order = null;
        for (DomainEventMessage<?> event : OrderEvents.upTo(eventStore, placed, events, query.asOf())) {
            order = OrderFold.apply(order, event.getPayload(), event.getTimestamp());
        }
        return Optional.ofNullable(order);
    }
}
