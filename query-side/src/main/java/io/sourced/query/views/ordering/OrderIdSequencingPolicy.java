package io.sourced.query.views.ordering;

import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderScoped;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Handles an order's events in order even though several aggregates record them: a {@link StockReservedEvent} is
 * the product's event, and sequenced per product it could reach another segment before the order's row exists.
 * Every {@link OrderScoped} event is sequenced by its order; any other event per aggregate.
 */
class OrderIdSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof OrderScoped scoped) {
            return scoped.orderId().value();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
