package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.query.SqlTime;
import java.time.Instant;
import java.util.Collections;
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

    /** Before and after any event's timestamp, and within what both databases' timestamps hold. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    EventIndex(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = EventMapper.exact(json);
    }

    /** The aggregate's first event: whose the aggregate is, if anyone's. */
    Optional<Indexed> firstOf(String aggregateId) {
        return ofAggregate(aggregateId, -1, 1).stream().findFirst();
    }

    /** At most {@code limit} of the aggregate's events after sequence number {@code after}, oldest first. */
    List<Indexed> ofAggregate(String aggregateId, long after, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM event_log_view WHERE aggregate_id = ? AND sequence > ? ORDER BY sequence"
                        + " LIMIT ?",
                indexed(),
                aggregateId,
                after,
                limit);
    }

    /**
     * The aggregate's latest {@code limit} events below sequence number {@code before} (null: any) recorded up to
     * {@code until} (null: whenever), oldest first.
     */
    List<Indexed> latestOf(String aggregateId, Long before, Instant until, int limit) {
        if (until != null && until.isBefore(EARLIEST)) {
            return List.of();
        }
        List<Indexed> events = jdbc.query(
                "SELECT " + COLUMNS
                        + " FROM event_log_view WHERE aggregate_id = ? AND sequence < ? AND occurred_at <= ?"
                        + " ORDER BY sequence DESC LIMIT ?",
                indexed(),
                aggregateId,
                before == null ? Long.MAX_VALUE : before,
                SqlTime.of(until == null ? LATEST : until.isAfter(LATEST) ? LATEST : until),
                limit);
        Collections.reverse(events);
        return events;
    }

    Optional<Placement> placementOf(String orderId) {
        return jdbc
                .query("""
                        SELECT trace_id, customer_id FROM event_log_view
                        WHERE order_id = ? AND type = 'OrderPlacedEvent' ORDER BY position""", (rs, i) -> new Placement(rs.getString("trace_id"), rs.getString("customer_id")), orderId)
                .stream()
                .findFirst();
    }

    /**
     * Every event of the order's traces, in log order: the trace of its placement (the workflow's steps carry it) and
     * the trace of each of its returns (a request of its own, whose workflow's steps carry that one).
     */
    List<Event> traceOf(String orderId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS
                                + " FROM event_log_view WHERE trace_id IN (SELECT trace_id FROM event_log_view"
                                + " WHERE order_id = ? AND type IN ('OrderPlacedEvent', 'ReturnRequestedEvent'))"
                                + " ORDER BY position",
                        indexed(),
                        orderId)
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
