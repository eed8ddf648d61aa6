package io.sourced.query.log.lake;

import io.sourced.query.JdbcBatch;
import io.sourced.query.log.eventlog.BatchPositions;
import io.sourced.query.log.eventlog.Event;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the lake holds, in the database ({@code lake_event}, {@code lake_file}): written in the processor's
 * transaction, so it commits with the token or not at all. The lake's shared state ({@code lake_folder}) is locked
 * by every batch and every reconciliation ({@link #lock}): while a transaction holds it, no other can record a file,
 * so what the ledger says of a staged file is its fate.
 */
class LakeLedger {

    /** A file of the lake: its name relative to the lake and the events it holds. */
    record LakeFile(String name, long firstPosition, long lastPosition, int eventCount) {}

    /**
     * The lake's shared state.
     *
     * @param folderId the id in the marker of the lake's folder; empty until a replica has checked its folder
     * @param writer   the processor instance that last made the folder agree with the ledger; empty after a replay
     */
    record State(Optional<String> folderId, Optional<String> writer) {}

    private static final int NAMES_PER_QUERY = 100;

    private final JdbcTemplate jdbc;

    LakeLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the lake's shared state until the current transaction ends (waiting for the one holding it), and reads it. */
    State lock() {
        return jdbc.queryForObject(
                "SELECT folder_id, writer FROM lake_folder WHERE id = 1 FOR UPDATE",
                (rs, i) -> new State(Optional.ofNullable(rs.getString(1)), Optional.ofNullable(rs.getString(2))));
    }

    void recordFolder(String folderId) {
        jdbc.update("UPDATE lake_folder SET folder_id = ? WHERE id = 1", folderId);
    }

    void recordWriter(String writer) {
        jdbc.update("UPDATE lake_folder SET writer = ? WHERE id = 1", writer);
    }

    /** The positions of a batch's events, read against {@code lake_event}. */
    BatchPositions positions() {
        return new BatchPositions(jdbc, "lake_event");
    }

    void recordEvents(List<Event> events) {
        JdbcBatch.of(
                        "INSERT INTO lake_event (position, event_id) VALUES (:position, :eventId)",
                        (Event event) -> new MapSqlParameterSource()
                                .addValue("position", event.position())
                                .addValue("eventId", event.eventId()))
                .addAll(events)
                .write(new NamedParameterJdbcTemplate(jdbc));
    }

    void recordFile(LakeFile file) {
        jdbc.update(
                "INSERT INTO lake_file (file_name, first_position, last_position, event_count) VALUES (?, ?, ?, ?)",
                file.name(),
                file.firstPosition(),
                file.lastPosition(),
                file.eventCount());
    }

    /** Which of these files are recorded. */
    Set<String> recorded(Collection<String> files) {
        List<String> names = List.copyOf(files);
        Set<String> recorded = new HashSet<>();
        for (int from = 0; from < names.size(); from += NAMES_PER_QUERY) {
            List<String> some = names.subList(from, Math.min(names.size(), from + NAMES_PER_QUERY));
            recorded.addAll(jdbc.queryForList(
                    "SELECT file_name FROM lake_file WHERE file_name IN ("
                            + String.join(",", Collections.nCopies(some.size(), "?")) + ")",
                    String.class,
                    some.toArray()));
        }
        return recorded;
    }

    Set<String> fileNames() {
        return new HashSet<>(jdbc.queryForList("SELECT file_name FROM lake_file", String.class));
    }

    List<LakeFile> files() {
        return jdbc.query(
                "SELECT file_name, first_position, last_position, event_count FROM lake_file ORDER BY file_name",
                (rs, i) -> new LakeFile(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)));
    }

    /** Forgets every event and file, and the writer: whoever writes next makes the folder agree with the ledger. */
    void clear() {
        jdbc.update("UPDATE lake_folder SET writer = NULL WHERE id = 1");
        jdbc.update("DELETE FROM lake_file");
        jdbc.update("DELETE FROM lake_event");
    }
}
