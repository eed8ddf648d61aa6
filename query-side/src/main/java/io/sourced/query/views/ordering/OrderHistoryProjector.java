package io.sourced.query.views.ordering;

import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.ReturnRefundDeclinedEvent;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockReturnCancelledEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnFailedEvent;
import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.batching.BatchScope;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code order_history_view}: one row per event that concerns an order, whichever aggregate recorded
 * it, with who caused it. Idempotent by event id, so a redelivered event is recorded once.
 */
@Component
@ProcessingGroup(OrderHistoryProjector.PROCESSING_GROUP)
class OrderHistoryProjector {

    static final String PROCESSING_GROUP = "order-history";
    private static final String USERNAME = "username";

    private final OrderHistoryRows rows;
    private final BatchScope<List<OrderHistoryRows.Entry>> batch;

    OrderHistoryProjector(JdbcTemplate jdbc) {
        this.rows = new OrderHistoryRows(jdbc);
        this.batch = BatchScope.of(ArrayList::new, rows::insert);
    }

    @EventHandler
    void on(OrderPlacedEvent event, EventMessage<?> message) {
        int units = event.lines().stream().mapToInt(line -> line.quantity()).sum();
        record(
                message,
                event.orderId(),
                null,
                "Order placed: " + event.lines().size() + " line(s), " + units + " unit(s)");
    }

    @EventHandler
    void on(StockReservedEvent event, EventMessage<?> message) {
        record(
                message,
                event.orderId(),
                event.productId(),
                "Stock reserved: " + event.quantity() + " at "
                        + event.unitPrice().toPlainString() + " each"
                        + (event.shortBy() > 0 ? " (" + event.requested() + " asked, the rest out of stock)" : ""));
    }

    @EventHandler
    void on(StockReservationRejectedEvent event, EventMessage<?> message) {
        record(
                message,
                event.orderId(),
                event.productId(),
                "Out of stock: " + event.requested() + " asked, " + event.available() + " available");
    }

    @EventHandler
    void on(ReservationConfirmedEvent event, EventMessage<?> message) {
        record(message, event.orderId(), event.productId(), "Stock sold: " + event.quantity());
    }

    @EventHandler
    void on(StockReleasedEvent event, EventMessage<?> message) {
        record(message, event.orderId(), event.productId(), "Reserved stock released: " + event.quantity());
    }

    @EventHandler
    void on(PaymentAuthorizedEvent event, EventMessage<?> message) {
        record(message, event.orderId(), null, "Payment of " + event.amount().toPlainString() + " authorized");
    }

    @EventHandler
    void on(PaymentDeclinedEvent event, EventMessage<?> message) {
        record(
                message,
                event.orderId(),
                null,
                "Payment of " + event.amount().toPlainString() + " declined: the balance was "
                        + event.balance().toPlainString());
    }

    @EventHandler
    void on(PaymentRefundedEvent event, EventMessage<?> message) {
        record(message, event.orderId(), null, "Payment of " + event.amount().toPlainString() + " refunded");
    }

    @EventHandler
    void on(OrderAcceptedEvent event, EventMessage<?> message) {
        record(
                message,
                event.orderId(),
                null,
                "Order accepted, total " + event.total().toPlainString()
                        + (event.shortfall().isEmpty()
                                ? ""
                                : ", filled in part: "
                                        + event.shortfall().stream()
                                                .mapToInt(OrderLine::quantity)
                                                .sum()
                                        + " unit(s) out of stock"));
    }

    @EventHandler
    void on(OrderRejectedEvent event, EventMessage<?> message) {
        record(message, event.orderId(), null, "Order rejected: " + event.reason());
    }

    @EventHandler
    void on(OrderCancelledEvent event, EventMessage<?> message) {
        record(message, event.orderId(), null, "Order cancelled");
    }

    @EventHandler
    void on(ReturnRequestedEvent event, EventMessage<?> message) {
        record(
                message,
                event.orderId(),
                null,
                "Return asked: " + units(event.lines()) + " unit(s), "
                        + event.amount().toPlainString() + " to refund; reason: " + event.reason());
    }

    @EventHandler
    void on(StockReturnedEvent event, EventMessage<?> message) {
        record(
                message,
                event.orderId(),
                event.productId(),
                "Returned stock back, held until the refund: " + event.quantity());
    }

    @EventHandler
    void on(ReturnRefundedEvent event, EventMessage<?> message) {
        record(
                message,
                event.orderId(),
                null,
                "Return refunded: " + event.amount().toPlainString());
    }

    @EventHandler
    void on(ReturnRefundDeclinedEvent event, EventMessage<?> message) {
        record(
                message,
                event.orderId(),
                null,
                "Return refund of " + event.amount().toPlainString() + " declined: " + event.reason());
    }

    @EventHandler
    void on(ReturnedStockReleasedEvent event, EventMessage<?> message) {
        record(message, event.orderId(), event.productId(), "Returned stock available again: " + event.quantity());
    }

    @EventHandler
    void on(StockReturnCancelledEvent event, EventMessage<?> message) {
        record(message, event.orderId(), event.productId(), "Return undone, stock sold again: " + event.quantity());
    }

    @EventHandler
    void on(ReturnCompletedEvent event, EventMessage<?> message) {
        record(
                message,
                event.orderId(),
                null,
                "Return completed: " + units(event.lines()) + " unit(s) returned, "
                        + event.amount().toPlainString() + " refunded"
                        + (event.status() == OrderStatus.RETURNED ? "; every unit of the order is returned" : ""));
    }

    @EventHandler
    void on(ReturnFailedEvent event, EventMessage<?> message) {
        record(message, event.orderId(), null, "Return failed: " + event.reason());
    }

    private static int units(List<PricedLine> lines) {
        return lines.stream().mapToInt(PricedLine::quantity).sum();
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }

    private void record(EventMessage<?> message, OrderId orderId, ProductId productId, String description) {
        Object username = message.getMetaData().get(USERNAME);
        // in log order: the event's global position, not the order it reached this segment in (a transaction that
        // committed late delivers its event after later ones, and a replay would list them otherwise)
        OptionalLong logPosition = message instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position()
                : OptionalLong.empty();
        OrderHistoryRows.Entry entry = new OrderHistoryRows.Entry(
                message.getIdentifier(),
                orderId,
                message.getPayloadType().getSimpleName(),
                message.getTimestamp(),
                username == null ? null : username.toString(),
                description,
                productId,
                logPosition.isPresent() ? logPosition.getAsLong() : null);
        batch.handle(entries -> entries.add(entry));
    }
}
