package io.sourced.query.log.eventlog;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The log positions one processor batch gives its events in a table that records every event at its position
 * ({@code position} and {@code event_id} columns), before they are written: the events placed earlier in the batch
 * count as recorded. The highest recorded position is read once a batch, and an event is looked up by id only when it
 * is not beyond it (it fills a gap, or came before), instead of two queries for every event.
 */
public final class BatchPositions {

    private final JdbcTemplate jdbc;
    private final String table;
    private final Set<Long> positions = new HashSet<>();
    private final Set<String> eventIds = new HashSet<>();
    private long highest = Long.MIN_VALUE;

    /** @param table a table of this module with {@code position} and {@code event_id} columns (a constant, never input) */
    public BatchPositions(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** The event's position, or empty when the table or this batch holds the event already. */
    public OptionalLong place(String eventId, TrackingToken token) {
        if (highest == Long.MIN_VALUE) {
            Long recorded = jdbc.queryForObject("SELECT MAX(position) FROM " + table, Long.class);
            highest = recorded == null ? -1 : recorded;
        }
        if (!LogPositions.beyond(token, highest) && recorded(eventId)) {
            return OptionalLong.empty();
        }
        RecordedPositions stored = new RecordedPositions(jdbc, table);
        long position = LogPositions.inferred(
                token, highest, candidate -> positions.contains(candidate) || stored.test(candidate));
        positions.add(position);
        eventIds.add(eventId);
        highest = Math.max(highest, position);
        return OptionalLong.of(position);
    }

    private boolean recorded(String eventId) {
        if (eventIds.contains(eventId)) {
            return true;
        }
        Integer stored =
                jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE event_id = ?", Integer.class, eventId);
        return stored != null && stored > 0;
    }
}
