package io.sourced.timelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.timelines.TimelineRules;
import io.sourced.api.timelines.TimelineStatus;
import io.sourced.api.timelines.TimelineSummary;
import io.sourced.api.timelines.TimelineView;
import io.sourced.timelines.engine.TimelineResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The timelines on record ({@code timeline}), shared by the replicas. A running timeline's replica touches its row
 * every {@link #HEARTBEAT}; one whose row was left untouched for {@link #SILENCE} (its process stopped, or hangs) is
 * answered as failed.
 */
@Component
class TimelineStore {

    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration SILENCE = Duration.ofSeconds(60);
    private static final int LISTED = 200;
    private static final String COLUMNS =
            "timeline_id, name, period_from, period_to, rules, status, progress, replica, created_at, updated_at,"
                    + " failure";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    TimelineStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void begin(String id, AskedTimeline asked, String replica) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO timeline (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 'RUNNING', 0, ?, ?, ?, NULL)",
                id,
                asked.name(),
                Timestamp.from(asked.from()),
                Timestamp.from(asked.to()),
                write(asked.shown()),
                replica,
                now,
                now);
    }

    /** Records how far it got; false when the timeline was deleted meanwhile. */
    boolean progressed(String id, double progress) {
        return jdbc.update(
                        "UPDATE timeline SET progress = ?, updated_at = ? WHERE timeline_id = ? AND status = 'RUNNING'",
                        progress,
                        Timestamp.from(clock.instant()),
                        id)
                > 0;
    }

    /** The runner is alive; false when the timeline was deleted meanwhile. */
    boolean alive(String id) {
        return jdbc.update(
                        "UPDATE timeline SET updated_at = ? WHERE timeline_id = ? AND status = 'RUNNING'",
                        Timestamp.from(clock.instant()),
                        id)
                > 0;
    }

    void done(String id, TimelineResult result) {
        jdbc.update(
                "UPDATE timeline SET status = 'DONE', progress = 1, result = ?, updated_at = ? WHERE timeline_id = ?",
                write(result),
                Timestamp.from(clock.instant()),
                id);
    }

    void failed(String id, String failure) {
        jdbc.update(
                "UPDATE timeline SET status = 'FAILED', failure = ?, updated_at = ? WHERE timeline_id = ?",
                failure.substring(0, Math.min(failure.length(), 1000)),
                Timestamp.from(clock.instant()),
                id);
    }

    /** At a start: what this replica was running when its process stopped failed, and will not resume. */
    int abandonedBy(String replica) {
        return jdbc.update(
                "UPDATE timeline SET status = 'FAILED', failure = ?, updated_at = ? WHERE status = 'RUNNING'"
                        + " AND replica = ?",
                "the process running it stopped before it ended; run it again",
                Timestamp.from(clock.instant()),
                replica);
    }

    boolean delete(String id) {
        return jdbc.update("DELETE FROM timeline WHERE timeline_id = ?", id) > 0;
    }

    /** Newest first, the latest {@value #LISTED}. */
    List<TimelineSummary> list() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM timeline ORDER BY created_at DESC, timeline_id FETCH FIRST " + LISTED
                        + " ROWS ONLY",
                (rs, i) -> summary(rs));
    }

    Optional<TimelineView> find(String id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + ", result FROM timeline WHERE timeline_id = ?",
                        (rs, i) -> view(summary(rs), read(rs.getString("result"), TimelineResult.class)),
                        id)
                .stream()
                .findFirst();
    }

    /** The figures are null until the timeline is done. */
    private static TimelineView view(TimelineSummary summary, TimelineResult result) {
        boolean done = result != null;
        return new TimelineView(
                summary.id(),
                summary.name(),
                summary.status(),
                summary.progress(),
                summary.rules(),
                summary.from(),
                summary.to(),
                summary.createdAt(),
                summary.failure(),
                done ? result.actual() : null,
                done ? result.whatIf() : null,
                done ? result.byProduct() : null,
                done ? result.byDay() : null,
                done ? result.ordersChanged() : null,
                done ? result.changedOrders() : null,
                done ? result.eventsRead() : null,
                done ? result.intentsRefused() : null);
    }

    private TimelineSummary summary(ResultSet rs) throws SQLException {
        TimelineStatus status = TimelineStatus.valueOf(rs.getString("status"));
        String failure = rs.getString("failure");
        Instant updatedAt = rs.getTimestamp("updated_at").toInstant();
        if (status == TimelineStatus.RUNNING && updatedAt.plus(SILENCE).isBefore(clock.instant())) {
            status = TimelineStatus.FAILED;
            failure = "its runner on " + rs.getString("replica") + " stopped answering; run it again";
        }
        return new TimelineSummary(
                rs.getString("timeline_id"),
                rs.getString("name"),
                status,
                rs.getDouble("progress"),
                read(rs.getString("rules"), TimelineRules.class),
                rs.getTimestamp("period_from").toInstant(),
                rs.getTimestamp("period_to").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                failure);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a timeline's " + value.getClass().getSimpleName() + " cannot be written", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a timeline's " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
