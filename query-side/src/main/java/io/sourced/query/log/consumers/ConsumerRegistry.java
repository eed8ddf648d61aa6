package io.sourced.query.log.consumers;

import io.sourced.api.consumers.ConsumerId;
import io.sourced.api.consumers.ConsumerView;
import io.sourced.api.consumers.GrantEventTypesCommand;
import io.sourced.api.consumers.IssuedToken;
import io.sourced.api.consumers.RegisterConsumerCommand;
import io.sourced.api.refusal.Refusal;
import io.sourced.query.SqlTime;
import io.sourced.query.log.catalog.EventCatalog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The consumers' table: who they are, what they are granted, their token's hash, their position and reading. */
@Component
class ConsumerRegistry {

    static final int MAX_NAME_LENGTH = 100;

    private static final String VIEW_COLUMNS = "consumer_id, name, personal_data, enabled, registered_at, position, "
            + "position_at, last_read_at, events_read, read_minute, read_in_minute, read_last_minute";

    private final JdbcTemplate jdbc;
    private final EventCatalog catalog;
    private final Clock clock;

    @Autowired
    ConsumerRegistry(JdbcTemplate jdbc, EventCatalog catalog) {
        this(jdbc, catalog, Clock.systemUTC());
    }

    ConsumerRegistry(JdbcTemplate jdbc, EventCatalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
    }

    IssuedToken register(RegisterConsumerCommand command) {
        String name = validName(command.name());
        Set<String> types = knownTypes(command.eventTypes());
        Integer taken = jdbc.queryForObject("SELECT COUNT(*) FROM feed_consumer WHERE name = ?", Integer.class, name);
        if (taken != null && taken > 0) {
            throw nameTaken(name);
        }
        String token = Tokens.newToken();
        try {
            jdbc.update(
                    "INSERT INTO feed_consumer (consumer_id, name, token_hash, cursor_key, personal_data, enabled, "
                            + "registered_at, events_read, read_minute, read_in_minute, read_last_minute) "
                            + "VALUES (?, ?, ?, ?, ?, TRUE, ?, 0, 0, 0, 0)",
                    command.consumerId().value(),
                    name,
                    Tokens.hash(token),
                    Base64.getEncoder().encodeToString(FeedCursors.newKey()),
                    command.personalData(),
                    SqlTime.of(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        insertTypes(command.consumerId(), types);
        return new IssuedToken(command.consumerId(), token);
    }

    void grant(GrantEventTypesCommand command) {
        Set<String> types = knownTypes(command.eventTypes());
        ConsumerView consumer = find(command.consumerId()).orElseThrow(() -> Refusals.noConsumer(command.consumerId()));
        types.removeAll(consumer.eventTypes());
        insertTypes(command.consumerId(), types);
    }

    IssuedToken rotate(ConsumerId consumerId) {
        String token = Tokens.newToken();
        update(consumerId, "UPDATE feed_consumer SET token_hash = ? WHERE consumer_id = ?", Tokens.hash(token));
        return new IssuedToken(consumerId, token);
    }

    void enable(ConsumerId consumerId, boolean enabled) {
        update(consumerId, "UPDATE feed_consumer SET enabled = ? WHERE consumer_id = ?", enabled);
    }

    private void update(ConsumerId consumerId, String sql, Object value) {
        if (jdbc.update(sql, value, consumerId.value()) == 0) {
            throw Refusals.noConsumer(consumerId);
        }
    }

    /** The enabled consumer holding this token. */
    Optional<FeedReader> byToken(String token) {
        if (token == null || !token.startsWith(Tokens.PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "SELECT consumer_id, personal_data, cursor_key FROM feed_consumer "
                                + "WHERE token_hash = ? AND enabled = TRUE",
                        (rs, i) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getString(3)},
                        Tokens.hash(token))
                .stream()
                .findFirst()
                .map(row -> {
                    ConsumerId id = ConsumerId.of((String) row[0]);
                    return new FeedReader(
                            id,
                            typesOf(id),
                            (Boolean) row[1],
                            Base64.getDecoder().decode((String) row[2]));
                });
    }

    List<ConsumerView> all() {
        return jdbc.query("SELECT " + VIEW_COLUMNS + " FROM feed_consumer ORDER BY name", this::view);
    }

    Optional<ConsumerView> find(ConsumerId consumerId) {
        return jdbc
                .query(
                        "SELECT " + VIEW_COLUMNS + " FROM feed_consumer WHERE consumer_id = ?",
                        this::view,
                        consumerId.value())
                .stream()
                .findFirst();
    }

    /** The log position the consumer stored last, and when; empty before it stored one. */
    Optional<StoredPosition> position(ConsumerId consumerId) {
        return jdbc
                .query(
                        "SELECT position, position_at FROM feed_consumer WHERE consumer_id = ? AND position IS NOT NULL",
                        (rs, i) -> new StoredPosition(rs.getLong("position"), SqlTime.instant(rs, "position_at")),
                        consumerId.value())
                .stream()
                .findFirst();
    }

    record StoredPosition(long position, Instant at) {}

    void storePosition(ConsumerId consumerId, long position) {
        jdbc.update(
                "UPDATE feed_consumer SET position = ?, position_at = ? WHERE consumer_id = ?",
                position,
                SqlTime.of(clock.instant()),
                consumerId.value());
    }

    /**
     * Counts a read: when, how many events it was served in all, and in this minute and the one before (the minute
     * that ended is what the rate is made of). One statement, so concurrent reads on several replicas all count.
     */
    void recordRead(ConsumerId consumerId, int served) {
        Instant now = clock.instant();
        long minute = now.getEpochSecond() / 60;
        jdbc.update(
                "UPDATE feed_consumer SET last_read_at = ?, events_read = events_read + ?, "
                        + "read_last_minute = CASE WHEN read_minute = ? THEN read_last_minute "
                        + "WHEN read_minute = ? THEN read_in_minute ELSE 0 END, "
                        + "read_in_minute = CASE WHEN read_minute = ? THEN read_in_minute + ? ELSE ? END, "
                        + "read_minute = ? WHERE consumer_id = ?",
                SqlTime.of(now),
                served,
                minute,
                minute - 1,
                minute,
                served,
                served,
                minute,
                consumerId.value());
    }

    private ConsumerView view(ResultSet rs, int row) throws SQLException {
        ConsumerId id = ConsumerId.of(rs.getString("consumer_id"));
        Long position = rs.getObject("position", Long.class);
        List<String> types = List.copyOf(typesOf(id));
        return new ConsumerView(
                id,
                rs.getString("name"),
                types,
                rs.getBoolean("personal_data"),
                rs.getBoolean("enabled"),
                SqlTime.instant(rs, "registered_at"),
                position,
                SqlTime.instant(rs, "position_at"),
                lag(id, position),
                SqlTime.instant(rs, "last_read_at"),
                rs.getLong("events_read"),
                perSecond(rs.getLong("read_minute"), rs.getLong("read_in_minute"), rs.getLong("read_last_minute")));
    }

    private double perSecond(long readMinute, long inMinute, long lastMinute) {
        long minute = clock.instant().getEpochSecond() / 60;
        if (readMinute == minute) {
            return lastMinute / 60.0;
        }
        return readMinute == minute - 1 ? inMinute / 60.0 : 0;
    }

    /** Events of its types after its position, counted in the log's index. */
    private long lag(ConsumerId consumerId, Long position) {
        Long lag = jdbc.queryForObject(
                "SELECT COUNT(*) FROM event_log_view WHERE position > ? AND type IN "
                        + "(SELECT event_type FROM feed_consumer_event_type WHERE consumer_id = ?)",
                Long.class,
                position == null ? -1 : position,
                consumerId.value());
        return lag == null ? 0 : lag;
    }

    private Set<String> typesOf(ConsumerId consumerId) {
        return new TreeSet<>(jdbc.queryForList(
                "SELECT event_type FROM feed_consumer_event_type WHERE consumer_id = ?",
                String.class,
                consumerId.value()));
    }

    private void insertTypes(ConsumerId consumerId, Set<String> types) {
        for (String type : types) {
            jdbc.update(
                    "INSERT INTO feed_consumer_event_type (consumer_id, event_type) VALUES (?, ?)",
                    consumerId.value(),
                    type);
        }
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw Refusals.of(Refusal.invalid("name", "must not be blank"));
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw Refusals.of(Refusal.invalid("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        return stripped;
    }

    /** The types, each one of the catalog's; at least one. */
    private Set<String> knownTypes(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw Refusals.of(Refusal.invalid("eventTypes", "must name at least one event type"));
        }
        Set<String> known = catalog.types();
        Set<String> unknown = new TreeSet<>();
        Set<String> types = new LinkedHashSet<>();
        for (String type : eventTypes) {
            if (type == null || !known.contains(type.strip())) {
                unknown.add(String.valueOf(type));
            } else {
                types.add(type.strip());
            }
        }
        if (!unknown.isEmpty()) {
            throw Refusals.of(Refusal.invalid(
                    "eventTypes", "names types the event catalog does not have: " + String.join(", ", unknown)));
        }
        return types;
    }

    private static RuntimeException nameTaken(String name) {
        return Refusals.of(new Refusal(Refusal.Kind.CONFLICT, "name", "is taken by another consumer: " + name));
    }
}
