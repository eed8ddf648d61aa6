package io.sourced.query.operations;

import io.sourced.api.operations.RebuildProgress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rebuilds on record ({@code view_rebuild}), one row per processor, shared by the replicas: who rebuilds which
 * processor, how far it got, and a cancel any replica may ask. A rebuild whose replica stopped updating its row for
 * {@link #SILENCE} is taken for abandoned, and another may start.
 */
class RebuildLedger {

    static final Duration SILENCE = Duration.ofSeconds(60);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RebuildLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records the rebuild of these processors; false when one of them is being rebuilt already, here or by a replica
     * that asked at the same moment.
     */
    boolean begin(String rebuildId, Collection<String> processors, String replica) {
        try {
            return record(rebuildId, processors, replica);
        } catch (DuplicateKeyException askedElsewhereMeanwhile) {
            return false;
        }
    }

    private boolean record(String rebuildId, Collection<String> processors, String replica) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            for (String processor : processors) {
                if (find(processor).filter(RebuildProgress::underWay).isPresent()) {
                    return false;
                }
            }
            Timestamp now = Timestamp.from(clock.instant());
            for (String processor : processors) {
                jdbc.update("DELETE FROM view_rebuild WHERE processor = ?", processor);
                jdbc.update(
                        "INSERT INTO view_rebuild (processor, rebuild_id, replica, state, done, total, events_per_second,"
                                + " started_at, updated_at, cancel_requested) VALUES (?, ?, ?, 'RUNNING', 0, 0, 0, ?, ?,"
                                + " FALSE)",
                        processor,
                        rebuildId,
                        replica,
                        now,
                        now);
            }
            return true;
        }));
    }

    /** Records how far the rebuild got; answers whether a cancel was asked meanwhile. */
    boolean progressed(String rebuildId, String state, long done, long total, double eventsPerSecond) {
        jdbc.update(
                "UPDATE view_rebuild SET state = ?, done = ?, total = ?, events_per_second = ?, updated_at = ?"
                        + " WHERE rebuild_id = ?",
                state,
                done,
                total,
                eventsPerSecond,
                Timestamp.from(clock.instant()),
                rebuildId);
        Integer cancels = jdbc.queryForObject(
                "SELECT COUNT(*) FROM view_rebuild WHERE rebuild_id = ? AND cancel_requested",
                Integer.class,
                rebuildId);
        return cancels != null && cancels > 0;
    }

    void ended(String rebuildId, String state, String failure) {
        jdbc.update(
                "UPDATE view_rebuild SET state = ?, failure = ?, updated_at = ? WHERE rebuild_id = ?",
                state,
                failure == null ? null : failure.substring(0, Math.min(failure.length(), 1000)),
                Timestamp.from(clock.instant()),
                rebuildId);
    }

    /** Asks the rebuild of the processor (and of those rebuilt with it) to stop; false when none is under way. */
    boolean cancel(String processor) {
        Optional<RebuildProgress> found = find(processor).filter(RebuildProgress::underWay);
        if (found.isEmpty()) {
            return false;
        }
        jdbc.update(
                "UPDATE view_rebuild SET cancel_requested = TRUE WHERE rebuild_id ="
                        + " (SELECT rebuild_id FROM view_rebuild WHERE processor = ?)",
                processor);
        return true;
    }

    Optional<RebuildProgress> find(String processor) {
        List<RebuildProgress> found = jdbc.query(
                "SELECT state, done, total, events_per_second, replica, started_at, updated_at, failure"
                        + " FROM view_rebuild WHERE processor = ?",
                (rs, i) -> progress(
                        rs.getString("state"),
                        rs.getLong("done"),
                        rs.getLong("total"),
                        rs.getDouble("events_per_second"),
                        rs.getString("replica"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("failure")),
                processor);
        return found.stream().findFirst();
    }

    private RebuildProgress progress(
            String state,
            long done,
            long total,
            double rate,
            String replica,
            Instant startedAt,
            Instant updatedAt,
            String failure) {
        Long secondsLeft = rate > 0 ? (long) Math.ceil(Math.max(0, total - done) / rate) : null;
        RebuildProgress recorded =
                new RebuildProgress(state, done, total, rate, secondsLeft, replica, startedAt, updatedAt, failure);
        if (recorded.underWay() && updatedAt.plus(SILENCE).isBefore(clock.instant())) {
            return new RebuildProgress(
                    "ABANDONED", done, total, rate, secondsLeft, replica, startedAt, updatedAt, failure);
        }
        return recorded;
    }
}
