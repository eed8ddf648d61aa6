package io.sourced.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** Reads the same stored events as Axon's own JDBC engine does: same tokens (gaps and all), same timestamps. */
class OnceParsedTimestampsStorageEngineTest {

    private final Instant now = Instant.now();
    private final Instant twoHoursAgo = now.minus(2, ChronoUnit.HOURS);
    private DataSource dataSource;

    @BeforeEach
    void createEventTable() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource = h2;
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(
                    connection, new ClassPathResource("db/migration/V202611261100__axon_infrastructure.sql"));
        }
    }

    @Test
    void readEvents_withOldAndRecentGaps_tokensAndTimestampsAsAxonReadsThem() throws SQLException {
        JdbcEventStorageEngine axons = axonsEngine();
        String product = UUID.randomUUID().toString();
        axons.appendEvents(List.of(
                event(product, 0, twoHoursAgo),
                event(product, 1, twoHoursAgo.plusMillis(1)),
                event(product, 2, twoHoursAgo.plusNanos(1_500)),
                event(product, 3, now.minusSeconds(1)),
                event(product, 4, now),
                new GenericEventMessage<>("not an aggregate's", MetaData.emptyInstance()),
                event(product, 5, now.plusNanos(123_456))));
        // rolled-back appends leave holes in the global index: one among the old events, one among the recent ones
        deleteGlobalIndexes(2, 5);

        List<String> expected = read(axons, null);
        assertThat(read(onceParsed(), null)).isEqualTo(expected).hasSize(5);
        TrackingToken afterFirst =
                axons.readEvents(null, false).findFirst().orElseThrow().trackingToken();
        assertThat(read(onceParsed(), afterFirst))
                .isEqualTo(read(axons, afterFirst))
                .hasSize(4);
        assertThat(expected.get(expected.size() - 1)).contains("gaps=[5]");
    }

    private JdbcEventStorageEngine axonsEngine() {
        return builder().build();
    }

    private OnceParsedTimestampsStorageEngine onceParsed() {
        return new OnceParsedTimestampsStorageEngine(
                builder(), OnceParsedTimestampsStorageEngine.GapSettings.AXON_DEFAULTS);
    }

    private JdbcEventStorageEngine.Builder builder() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer);
    }

    private static DomainEventMessage<String> event(String aggregate, long sequence, Instant at) {
        return new GenericDomainEventMessage<>(
                "Product",
                aggregate,
                sequence,
                "event " + sequence,
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                at);
    }

    private void deleteGlobalIndexes(long... indexes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (long index : indexes) {
                connection.createStatement().executeUpdate("DELETE FROM domainevententry WHERE globalindex = " + index);
            }
        }
    }

    private static List<String> read(JdbcEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false)
                .map(OnceParsedTimestampsStorageEngineTest::describe)
                .toList();
    }

    private static String describe(TrackedEventMessage<?> event) {
        String aggregate = event instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() + "#" + domain.getSequenceNumber()
                : "no aggregate";
        return event.trackingToken() + " " + event.getTimestamp() + " " + aggregate + " " + event.getPayload();
    }
}
