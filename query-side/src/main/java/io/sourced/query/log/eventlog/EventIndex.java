package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.query.SqlTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads {@code event_log_view}: an aggregate's history, an order's placement, a trace. */
@Component
class EventIndex {

    /** An indexed event with the customer its payload names, if any. */
    record Indexed(Event event, String customerId) {}

    /** Where an order's story starts: the trace its events share, and whose order it is. */
    record Placement(String traceId, String customerId) {}

    private static final String COLUMNS = """
            position, event_id, aggregate_type, aggregate_id, sequence, type, revision, occurred_at, payload,
            metadata, customer_id""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    EventIndex(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = EventMapper.exact(json);
    }

    List<Indexed> ofAggregate(String aggregateId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM event_log_view WHERE aggregate_id = ? ORDER BY sequence",
                indexed(),
                aggregateId);
    }

    Optional<Placement> placementOf(String orderId) {
        return jdbc
                .query("""
                        SELECT trace_id, customer_id FROM event_log_view
                        WHERE order_id = ? AND type = 'OrderPlacedEvent' ORDER BY position""", (rs, i) -> new Placement(rs.getString("trace_id"), rs.getString("customer_id")), orderId)
                .stream()
                .findFirst();
    }

    List<Event> traced(String traceId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM event_log_view WHERE trace_id = ? ORDER BY position",
                        indexed(),
                        traceId)
                .stream()
                .map(Indexed::event)
                .toList();
    }

    private RowMapper<Indexed> indexed() {
        return (rs, i) -> new Indexed(
                new Event(
                        rs.getLong("position"),
                        rs.getString("event_id"),
                        rs.getString("aggregate_type"),
                        rs.getString("aggregate_id"),
                        rs.getObject("sequence", Long.class),
                        rs.getString("type"),
                        rs.getString("revision"),
                        SqlTime.instant(rs, "occurred_at"),
                        tree(rs.getString("payload")),
                        tree(rs.getString("metadata"))),
                rs.getString("customer_id"));
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An indexed event is not JSON", e);
        }
    }
}
