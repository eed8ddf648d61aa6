package io.sourced.query.views.ordering;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLineView;
import io.sourced.api.ordering.OrderReturnView;
import io.sourced.api.ordering.OrderView;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.ReturnId;
import io.sourced.query.JdbcBatch;
import io.sourced.query.SqlTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Writes orders with their lines to {@code order_view} and {@code order_line_view}, and their returns to
 * {@code order_return_view} and {@code order_return_line_view}.
 */
final class OrderViewRows {

    /** An order's change from {@code previous} (null for a new order) to {@code next}. */
    record Change(OrderView previous, OrderView next) {}

    /** An order's line, numbered from 1. */
    private record Line(OrderId orderId, int lineNo, OrderLineView line) {}

    /** An order's return, numbered from 1. */
    private record Return(OrderId orderId, int returnNo, OrderReturnView value) {}

    /** A return's line, numbered from 1. */
    private record ReturnLine(ReturnId returnId, int lineNo, PricedLine line) {}

    private static final String INSERT_ORDER = """
            INSERT INTO order_view (order_id, customer_id, status, rejection_reason, total, placed_at, completed_at,
                refunded)
            VALUES (:orderId, :customerId, :status, :reason, :total, :placedAt, :completedAt, :refunded)""";
    private static final String UPDATE_ORDER = """
            UPDATE order_view SET status = :status, rejection_reason = :reason, total = :total,
                completed_at = :completedAt, refunded = :refunded, version = version + 1
            WHERE order_id = :orderId""";
    private static final String INSERT_LINE = """
            INSERT INTO order_line_view (order_id, product_id, line_no, quantity, unit_price, filled, returned,
                in_return)
            VALUES (:orderId, :productId, :lineNo, :quantity, :unitPrice, :filled, :returned, :returning)""";
    private static final String UPDATE_LINE_PRICE = """
            UPDATE order_line_view SET unit_price = :unitPrice, filled = :filled, returned = :returned,
                in_return = :returning
            WHERE order_id = :orderId AND product_id = :productId""";
    private static final String INSERT_RETURN = """
            INSERT INTO order_return_view (return_id, order_id, return_no, status, amount, reason, failure_reason,
                requested_at, ended_at)
            VALUES (:returnId, :orderId, :returnNo, :status, :amount, :reason, :failureReason, :requestedAt,
                :endedAt)""";
    private static final String UPDATE_RETURN = """
            UPDATE order_return_view SET status = :status, failure_reason = :failureReason, ended_at = :endedAt
            WHERE return_id = :returnId""";
    private static final String INSERT_RETURN_LINE = """
            INSERT INTO order_return_line_view (return_id, line_no, product_id, quantity, unit_price)
            VALUES (:returnId, :lineNo, :productId, :quantity, :unitPrice)""";

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
        JdbcBatch<Return> returnInserts = JdbcBatch.of(INSERT_RETURN, OrderViewRows::returnRow);
        JdbcBatch<Return> returnUpdates = JdbcBatch.of(UPDATE_RETURN, OrderViewRows::returnRow);
        JdbcBatch<ReturnLine> returnLineInserts = JdbcBatch.of(INSERT_RETURN_LINE, OrderViewRows::returnLineRow);
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
            List<OrderReturnView> before =
                    change.previous() == null ? List.of() : change.previous().returns();
            for (int i = 0; i < next.returns().size(); i++) {
                Return returned =
                        new Return(next.orderId(), i + 1, next.returns().get(i));
                if (i >= before.size()) {
                    returnInserts.add(returned);
                    List<PricedLine> lines = returned.value().lines();
                    for (int j = 0; j < lines.size(); j++) {
                        returnLineInserts.add(new ReturnLine(returned.value().returnId(), j + 1, lines.get(j)));
                    }
                } else if (!returned.value().equals(before.get(i))) {
                    returnUpdates.add(returned);
                }
            }
        }
        inserts.write(jdbc);
        updates.write(jdbc);
        lineInserts.write(jdbc);
        lineUpdates.write(jdbc);
        returnInserts.write(jdbc);
        returnUpdates.write(jdbc);
        returnLineInserts.write(jdbc);
    }

    void clear() {
        jdbc.getJdbcTemplate().update("DELETE FROM order_return_line_view");
        jdbc.getJdbcTemplate().update("DELETE FROM order_return_view");
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
                .addValue("completedAt", SqlTime.of(order.completedAt()))
                .addValue("refunded", order.refunded());
    }

    private static SqlParameterSource lineRow(Line line) {
        return new MapSqlParameterSource()
                .addValue("orderId", line.orderId().value())
                .addValue("productId", line.line().productId().value())
                .addValue("lineNo", line.lineNo())
                .addValue("quantity", line.line().quantity())
                .addValue("unitPrice", line.line().unitPrice())
                .addValue("filled", line.line().filled())
                .addValue("returned", line.line().returned())
                .addValue("returning", line.line().returning());
    }

    private static SqlParameterSource returnRow(Return returned) {
        OrderReturnView value = returned.value();
        return new MapSqlParameterSource()
                .addValue("returnId", value.returnId().value())
                .addValue("orderId", returned.orderId().value())
                .addValue("returnNo", returned.returnNo())
                .addValue("status", value.status().name())
                .addValue("amount", value.amount())
                .addValue("reason", value.reason())
                .addValue("failureReason", value.failureReason())
                .addValue("requestedAt", SqlTime.of(value.requestedAt()))
                .addValue("endedAt", SqlTime.of(value.endedAt()));
    }

    private static SqlParameterSource returnLineRow(ReturnLine line) {
        return new MapSqlParameterSource()
                .addValue("returnId", line.returnId().value())
                .addValue("lineNo", line.lineNo())
                .addValue("productId", line.line().productId().value())
                .addValue("quantity", line.line().quantity())
                .addValue("unitPrice", line.line().unitPrice());
    }
}
