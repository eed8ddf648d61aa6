package io.sourced.query.log.lake;

import io.sourced.query.log.eventlog.BatchPositions;
import io.sourced.query.log.eventlog.Event;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the lake holds, in the database ({@code lake_event}, {@code lake_file}): written in the processor's
 * transaction, so it commits with the token or not at all.
 */
class LakeLedger {

    /** A file of the lake: its name relative to the lake and the events it holds. */
    record LakeFile(String name, long firstPosition, long lastPosition, int eventCount) {}

    private final JdbcTemplate jdbc;

    LakeLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The positions of a batch's events, read against {@code lake_event}. */
    BatchPositions positions() {
        return new BatchPositions(jdbc, "lake_event");
    }

    void recordEvents(List<Event> events) {
        jdbc.batchUpdate(
                "INSERT INTO lake_event (position, event_id) VALUES (?, ?)",
                events.stream()
                        .map(event -> new Object[] {event.position(), event.eventId()})
                        .toList());
    }

    void recordFile(LakeFile file) {
        jdbc.update(
                "INSERT INTO lake_file (file_name, first_position, last_position, event_count) VALUES (?, ?, ?, ?)",
                file.name(),
                file.firstPosition(),
                file.lastPosition(),
                file.eventCount());
    }

    Set<String> fileNames() {
        return new HashSet<>(jdbc.queryForList("SELECT file_name FROM lake_file", String.class));
    }

    List<LakeFile> files() {
        return jdbc.query(
                "SELECT file_name, first_position, last_position, event_count FROM lake_file ORDER BY file_name",
                (rs, i) -> new LakeFile(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)));
    }

    void clear() {
        jdbc.update("DELETE FROM lake_file");
        jdbc.update("DELETE FROM lake_event");
    }
}
