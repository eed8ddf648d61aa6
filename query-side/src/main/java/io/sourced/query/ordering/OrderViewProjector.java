package io.sourced.query.ordering;

import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.FindOrderQuery;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.query.SqlTime;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code order_view} and {@code order_line_view} and tells subscribers of each order's changes. */
@Component
@ProcessingGroup(OrderViewProjector.PROCESSING_GROUP)
class OrderViewProjector {

    static final String PROCESSING_GROUP = "orders-view";

    private final JdbcTemplate jdbc;
    private final OrderViewRows rows;
    private final QueryUpdateEmitter updateEmitter;

    OrderViewProjector(JdbcTemplate jdbc, QueryUpdateEmitter updateEmitter) {
        this.jdbc = jdbc;
        this.rows = new OrderViewRows(jdbc);
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    void on(OrderPlacedEvent event, @Timestamp Instant placedAt) {
        String orderId = event.orderId().value();
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM order_view WHERE order_id = ?", Integer.class,
                orderId);
        if (known != null && known > 0) {
            return;
        }
        jdbc.update("INSERT INTO order_view (order_id, customer_id, status, placed_at) VALUES (?, ?, ?, ?)",
                orderId, event.customerId().value(), OrderStatus.PENDING.name(), SqlTime.of(placedAt));
        List<OrderLine> lines = event.lines();
        for (int i = 0; i < lines.size(); i++) {
            jdbc.update("INSERT INTO order_line_view (order_id, product_id, line_no, quantity) VALUES (?, ?, ?, ?)",
                    orderId, lines.get(i).productId().value(), i + 1, lines.get(i).quantity());
        }
        emitUpdate(event.orderId());
    }

    @EventHandler
    void on(StockReservedEvent event) {
        String orderId = event.orderId().value();
        int priced = jdbc.update("UPDATE order_line_view SET unit_price = ? WHERE order_id = ? AND product_id = ?",
                event.unitPrice(), orderId, event.productId().value());
        if (priced == 0) {
            return;
        }
        jdbc.update("""
                UPDATE order_view SET total = (
                    SELECT SUM(l.quantity * l.unit_price) FROM order_line_view l WHERE l.order_id = ?)
                WHERE order_id = ? AND status = ?
                  AND NOT EXISTS (SELECT 1 FROM order_line_view n WHERE n.order_id = ? AND n.unit_price IS NULL)
                """, orderId, orderId, OrderStatus.PENDING.name(), orderId);
        emitUpdate(event.orderId());
    }

    @EventHandler
    void on(OrderAcceptedEvent event, @Timestamp Instant acceptedAt) {
        jdbc.update("""
                UPDATE order_view SET status = ?, rejection_reason = NULL, total = ?, completed_at = ?
                WHERE order_id = ?
                """, OrderStatus.ACCEPTED.name(), event.total(), SqlTime.of(acceptedAt), event.orderId().value());
        emitUpdate(event.orderId());
    }

    @EventHandler
    void on(OrderRejectedEvent event, @Timestamp Instant rejectedAt) {
        complete(event.orderId(), OrderStatus.REJECTED, event.reason().name(), rejectedAt);
        emitUpdate(event.orderId());
    }

    @EventHandler
    void on(OrderCancelledEvent event, @Timestamp Instant cancelledAt) {
        complete(event.orderId(), OrderStatus.CANCELLED, null, cancelledAt);
        emitUpdate(event.orderId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM order_line_view");
        jdbc.update("DELETE FROM order_view");
    }

    private void complete(OrderId orderId, OrderStatus status, String rejectionReason, Instant at) {
        jdbc.update("UPDATE order_view SET status = ?, rejection_reason = ?, completed_at = ? WHERE order_id = ?",
                status.name(), rejectionReason, SqlTime.of(at), orderId.value());
    }

    /** Subscribers get the row as it is now (sent once the event's transaction commits). */
    private void emitUpdate(OrderId orderId) {
        rows.find(orderId).ifPresent(view ->
                updateEmitter.emit(FindOrderQuery.class, query -> orderId.equals(query.orderId()), view));
    }
}
