package io.sourced.query.log.eventlog;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long ago the event store's database recorded an event, both ends read on the database's clock in one query:
 * the replicas' clocks, which may disagree with it and with each other, take no part. Asked only for an event behind
 * a missing position.
 */
final class RecordedAges {

    private final JdbcTemplate jdbc;

    RecordedAges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Duration of(long position) {
        return jdbc.queryForObject(
                "SELECT recordedat, CURRENT_TIMESTAMP FROM domainevententry WHERE globalindex = ?",
                (rs, row) ->
                        Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)),
                position);
    }
}
