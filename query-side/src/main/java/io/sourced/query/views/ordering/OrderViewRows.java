package io.sourced.query.views.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLineView;
import io.sourced.api.ordering.OrderPage;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.OrderView;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.query.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Reads orders with their lines out of {@code order_view} and {@code order_line_view}. */
final class OrderViewRows {

    private static final String ORDER_COLUMNS =
            "order_id, customer_id, status, rejection_reason, total, placed_at, completed_at";

    private static final int IN_LIST = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    OrderViewRows(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    Optional<OrderView> find(OrderId orderId) {
        List<OrderView> found = withLines(jdbc.query(
                "SELECT " + ORDER_COLUMNS + " FROM order_view WHERE order_id = :orderId",
                Map.of("orderId", orderId.value()),
                OrderViewRows::order));
        return found.stream().findFirst();
    }

    /** The orders stored among these, by id. */
    Map<OrderId, OrderView> findAll(Collection<OrderId> orderIds) {
        Map<OrderId, OrderView> found = new HashMap<>();
        List<String> ids = orderIds.stream().map(OrderId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            withLines(jdbc.query(
                            "SELECT " + ORDER_COLUMNS + " FROM order_view WHERE order_id IN (:orderIds)",
                            Map.of("orderIds", ids.subList(from, Math.min(ids.size(), from + IN_LIST))),
                            OrderViewRows::order))
                    .forEach(order -> found.put(order.orderId(), order));
        }
        return found;
    }

    /** Newest first; a null customer or status matches every order. */
    OrderPage page(CustomerId customerId, OrderStatus status, int page, int size) {
        MapSqlParameterSource params =
                new MapSqlParameterSource().addValue("limit", size).addValue("offset", (long) page * size);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (customerId != null) {
            where.append(" AND customer_id = :customerId");
            params.addValue("customerId", customerId.value());
        }
        if (status != null) {
            where.append(" AND status = :status");
            params.addValue("status", status.name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM order_view" + where, params, Long.class);
        List<OrderView> items = withLines(jdbc.query(
                "SELECT " + ORDER_COLUMNS + " FROM order_view" + where
                        + " ORDER BY placed_at DESC, order_id DESC LIMIT :limit OFFSET :offset",
                params,
                OrderViewRows::order));
        return new OrderPage(items, page, size, total == null ? 0 : total);
    }

    private List<OrderView> withLines(List<OrderView> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<String, List<OrderLineView>> lines =
                linesOf(orders.stream().map(o -> o.orderId().value()).toList());
        return orders.stream()
                .map(o -> new OrderView(
                        o.orderId(),
                        o.customerId(),
                        o.status(),
                        o.rejectionReason(),
                        List.copyOf(lines.getOrDefault(o.orderId().value(), List.of())),
                        o.total(),
                        o.placedAt(),
                        o.completedAt()))
                .toList();
    }

    private Map<String, List<OrderLineView>> linesOf(Collection<String> orderIds) {
        Map<String, List<OrderLineView>> lines = new LinkedHashMap<>();
        jdbc.query(
                "SELECT order_id, product_id, quantity, unit_price FROM order_line_view"
                        + " WHERE order_id IN (:orderIds) ORDER BY order_id, line_no",
                Map.of("orderIds", orderIds),
                rs -> {
                    lines.computeIfAbsent(rs.getString("order_id"), id -> new ArrayList<>())
                            .add(new OrderLineView(
                                    ProductId.of(rs.getString("product_id")),
                                    rs.getInt("quantity"),
                                    rs.getBigDecimal("unit_price")));
                });
        return lines;
    }

    /** An order's change from {@code previous} (null for a new order) to {@code next}. */
    record Change(OrderView previous, OrderView next) {}

    /** Writes the changes, one JDBC batch per statement. */
    void save(List<Change> changes) {
        List<Map<String, Object>> inserts = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        List<Map<String, Object>> lineInserts = new ArrayList<>();
        List<Map<String, Object>> lineUpdates = new ArrayList<>();
        for (Change change : changes) {
            OrderView next = change.next();
            (change.previous() == null ? inserts : updates).add(orderRow(next));
            for (int i = 0; i < next.lines().size(); i++) {
                OrderLineView line = next.lines().get(i);
                if (change.previous() == null) {
                    lineInserts.add(lineRow(next, i, line));
                } else if (!line.equals(change.previous().lines().get(i))) {
                    lineUpdates.add(lineRow(next, i, line));
                }
            }
        }
        batch("""
                INSERT INTO order_view (order_id, customer_id, status, rejection_reason, total, placed_at, completed_at)
                VALUES (:orderId, :customerId, :status, :reason, :total, :placedAt, :completedAt)""", inserts);
        batch("""
                UPDATE order_view SET status = :status, rejection_reason = :reason, total = :total,
                    completed_at = :completedAt
                WHERE order_id = :orderId""", updates);
        batch("""
                INSERT INTO order_line_view (order_id, product_id, line_no, quantity, unit_price)
                VALUES (:orderId, :productId, :lineNo, :quantity, :unitPrice)""", lineInserts);
        batch("""
                UPDATE order_line_view SET unit_price = :unitPrice
                WHERE order_id = :orderId AND product_id = :productId""", lineUpdates);
    }

    private void batch(String sql, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.stream().map(MapSqlParameterSource::new).toArray(MapSqlParameterSource[]::new));
        }
    }

    private static Map<String, Object> orderRow(OrderView next) {
        Map<String, Object> order = new HashMap<>();
        order.put("orderId", next.orderId().value());
        order.put("customerId", next.customerId().value());
        order.put("status", next.status().name());
        order.put(
                "reason",
                next.rejectionReason() == null ? null : next.rejectionReason().name());
        order.put("total", next.total());
        order.put("placedAt", SqlTime.of(next.placedAt()));
        order.put("completedAt", SqlTime.of(next.completedAt()));
        return order;
    }

    private static Map<String, Object> lineRow(OrderView order, int index, OrderLineView line) {
        Map<String, Object> row = new HashMap<>();
        row.put("orderId", order.orderId().value());
        row.put("productId", line.productId().value());
        row.put("lineNo", index + 1);
        row.put("quantity", line.quantity());
        row.put("unitPrice", line.unitPrice());
        return row;
    }

    private static OrderView order(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("rejection_reason");
        return new OrderView(
                OrderId.of(rs.getString("order_id")),
                CustomerId.of(rs.getString("customer_id")),
                OrderStatus.valueOf(rs.getString("status")),
                reason == null ? null : RejectionReason.valueOf(reason),
                List.of(),
                rs.getBigDecimal("total"),
                SqlTime.instant(rs, "placed_at"),
                SqlTime.instant(rs, "completed_at"));
    }
}
