package io.sourced.query.views.ordering;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.JdbcBatch;
import io.sourced.query.SqlTime;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** Writes {@code order_history_view}. */
final class OrderHistoryRows {

    /**
     * One event's line of an order's history.
     *
     * @param productId null when the event concerns no product
     * @param position  the event's position in the log; null when delivered untracked (the table numbers it)
     */
    record Entry(
            String eventId,
            OrderId orderId,
            String eventType,
            Instant occurredAt,
            String username,
            String description,
            ProductId productId,
            Long position) {}

    /** Idempotent by event id: an event delivered again (a retried dead letter) is recorded once. */
    private static final String INSERT = """
            INSERT INTO order_history_view (event_id, order_id, event_type, occurred_at, username, description,
                product_id)
            VALUES (:eventId, :orderId, :eventType, :occurredAt, :username, :description, :productId)
            ON CONFLICT DO NOTHING""";

    private static final String INSERT_AT_POSITION = """
            INSERT INTO order_history_view (event_id, order_id, event_type, occurred_at, username, description,
                product_id, position)
            VALUES (:eventId, :orderId, :eventType, :occurredAt, :username, :description, :productId, :position)
            ON CONFLICT DO NOTHING""";

    private final NamedParameterJdbcTemplate jdbc;

    OrderHistoryRows(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** One JDBC batch for the entries with a position, one for those without. */
    void insert(List<Entry> entries) {
        JdbcBatch<Entry> positioned = JdbcBatch.of(INSERT_AT_POSITION, OrderHistoryRows::row);
        JdbcBatch<Entry> unpositioned = JdbcBatch.of(INSERT, OrderHistoryRows::row);
        entries.forEach(entry -> (entry.position() == null ? unpositioned : positioned).add(entry));
        positioned.write(jdbc);
        unpositioned.write(jdbc);
    }

    void clear() {
        jdbc.getJdbcTemplate().update("DELETE FROM order_history_view");
    }

    private static SqlParameterSource row(Entry entry) {
        return new MapSqlParameterSource()
                .addValue("eventId", entry.eventId())
                .addValue("orderId", entry.orderId().value())
                .addValue("eventType", entry.eventType())
                .addValue("occurredAt", SqlTime.of(entry.occurredAt()))
                .addValue("username", entry.username())
                .addValue("description", entry.description())
                .addValue(
                        "productId",
                        entry.productId() == null ? null : entry.productId().value())
                .addValue("position", entry.position());
    }
}
