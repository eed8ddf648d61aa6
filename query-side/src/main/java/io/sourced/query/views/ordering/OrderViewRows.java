package io.sourced.query.views.ordering;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLineView;
import io.sourced.api.ordering.OrderView;
import io.sourced.query.JdbcBatch;
import io.sourced.query.SqlTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** Writes orders with their lines to {@code order_view} and {@code order_line_view}. */
final class OrderViewRows {

    /** An order's change from {@code previous} (null for a new order) to {@code next}. */
    record Change(OrderView previous, OrderView next) {}

    /** An order's line, numbered from 1. */
    private record Line(OrderId orderId, int lineNo, OrderLineView line) {}

    private static final String INSERT_ORDER = """
            INSERT INTO order_view (order_id, customer_id, status, rejection_reason, total, placed_at, completed_at)
            VALUES (:orderId, :customerId, :status, :reason, :total, :placedAt, :completedAt)""";
    private static final String UPDATE_ORDER = """
            UPDATE order_view SET status = :status, rejection_reason = :reason, total = :total,
                completed_at = :completedAt
            WHERE order_id = :orderId""";
    private static final String INSERT_LINE = """
            INSERT INTO order_line_view (order_id, product_id, line_no, quantity, unit_price, filled)
            VALUES (:orderId, :productId, :lineNo, :quantity, :unitPrice, :filled)""";
    private static final String UPDATE_LINE_PRICE = """
            UPDATE order_line_view SET unit_price = :unitPrice, filled = :filled
            WHERE order_id = :orderId AND product_id = :productId""";

    private final NamedParameterJdbcTemplate jdbc;

    OrderViewRows(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Writes the changes, one JDBC batch per statement. */
    void save(List<Change> changes) {
        JdbcBatch<OrderView> inserts = JdbcBatch.of(INSERT_ORDER, OrderViewRows::orderRow);
        JdbcBatch<OrderView> updates = JdbcBatch.of(UPDATE_ORDER, OrderViewRows::orderRow);
        JdbcBatch<Line> lineInserts = JdbcBatch.of(INSERT_LINE, OrderViewRows::lineRow);
        JdbcBatch<Line> lineUpdates = JdbcBatch.of(UPDATE_LINE_PRICE, OrderViewRows::lineRow);
        for (Change change : changes) {
            OrderView next = change.next();
            (change.previous() == null ? inserts : updates).add(next);
            for (int i = 0; i < next.lines().size(); i++) {
                Line line = new Line(next.orderId(), i + 1, next.lines().get(i));
                if (change.previous() == null) {
                    lineInserts.add(line);
                } else if (!line.line().equals(change.previous().lines().get(i))) {
                    lineUpdates.add(line);
                }
            }
        }
        inserts.write(jdbc);
        updates.write(jdbc);
        lineInserts.write(jdbc);
        lineUpdates.write(jdbc);
    }

    void clear() {
        jdbc.getJdbcTemplate().update("DELETE FROM order_line_view");
        jdbc.getJdbcTemplate().update("DELETE FROM order_view");
    }

    private static SqlParameterSource orderRow(OrderView order) {
        return new MapSqlParameterSource()
                .addValue("orderId", order.orderId().value())
                .addValue("customerId", order.customerId().value())
                .addValue("status", order.status().name())
                .addValue(
                        "reason",
                        order.rejectionReason() == null
                                ? null
                                : order.rejectionReason().name())
                .addValue("total", order.total())
                .addValue("placedAt", SqlTime.of(order.placedAt()))
                .addValue("completedAt", SqlTime.of(order.completedAt()));
    }

    private static SqlParameterSource lineRow(Line line) {
        return new MapSqlParameterSource()
                .addValue("orderId", line.orderId().value())
                .addValue("productId", line.line().productId().value())
                .addValue("lineNo", line.lineNo())
                .addValue("quantity", line.line().quantity())
                .addValue("unitPrice", line.line().unitPrice())
                .addValue("filled", line.line().filled());
    }
}
