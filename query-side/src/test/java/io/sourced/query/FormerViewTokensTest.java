package io.sourced.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class FormerViewTokensTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private JdbcDataSource database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:tokens-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(database);
        jdbc.execute("CREATE TABLE tokenentry (processorname VARCHAR(255) NOT NULL, segment INT NOT NULL,"
                + " token BYTEA, tokentype VARCHAR(255), timestamp VARCHAR(255), owner VARCHAR(255),"
                + " PRIMARY KEY (processorname, segment))");
    }

    @Test
    void merge_startsTheViewsWhereEveryFormerProcessorHadHandledEverything_onTheOrdersViewsSegments()
            throws SQLException {
        store("orders-view", 0, GapAwareTrackingToken.newInstance(100, List.of()));
        store("orders-view", 1, GapAwareTrackingToken.newInstance(90, List.of(85L, 87L)));
        store("products-view", 0, GapAwareTrackingToken.newInstance(95, List.of()));
        store("event-log", 0, GapAwareTrackingToken.newInstance(120, List.of()));
        store("reports", 0, GapAwareTrackingToken.newInstance(10, List.of()));

        merge();

        assertThat(jdbc.queryForList("SELECT processorname FROM tokenentry ORDER BY processorname", String.class))
                .containsExactly("reports", "views", "views");
        assertThat(viewsSegment(0)).isEqualTo(GapAwareTrackingToken.newInstance(84, List.of()));
        assertThat(viewsSegment(1)).isEqualTo(GapAwareTrackingToken.newInstance(84, List.of()));
    }

    @Test
    void merge_whileAFormerProcessorReplayed_letsTheViewsStartFromTheFirstEvent() throws SQLException {
        store("orders-view", 0, GapAwareTrackingToken.newInstance(100, List.of()));
        store(
                "customers-view",
                0,
                ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(100, List.of()), null));

        merge();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tokenentry", Integer.class))
                .isZero();
    }

    @Test
    void merge_onANewDatabase_orOnceMerged_changesNothing() throws SQLException {
        merge();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tokenentry", Integer.class))
                .isZero();

        store("views", 0, GapAwareTrackingToken.newInstance(7, List.of()));
        store("orders-view", 0, GapAwareTrackingToken.newInstance(3, List.of()));
        merge();

        assertThat(viewsSegment(0)).isEqualTo(GapAwareTrackingToken.newInstance(7, List.of()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tokenentry", Integer.class))
                .isEqualTo(2);
    }

    private void merge() throws SQLException {
        try (Connection connection = database.getConnection()) {
            FormerViewTokens.merge(connection);
        }
    }

    private void store(String processor, int segment, TrackingToken token) {
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        jdbc.update(
                "INSERT INTO tokenentry (processorname, segment, token, tokentype, timestamp, owner)"
                        + " VALUES (?, ?, ?, ?, '2026-12-07T00:00:00Z', 'replica-a')",
                processor,
                segment,
                serialized.getData(),
                serialized.getType().getName());
    }

    private TrackingToken viewsSegment(int segment) {
        return jdbc.queryForObject(
                "SELECT token, tokentype FROM tokenentry WHERE processorname = 'views' AND segment = ?",
                (row, i) -> serializer.deserialize(
                        new SimpleSerializedObject<>(row.getBytes(1), byte[].class, row.getString(2), null)),
                segment);
    }
}
