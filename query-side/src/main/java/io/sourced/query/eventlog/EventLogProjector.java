package io.sourced.query.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.query.SqlTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code event_log_view}: every event of the log with what the audit trail and the trace look it up by
 * (aggregate, trace id, order, customer). Idempotent by event id, so a redelivered event is indexed once.
 * An event that fills a gap is indexed at its own position (see {@link LogPositions#inferred}); that needs every
 * event handled in log order by one segment, and none left out (errors propagate: see EventLogConfiguration).
 */
@Component
@ProcessingGroup(EventLogProjector.PROCESSING_GROUP)
class EventLogProjector {

    static final String PROCESSING_GROUP = "event-log";

    private final JdbcTemplate jdbc;
    private final EventMapper mapper;
    private final ObjectMapper json;

    EventLogProjector(JdbcTemplate jdbc, EventMapper mapper, ObjectMapper json) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.json = json;
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM event_log_view WHERE event_id = ?",
                Integer.class, message.getIdentifier());
        if (known != null && known > 0) {
            return;
        }
        Long highest = jdbc.queryForObject("SELECT MAX(position) FROM event_log_view", Long.class);
        long position = LogPositions.inferred(token, highest == null ? -1 : highest,
                new RecordedPositions(jdbc, "event_log_view"));
        Event event = mapper.toEvent(message, position);
        jdbc.update("""
                        INSERT INTO event_log_view (position, event_id, aggregate_type, aggregate_id, sequence, type,
                            revision, occurred_at, payload, metadata, trace_id, correlation_id, username, order_id,
                            customer_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.position(), event.eventId(), event.aggregateType(), event.aggregateId(), event.sequence(),
                event.type(), event.revision(), SqlTime.of(event.timestamp()), text(event.payload()),
                text(event.metadata()), field(event.metadata(), "traceId"), field(event.metadata(), "correlationId"),
                field(event.metadata(), "username"), field(event.payload(), "orderId"),
                field(event.payload(), "customerId"));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM event_log_view");
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
