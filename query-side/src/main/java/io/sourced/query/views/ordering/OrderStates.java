package io.sourced.query.views.ordering;

import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderView;
import io.sourced.query.AggregateStates;
import io.sourced.query.AsOf;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * An order's view after each of its own events: {@link OrderFold} over the {@link OrderEvents} recorded up to it, as
 * an "as of" read at that event's instant folds them, so a version also shows the prices its lines' reservations
 * brought before it; what changed is told against the version before.
 */
@Component
class OrderStates implements AggregateStates {

    private final EventStore eventStore;

    OrderStates(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public String aggregateType() {
        return "Order";
    }

    @Override
    public void versions(String aggregateId, long after, int limit, AsOf.Version<Object> each) {
        List<DomainEventMessage<?>> own = new ArrayList<>();
        eventStore.readEvents(aggregateId, 0).forEachRemaining(event -> {
            if (event.getSequenceNumber() <= after + limit) {
                own.add(event);
            }
        });
        if (own.isEmpty()
                || own.get(own.size() - 1).getSequenceNumber() <= after
                || !(own.get(0).getPayload() instanceof OrderPlacedEvent placed)) {
            return;
        }
        Instant until = own.stream()
                .map(DomainEventMessage::getTimestamp)
                .max(Instant::compareTo)
                .orElseThrow();
        OrderView order = null;
        OrderView previousVersion = null;
        for (DomainEventMessage<?> event : OrderEvents.upTo(eventStore, placed, own, until)) {
            order = OrderFold.apply(order, event.getPayload(), event.getTimestamp());
            if (event.getAggregateIdentifier().equals(aggregateId)) {
                if (event.getSequenceNumber() > after) {
                    each.accept(event, previousVersion, order);
                }
                previousVersion = order;
            }
        }
    }
}
