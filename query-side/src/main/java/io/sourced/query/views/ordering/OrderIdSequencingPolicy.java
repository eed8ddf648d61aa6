package io.sourced.query.views.ordering;

import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Handles an order's events in order even though they come from two aggregates: a {@link StockReservedEvent} is
 * the product's event, and sequenced per product it could reach another segment before the order's row exists.
 */
class OrderIdSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof OrderPlacedEvent placed) {
            return placed.orderId().value();
        }
        if (payload instanceof StockReservedEvent reserved) {
            return reserved.orderId().value();
        }
        if (payload instanceof OrderAcceptedEvent accepted) {
            return accepted.orderId().value();
        }
        if (payload instanceof OrderRejectedEvent rejected) {
            return rejected.orderId().value();
        }
        if (payload instanceof OrderCancelledEvent cancelled) {
            return cancelled.orderId().value();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
