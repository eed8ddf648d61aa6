package io.sourced.query.views.ordering;

import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderLineView;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderReturnView;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.OrderView;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnFailedEvent;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.api.ordering.ReturnStatus;
import io.sourced.query.Fold;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an order's view follows the events that concern it — its own and the reservations of its lines: the one
 * fold behind the live view and the "as of" answers. Null stands for "not placed yet". Every step is
 * idempotent: applying an event twice gives the same view (a return is added once, and ends once).
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
                    (order, cancelled, at) -> completed(order, OrderStatus.CANCELLED, null, order.total(), at))
            .on(ReturnRequestedEvent.class, OrderFold::returnRequested)
            .on(ReturnCompletedEvent.class, OrderFold::returnCompleted)
            .on(ReturnFailedEvent.class, OrderFold::returnFailed);

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
                                line.productId(),
                                line.quantity(),
                                reserved.unitPrice(),
                                reserved.quantity(),
                                line.returned(),
                                line.returning())
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
        return with(order, order.status(), lines, total, order.refunded(), order.returns());
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
        return with(order, order.status(), lines, order.total(), order.refunded(), order.returns());
    }

    private static OrderView completed(
            OrderView order, OrderStatus status, RejectionReason reason, BigDecimal total, Instant at) {
        if (order.status().isTerminal()) {
            return order;
        }
        return new OrderView(
                order.orderId(), order.customerId(), status, reason, order.lines(), total, order.placedAt(), at);
    }

    /** A return asked: its units are being returned. */
    private static OrderView returnRequested(OrderView order, ReturnRequestedEvent requested, Instant at) {
        if (find(order, requested.returnId()).isPresent()) {
            return order;
        }
        List<OrderReturnView> returns = new ArrayList<>(order.returns());
        returns.add(new OrderReturnView(
                requested.returnId(),
                ReturnStatus.REQUESTED,
                requested.lines(),
                requested.amount(),
                requested.reason(),
                null,
                at,
                null));
        return with(
                order,
                order.status(),
                moved(order.lines(), requested.lines(), 0, 1),
                order.total(),
                order.refunded(),
                returns);
    }

    /** A return done: its units returned, its amount refunded, the order RETURNED once every unit is. */
    private static OrderView returnCompleted(OrderView order, ReturnCompletedEvent completed, Instant at) {
        return ended(
                order, completed.returnId(), ReturnStatus.COMPLETED, completed.status(), completed.amount(), null, at);
    }

    /** A return given up: its units are returnable again. */
    private static OrderView returnFailed(OrderView order, ReturnFailedEvent failed, Instant at) {
        return ended(
                order, failed.returnId(), ReturnStatus.FAILED, order.status(), BigDecimal.ZERO, failed.reason(), at);
    }

    /** The pending return ended: its units no longer returning, and returned if it completed. */
    private static OrderView ended(
            OrderView order,
            ReturnId returnId,
            ReturnStatus status,
            OrderStatus orderStatus,
            BigDecimal refund,
            String failureReason,
            Instant at) {
        Optional<OrderReturnView> pending = find(order, returnId).filter(r -> r.status() == ReturnStatus.REQUESTED);
        if (pending.isEmpty()) {
            return order;
        }
        List<OrderReturnView> returns = order.returns().stream()
                .map(r -> r.returnId().equals(returnId)
                        ? new OrderReturnView(
                                r.returnId(),
                                status,
                                r.lines(),
                                r.amount(),
                                r.reason(),
                                failureReason,
                                r.requestedAt(),
                                at)
                        : r)
                .toList();
        return with(
                order,
                orderStatus,
                moved(order.lines(), pending.get().lines(), status == ReturnStatus.COMPLETED ? 1 : 0, -1),
                order.total(),
                order.refunded().add(refund),
                returns);
    }

    private static Optional<OrderReturnView> find(OrderView order, ReturnId returnId) {
        return order.returns().stream()
                .filter(r -> r.returnId().equals(returnId))
                .findFirst();
    }

    /** Each line with the return's units of its product added to its returned and returning units, times the signs. */
    private static List<OrderLineView> moved(
            List<OrderLineView> lines, List<PricedLine> returned, int toReturned, int toReturning) {
        return lines.stream()
                .map(line -> {
                    int units = returned.stream()
                            .filter(r -> r.productId().equals(line.productId()))
                            .mapToInt(PricedLine::quantity)
                            .sum();
                    return units == 0
                            ? line
                            : new OrderLineView(
                                    line.productId(),
                                    line.quantity(),
                                    line.unitPrice(),
                                    line.filled(),
                                    line.returned() + toReturned * units,
                                    line.returning() + toReturning * units);
                })
                .toList();
    }

    private static OrderView with(
            OrderView order,
            OrderStatus status,
            List<OrderLineView> lines,
            BigDecimal total,
            BigDecimal refunded,
            List<OrderReturnView> returns) {
        return new OrderView(
                order.orderId(),
                order.customerId(),
                status,
                order.rejectionReason(),
                lines,
                total,
                order.placedAt(),
                order.completedAt(),
                refunded,
                returns);
    }
}
