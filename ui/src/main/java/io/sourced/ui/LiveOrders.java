package io.sourced.ui;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderView;
import java.util.Optional;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;

/** Follows one order over the query bus: its state now, then each change until it is decided. */
public interface LiveOrders {

    /** Empty when the order is unknown or not {@code visible} to the reader. */
    Optional<Flux<OrderView>> follow(OrderId orderId, Predicate<OrderView> visible);
}
