package io.sourced.query.integration;

import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Tells the shipping partner to ship each accepted order. The lines come from the order's own
 * {@link OrderPlacedEvent} in the event store (its first event; read from sequence 0, so past any snapshot): the
 * log already holds them, so this group keeps no table that could drift from it and has nothing to clear on a
 * reset, and it can start at any point of the log.
 */
@Component
@ProcessingGroup(OrderShipper.PROCESSING_GROUP)
class OrderShipper {

    static final String PROCESSING_GROUP = "shipping";

    private final ReplaySafeGateway gateway;
    private final EventStore eventStore;

    OrderShipper(ReplaySafeGateway gateway, EventStore eventStore) {
        this.gateway = gateway;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(OrderAcceptedEvent accepted, EventMessage<?> message, ReplayStatus replayStatus) {
        if (replayStatus.isReplay()) {
            return;
        }
        gateway.shipOrder(accepted, linesOf(accepted), message, replayStatus);
    }

    private List<OrderLine> linesOf(OrderAcceptedEvent accepted) {
        DomainEventStream events = eventStore.readEvents(accepted.orderId().value(), 0);
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof OrderPlacedEvent placed) {
                return filled(placed.lines(), accepted);
            }
        }
        throw new IllegalStateException("Order " + accepted.orderId() + " was accepted but never placed");
    }

    /** The units the order got: what was asked less the shortfall, a line dropped entirely left out. */
    private static List<OrderLine> filled(List<OrderLine> asked, OrderAcceptedEvent accepted) {
        return asked.stream()
                .map(line -> new OrderLine(line.productId(), line.quantity() - accepted.shortfallOf(line.productId())))
                .filter(line -> line.quantity() > 0)
                .toList();
    }
}
