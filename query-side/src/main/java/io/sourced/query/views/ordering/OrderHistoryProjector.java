package io.sourced.query.views.ordering;

import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.query.BatchInserts;
import io.sourced.query.BatchScope;
import io.sourced.query.SqlTime;
import java.util.Arrays;
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

    private final JdbcTemplate jdbc;

    OrderHistoryProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
                        + event.unitPrice().toPlainString() + " each");
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
                "Order accepted, total " + event.total().toPlainString());
    }

    @EventHandler
    void on(OrderRejectedEvent event, EventMessage<?> message) {
        record(message, event.orderId(), null, "Order rejected: " + event.reason());
    }

    @EventHandler
    void on(OrderCancelledEvent event, EventMessage<?> message) {
        record(message, event.orderId(), null, "Order cancelled");
    }

    /** Idempotent by event id: an event delivered again (a retried dead letter) is recorded once. */
    private static final String INSERT = """
            INSERT INTO order_history_view (event_id, order_id, event_type, occurred_at, username, description,
                product_id)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private static final String INSERT_AT_POSITION = """
            INSERT INTO order_history_view (event_id, order_id, event_type, occurred_at, username, description,
                product_id, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM order_history_view");
    }

    private void record(EventMessage<?> message, OrderId orderId, ProductId productId, String description) {
        Object username = message.getMetaData().get(USERNAME);
        Object[] row = {
            message.getIdentifier(),
            orderId.value(),
            message.getPayloadType().getSimpleName(),
            SqlTime.of(message.getTimestamp()),
            username == null ? null : username.toString(),
            description,
            productId == null ? null : productId.value()
        };
        OptionalLong logPosition = message instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position()
                : OptionalLong.empty();
        if (logPosition.isEmpty()) {
            insert(INSERT, row);
            return;
        }
        // in log order: the event's global position, not the order it reached this segment in (a transaction that
        // committed late delivers its event after later ones, and a replay would list them otherwise)
        Object[] positioned = Arrays.copyOf(row, row.length + 1);
        positioned[row.length] = logPosition.getAsLong();
        insert(INSERT_AT_POSITION, positioned);
    }

    private void insert(String sql, Object[] row) {
        BatchScope.within(this, BatchInserts::new, inserts -> inserts.write(jdbc), inserts -> inserts.add(sql, row));
    }
}
