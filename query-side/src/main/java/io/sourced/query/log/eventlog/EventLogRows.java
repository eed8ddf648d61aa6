package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.query.JdbcBatch;
import io.sourced.query.SqlTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Writes {@code event_log_view}: each event with what the audit trail and the trace look it up by (aggregate, trace
 * id, order, customer).
 */
final class EventLogRows {

    private static final String TABLE = "event_log_view";
    private static final String INSERT = """
            INSERT INTO event_log_view (position, event_id, aggregate_type, aggregate_id, sequence, type, revision,
                occurred_at, payload, metadata, trace_id, correlation_id, username, order_id, customer_id)
            VALUES (:position, :eventId, :aggregateType, :aggregateId, :sequence, :type, :revision,
                :occurredAt, :payload, :metadata, :traceId, :correlationId, :username, :orderId, :customerId)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    EventLogRows(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
    }

    /** The positions of a batch's events, read against the log. */
    BatchPositions positions() {
        return new BatchPositions(jdbc.getJdbcTemplate(), TABLE);
    }

    /** One JDBC batch. */
    void insert(List<Event> events) {
        JdbcBatch.of(INSERT, this::row).addAll(events).write(jdbc);
    }

    void clear() {
        jdbc.getJdbcTemplate().update("DELETE FROM " + TABLE);
    }

    private SqlParameterSource row(Event event) {
        return new MapSqlParameterSource()
                .addValue("position", event.position())
                .addValue("eventId", event.eventId())
                .addValue("aggregateType", event.aggregateType())
                .addValue("aggregateId", event.aggregateId())
                .addValue("sequence", event.sequence())
                .addValue("type", event.type())
                .addValue("revision", event.revision())
                .addValue("occurredAt", SqlTime.of(event.timestamp()))
                .addValue("payload", text(event.payload()))
                .addValue("metadata", text(event.metadata()))
                .addValue("traceId", field(event.metadata(), "traceId"))
                .addValue("correlationId", field(event.metadata(), "correlationId"))
                .addValue("username", field(event.metadata(), "username"))
                .addValue("orderId", field(event.payload(), "orderId"))
                .addValue("customerId", field(event.payload(), "customerId"));
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an event as JSON", e);
        }
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
