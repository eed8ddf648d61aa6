package io.sourced.query.log.eventlog;

import java.util.HashSet;
import java.util.Set;
import java.util.function.LongPredicate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether a position is recorded in a table's {@code position} column, read a window at a time, downwards: the
 * question {@link LogPositions#inferred} asks, from the highest recorded position down to the gap an event filled.
 * Answers for one event; make a new one for the next.
 */
public final class RecordedPositions implements LongPredicate {

    private static final int WINDOW = 512;

    private final JdbcTemplate jdbc;
    private final String query;
    private final Set<Long> positions = new HashSet<>();
    private long lowestRead = Long.MAX_VALUE;

    /** @param table a table of this module with a {@code position} column (a constant, never input) */
    public RecordedPositions(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.query = "SELECT position FROM " + table + " WHERE position >= ? AND position < ?";
    }

    @Override
    public boolean test(long position) {
        while (position < lowestRead) {
            long to = Math.min(lowestRead, position + 1);
            long from = to - WINDOW;
            positions.addAll(jdbc.queryForList(query, Long.class, from, to));
            lowestRead = from;
        }
        return positions.contains(position);
    }
}
