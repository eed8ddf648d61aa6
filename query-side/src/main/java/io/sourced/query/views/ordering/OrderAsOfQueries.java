package io.sourced.query.views.ordering;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.FindOrderAsOfQuery;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderView;
import io.sourced.query.AsOf;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * An order as it was at an instant: {@link OrderFold} over the order's own events and its lines' reservations
 * recorded up to then.
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
        List<DomainEventMessage<?>> events =
                new ArrayList<>(AsOf.events(eventStore, query.orderId().value(), query.asOf()));
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof OrderPlacedEvent placed)) {
            return Optional.empty();
        }
        for (ProductId productId :
                placed.lines().stream().map(OrderLine::productId).toList()) {
            AsOf.events(eventStore, productId.value(), query.asOf()).stream()
                    .filter(event -> event.getPayload() instanceof StockReservedEvent reserved
                            && reserved.orderId().equals(placed.orderId()))
                    .forEach(events::add);
        }
        events.sort(Comparator.comparing(DomainEventMessage::getTimestamp));
        return Optional.ofNullable(AsOf.fold(
                events,
                (OrderView) null,
                (order, event) -> OrderFold.apply(order, event.getPayload(), event.getTimestamp())));
    }
}
