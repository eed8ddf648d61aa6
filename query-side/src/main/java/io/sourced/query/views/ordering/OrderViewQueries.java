package io.sourced.query.views.ordering;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.FindOrderQuery;
import io.sourced.api.ordering.FindOrdersQuery;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLineView;
import io.sourced.api.ordering.OrderPage;
import io.sourced.api.ordering.OrderReturnView;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.OrderView;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnStatus;
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
import java.util.function.Supplier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers order queries: orders with their lines and returns, out of {@code order_view}, {@code order_line_view},
 * {@code order_return_view} and {@code order_return_line_view}.
 *
 * <p>An order is read one statement per table, and the query bus runs its handlers in a transaction of the default
 * isolation, where each statement may see a later commit than the one before. An answer is still one state of each
 * order: the projector adds one to an order's version with every change it writes, and a read whose orders' versions
 * moved while it read them reads again.
 */
@Component
class OrderViewQueries {

    static final int MAX_PAGE_SIZE = 100;

    private static final String ORDER_COLUMNS =
            "order_id, customer_id, status, rejection_reason, total, placed_at, completed_at, refunded, version";

    private static final int IN_LIST = 1000;

    /** An order as its row was read, with the version the row had. */
    private record Row(OrderView order, long version) {}

    private final NamedParameterJdbcTemplate jdbc;

    OrderViewQueries(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Ask with {@code ResponseTypes.optionalInstanceOf(OrderView.class)}. */
    @QueryHandler
    Optional<OrderView> handle(FindOrderQuery query) {
        return find(query.orderId());
    }

    @QueryHandler
    OrderPage handle(FindOrdersQuery query) {
        if (query.page() < 0) {
            throw new IllegalArgumentException("page must be at least 0");
        }
        if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        return page(query.customerId(), query.status(), query.page(), query.size());
    }

    Optional<OrderView> find(OrderId orderId) {
        return consistent(() -> jdbc.query(
                        "SELECT " + ORDER_COLUMNS + " FROM order_view WHERE order_id = :orderId",
                        Map.of("orderId", orderId.value()),
                        OrderViewQueries::row))
                .stream()
                .findFirst();
    }

    /**
     * The orders stored among these, by id, as the projector's own transaction sees them: it is the only writer of
     * its orders, so nothing commits a change of them while it reads.
     */
    Map<OrderId, OrderView> stored(Collection<OrderId> orderIds) {
        Map<OrderId, OrderView> found = new HashMap<>();
        List<String> ids = orderIds.stream().map(OrderId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            withLines(jdbc.query(
                            "SELECT " + ORDER_COLUMNS + " FROM order_view WHERE order_id IN (:orderIds)",
                            Map.of("orderIds", ids.subList(from, Math.min(ids.size(), from + IN_LIST))),
                            OrderViewQueries::row))
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
        List<OrderView> items = consistent(() -> jdbc.query(
                "SELECT " + ORDER_COLUMNS + " FROM order_view" + where
                        + " ORDER BY placed_at DESC, order_id DESC LIMIT :limit OFFSET :offset",
                params,
                OrderViewQueries::row));
        return new OrderPage(items, page, size, total == null ? 0 : total);
    }

    /** The orders with their lines and returns, read again until no change of them committed while they were read. */
    private List<OrderView> consistent(Supplier<List<Row>> rows) {
        while (true) {
            List<Row> read = rows.get();
            List<OrderView> orders = withLines(read);
            if (read.isEmpty() || versionsOf(read).equals(versionsNow(read))) {
                return orders;
            }
        }
    }

    private static Map<String, Long> versionsOf(List<Row> rows) {
        Map<String, Long> versions = new HashMap<>();
        rows.forEach(row -> versions.put(row.order().orderId().value(), row.version()));
        return versions;
    }

    private Map<String, Long> versionsNow(List<Row> rows) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.query(
                "SELECT order_id, version FROM order_view WHERE order_id IN (:orderIds)",
                Map.of("orderIds", versionsOf(rows).keySet()),
                rs -> {
                    versions.put(rs.getString("order_id"), rs.getLong("version"));
                });
        return versions;
    }

    private List<OrderView> withLines(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<OrderView> orders = rows.stream().map(Row::order).toList();
        List<String> orderIds = orders.stream().map(o -> o.orderId().value()).toList();
        Map<String, List<OrderLineView>> lines = linesOf(orderIds);
        Map<String, List<OrderReturnView>> returns = returnsOf(orderIds);
        return orders.stream()
                .map(o -> new OrderView(
                        o.orderId(),
                        o.customerId(),
                        o.status(),
                        o.rejectionReason(),
                        List.copyOf(lines.getOrDefault(o.orderId().value(), List.of())),
                        o.total(),
                        o.placedAt(),
                        o.completedAt(),
                        o.refunded(),
                        returns.getOrDefault(o.orderId().value(), List.of())))
                .toList();
    }

    /** Each order's returns, oldest first, with their lines. */
    private Map<String, List<OrderReturnView>> returnsOf(Collection<String> orderIds) {
        Map<String, List<PricedLine>> lines = new HashMap<>();
        jdbc.query(
                "SELECT l.return_id, l.product_id, l.quantity, l.unit_price FROM order_return_line_view l"
                        + " JOIN order_return_view r ON r.return_id = l.return_id"
                        + " WHERE r.order_id IN (:orderIds) ORDER BY l.return_id, l.line_no",
                Map.of("orderIds", orderIds),
                rs -> {
                    lines.computeIfAbsent(rs.getString("return_id"), id -> new ArrayList<>())
                            .add(new PricedLine(
                                    ProductId.of(rs.getString("product_id")),
                                    rs.getInt("quantity"),
                                    rs.getBigDecimal("unit_price")));
                });
        Map<String, List<OrderReturnView>> returns = new LinkedHashMap<>();
        jdbc.query(
                "SELECT return_id, order_id, status, amount, reason, failure_reason, requested_at, ended_at"
                        + " FROM order_return_view WHERE order_id IN (:orderIds) ORDER BY order_id, return_no",
                Map.of("orderIds", orderIds),
                rs -> {
                    String returnId = rs.getString("return_id");
                    returns.computeIfAbsent(rs.getString("order_id"), id -> new ArrayList<>())
                            .add(new OrderReturnView(
                                    ReturnId.of(returnId),
                                    ReturnStatus.valueOf(rs.getString("status")),
                                    lines.getOrDefault(returnId, List.of()),
                                    rs.getBigDecimal("amount"),
                                    rs.getString("reason"),
                                    rs.getString("failure_reason"),
                                    SqlTime.instant(rs, "requested_at"),
                                    SqlTime.instant(rs, "ended_at")));
                });
        return returns;
    }

    private Map<String, List<OrderLineView>> linesOf(Collection<String> orderIds) {
        Map<String, List<OrderLineView>> lines = new LinkedHashMap<>();
        jdbc.query(
                "SELECT order_id, product_id, quantity, unit_price, filled, returned, in_return FROM order_line_view"
                        + " WHERE order_id IN (:orderIds) ORDER BY order_id, line_no",
                Map.of("orderIds", orderIds),
                rs -> {
                    lines.computeIfAbsent(rs.getString("order_id"), id -> new ArrayList<>())
                            .add(new OrderLineView(
                                    ProductId.of(rs.getString("product_id")),
                                    rs.getInt("quantity"),
                                    rs.getBigDecimal("unit_price"),
                                    rs.getObject("filled", Integer.class),
                                    rs.getInt("returned"),
                                    rs.getInt("in_return")));
                });
        return lines;
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        String reason = rs.getString("rejection_reason");
        OrderView order = new OrderView(
                OrderId.of(rs.getString("order_id")),
                CustomerId.of(rs.getString("customer_id")),
                OrderStatus.valueOf(rs.getString("status")),
                reason == null ? null : RejectionReason.valueOf(reason),
                List.of(),
                rs.getBigDecimal("total"),
                SqlTime.instant(rs, "placed_at"),
                SqlTime.instant(rs, "completed_at"),
                rs.getBigDecimal("refunded"),
                List.of());
        return new Row(order, rs.getLong("version"));
    }
}
