package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.query.BatchScope;
import io.sourced.query.SqlTime;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code event_log_view}: every event of the log with what the audit trail and the trace look it up by
 * (aggregate, trace id, order, customer), a processor batch's events inserted together. Idempotent by event id, so a
 * redelivered event is indexed once.
 * An event that fills a gap is indexed at its own position (see {@link LogPositions#inferred}); that needs every
 * event handled in log order by one segment, and none left out (errors propagate: see EventLogConfiguration).
 */
@Component
@ProcessingGroup(EventLogProjector.PROCESSING_GROUP)
class EventLogProjector {

    static final String PROCESSING_GROUP = "event-log";
    private static final String INSERT = """
            INSERT INTO event_log_view (position, event_id, aggregate_type, aggregate_id, sequence, type, revision,
                occurred_at, payload, metadata, trace_id, correlation_id, username, order_id, customer_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

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
        BatchScope.within(this, Batch::new, Batch::write, batch -> batch.index(message, token));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM event_log_view");
    }

    /** The events of one processor batch, inserted together. */
    private final class Batch {

        private final BatchPositions positions = new BatchPositions(jdbc, "event_log_view");
        private final List<Object[]> rows = new ArrayList<>();

        void index(EventMessage<?> message, TrackingToken token) {
            positions.place(message.getIdentifier(), token).ifPresent(position -> {
                Event event = mapper.toEvent(message, position);
                rows.add(new Object[] {
                    event.position(),
                    event.eventId(),
                    event.aggregateType(),
                    event.aggregateId(),
                    event.sequence(),
                    event.type(),
                    event.revision(),
                    SqlTime.of(event.timestamp()),
                    text(event.payload()),
                    text(event.metadata()),
                    field(event.metadata(), "traceId"),
                    field(event.metadata(), "correlationId"),
                    field(event.metadata(), "username"),
                    field(event.payload(), "orderId"),
                    field(event.payload(), "customerId")
                });
            });
        }

        void write() {
            jdbc.batchUpdate(INSERT, rows);
        }
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
