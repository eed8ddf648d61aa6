package io.sourced.query.views.ordering;

import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderLineView;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.OrderView;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.query.Fold;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How an order's view follows the events that concern it — its own and the reservations of its lines: the one
 * fold behind the live view and the "as of" answers. Null stands for "not placed yet". Every step is
 * idempotent: applying an event twice gives the same view.
 */
final class OrderFold {

    private static final Fold<OrderView> FOLD = Fold.<OrderView>of()
            .startedBy(OrderPlacedEvent.class, OrderFold::placed)
            .on(StockReservedEvent.class, (order, reserved, at) -> priced(order, reserved))
            .on(
                    OrderAcceptedEvent.class,
                    (order, accepted, at) ->
                            completed(filled(order, accepted), OrderStatus.ACCEPTED, null, accepted.total(), at))
            .on(
                    OrderRejectedEvent.class,
                    (order, rejected, at) ->
                            completed(order, OrderStatus.REJECTED, rejected.reason(), order.total(), at))
            .on(
                    OrderCancelledEvent.class,
                    (order, cancelled, at) -> completed(order, OrderStatus.CANCELLED, null, order.total(), at));

    private OrderFold() {}

    static OrderView apply(OrderView order, Object event, Instant at) {
        return FOLD.apply(order, event, at);
    }

    private static OrderView placed(OrderPlacedEvent placed, Instant at) {
        return new OrderView(
                placed.orderId(),
                placed.customerId(),
                OrderStatus.PENDING,
                null,
                placed.lines().stream()
                        .map(l -> new OrderLineView(l.productId(), l.quantity(), null))
                        .toList(),
                null,
                at,
                null);
    }

    /**
     * A reserved line gets its unit price and the units reserved; the total is known once every line has one, while
     * pending.
     */
    private static OrderView priced(OrderView order, StockReservedEvent reserved) {
        List<OrderLineView> lines = order.lines().stream()
                .map(line -> line.productId().equals(reserved.productId())
                        ? new OrderLineView(
                                line.productId(), line.quantity(), reserved.unitPrice(), reserved.quantity())
                        : line)
                .toList();
        BigDecimal total = order.total();
        if (order.status() == OrderStatus.PENDING
                && lines.stream().map(OrderLineView::unitPrice).allMatch(Objects::nonNull)) {
            total = lines.stream()
                    .map(l ->
                            l.unitPrice().multiply(BigDecimal.valueOf(l.filled() == null ? l.quantity() : l.filled())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return new OrderView(
                order.orderId(),
                order.customerId(),
                order.status(),
                order.rejectionReason(),
                lines,
                total,
                order.placedAt(),
                order.completedAt());
    }

    /** An accepted order's lines filled: what was asked less the shortfall (all of a line dropped). */
    private static OrderView filled(OrderView order, OrderAcceptedEvent accepted) {
        if (order.status().isTerminal()) {
            return order;
        }
        List<OrderLineView> lines = order.lines().stream()
                .map(line -> new OrderLineView(
                        line.productId(),
                        line.quantity(),
                        line.unitPrice(),
                        line.quantity() - accepted.shortfallOf(line.productId())))
                .toList();
        return new OrderView(
                order.orderId(),
                order.customerId(),
                order.status(),
                order.rejectionReason(),
                lines,
                order.total(),
                order.placedAt(),
                order.completedAt());
    }

    private static OrderView completed(
            OrderView order, OrderStatus status, RejectionReason reason, BigDecimal total, Instant at) {
        if (order.status().isTerminal()) {
            return order;
        }
        return new OrderView(
                order.orderId(), order.customerId(), status, reason, order.lines(), total, order.placedAt(), at);
    }
}
