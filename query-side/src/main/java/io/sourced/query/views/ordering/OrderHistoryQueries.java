package io.sourced.query.views.ordering;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.FindOrderHistoryQuery;
import io.sourced.api.ordering.OrderHistoryEntry;
import io.sourced.query.SqlTime;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class OrderHistoryQueries {

    private final JdbcTemplate jdbc;

    OrderHistoryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<OrderHistoryEntry> handle(FindOrderHistoryQuery query) {
        return jdbc.query(
                """
                        SELECT event_type, occurred_at, username, description, product_id FROM order_history_view
                        WHERE order_id = ? ORDER BY position""",
                (rs, i) -> new OrderHistoryEntry(
                        rs.getString("event_type"),
                        SqlTime.instant(rs, "occurred_at"),
                        rs.getString("username"),
                        rs.getString("description"),
                        rs.getString("product_id") == null ? null : ProductId.of(rs.getString("product_id"))),
                query.orderId().value());
    }
}
