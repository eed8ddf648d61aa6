package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.finance.CustomerScoped;
import io.sourced.api.ordering.OrderScoped;
import io.sourced.query.JdbcBatch;
import io.sourced.query.SqlTime;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
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

    /** @param json the REST layer's JSON, as {@link EventMapper#exact} makes it */
    EventLogRows(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
    }

    /** An event to index, at its log position. */
    record Placed(long position, EventMessage<?> message) {}

    /** The positions of a batch's events, read against the log. */
    BatchPositions positions() {
        return new BatchPositions(jdbc.getJdbcTemplate(), TABLE);
    }

    /** One JDBC batch. */
    void insert(List<Placed> events) {
        JdbcBatch.of(INSERT, this::row).addAll(events).write(jdbc);
    }

    void clear() {
        jdbc.getJdbcTemplate().update("DELETE FROM " + TABLE);
    }

    /**
     * The row of an event as the API gives it away ({@link EventMapper#toEvent}), its payload and metadata written
     * straight to JSON text rather than through a JSON tree; what the index is looked up by comes from the scope the
     * payload declares and from the metadata.
     */
    private SqlParameterSource row(Placed placed) {
        EventMessage<?> message = placed.message();
        Object payload = message.getPayload();
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("position", placed.position())
                .addValue("eventId", message.getIdentifier())
                .addValue("aggregateType", null)
                .addValue("aggregateId", null)
                .addValue("sequence", null)
                .addValue("type", message.getPayloadType().getSimpleName())
                .addValue("revision", EventMapper.revisionOf(message.getPayloadType()))
                .addValue("occurredAt", SqlTime.of(message.getTimestamp()))
                .addValue("payload", text(payload))
                .addValue("metadata", text(message.getMetaData()))
                .addValue("traceId", metadata(message, "traceId"))
                .addValue("correlationId", metadata(message, "correlationId"))
                .addValue("username", metadata(message, "username"))
                .addValue(
                        "orderId",
                        payload instanceof OrderScoped order ? order.orderId().value() : null)
                .addValue(
                        "customerId",
                        payload instanceof CustomerScoped customer
                                ? customer.customerId().value()
                                : null);
        if (message instanceof DomainEventMessage<?> domain) {
            row.addValue("aggregateType", domain.getType())
                    .addValue("aggregateId", domain.getAggregateIdentifier())
                    .addValue("sequence", domain.getSequenceNumber());
        }
        return row;
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an event as JSON", e);
        }
    }

    private static String metadata(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? String.valueOf(value)
                : null;
    }
}
