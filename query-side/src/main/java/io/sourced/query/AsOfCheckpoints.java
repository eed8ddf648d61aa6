package io.sourced.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Views as they were after an aggregate's first events ({@code as_of_checkpoint}): the starts of "as of" folds.
 * One is kept every {@code sourced.as-of.checkpoint-every} events of an aggregate.
 */
@Component
public class AsOfCheckpoints {

    /** The view after the events up to {@code sequence}, the latest of which was recorded at {@code latestNanos}. */
    record Checkpoint<V>(long sequence, long latestNanos, V view) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final int every;

    public AsOfCheckpoints(
            JdbcTemplate jdbc, ObjectMapper json, @Value("${sourced.as-of.checkpoint-every:1000}") int every) {
        if (every < 1) {
            throw new IllegalArgumentException("sourced.as-of.checkpoint-every must be at least 1");
        }
        this.jdbc = jdbc;
        this.json = json;
        this.every = every;
    }

    /** The checkpoint with the highest sequence number whose events were all recorded up to {@code asOf}. */
    <V> Optional<Checkpoint<V>> newestCovered(AsOf.Folding<V> fold, String aggregateId, Instant asOf) {
        return jdbc.query("""
                        SELECT sequence, latest_nanos, view_json FROM as_of_checkpoint
                        WHERE fold = ? AND aggregate_id = ? AND latest_nanos <= ?
                        ORDER BY sequence DESC LIMIT 1""", checkpoint(fold.viewType()), fold.name(), aggregateId, nanos(asOf)).stream()
                .findFirst();
    }

    /** The checkpoint with the highest sequence number up to {@code sequence}: where a fold to it may start. */
    <V> Optional<Checkpoint<V>> newestUpTo(AsOf.Folding<V> fold, String aggregateId, long sequence) {
        return jdbc.query("""
                        SELECT sequence, latest_nanos, view_json FROM as_of_checkpoint
                        WHERE fold = ? AND aggregate_id = ? AND sequence <= ?
                        ORDER BY sequence DESC LIMIT 1""", checkpoint(fold.viewType()), fold.name(), aggregateId, sequence).stream()
                .findFirst();
    }

    boolean due(long sequence) {
        return (sequence + 1) % every == 0;
    }

    /** Any reader may save the same checkpoint at once: they are equal, the first one stays. */
    <V> void save(AsOf.Folding<V> fold, String aggregateId, Checkpoint<V> checkpoint) {
        jdbc.update(
                """
                INSERT INTO as_of_checkpoint (fold, aggregate_id, sequence, latest_nanos, view_json)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                fold.name(),
                aggregateId,
                checkpoint.sequence(),
                checkpoint.latestNanos(),
                write(checkpoint.view()));
    }

    /** Nanoseconds since the epoch, held at the ends of a long for instants beyond them. */
    static long nanos(Instant at) {
        try {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        } catch (ArithmeticException beyond) {
            return at.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private <V> RowMapper<Checkpoint<V>> checkpoint(Class<V> viewType) {
        return (rs, i) -> new Checkpoint<>(
                rs.getLong("sequence"), rs.getLong("latest_nanos"), read(rs.getString("view_json"), viewType));
    }

    private <V> V read(String text, Class<V> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An as-of checkpoint is not a " + type.getSimpleName(), e);
        }
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an as-of checkpoint", e);
        }
    }
}
