package io.sourced.app.it;

import static io.sourced.app.it.WorkflowScenarios.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/**
 * The event feed while the clock that stamps events disagrees with the reader's and the database's: an event whose
 * transaction is still committing below one stamped an hour ago is waited for, then served, never skipped.
 */
abstract class SkewedClockEventFeedScenarios extends ApplicationScenarios {

    /** Far beyond the feed's gap timeout and the minute within which the event store itself keeps gaps. */
    private static final Duration WRITERS_CLOCK_BEHIND = Duration.ofHours(1);

    @Test
    void eventFeed_writersClockAnHourBehind_waitsForAnEventStillCommittingAndServesIt() throws Exception {
        String probe = admin.registerProduct(unique("Skew probe"), "1.00", 5);
        FeedReader reader = new FeedReader(admin);
        reader.readUntilEmpty();

        Clock writers = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.offset(Clock.systemUTC(), WRITERS_CLOCK_BEHIND.negated());
        long committing;
        long later;
        try (Connection transaction = instance.jdbc().getDataSource().getConnection()) {
            transaction.setAutoCommit(false);
            committing = appendRestock(transaction, probe);
            String recordedAfter = admin.registerProduct(unique("Recorded after"), "1.00", 1);
            later = positionOf(recordedAfter);
            assertThat(later).isGreaterThan(committing);

            reader.readUntilEmpty();
            assertThat(reader.last)
                    .as("the feed stops before the position still committing")
                    .isLessThan(committing);

            transaction.commit();
        } finally {
            GenericEventMessage.clock = writers;
        }

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    reader.readUntilEmpty();
                    return reader.last >= later;
                });
        assertThat(reader.read.stream().map(event -> event.path("position").asLong()))
                .contains(committing, later);
        reader.assertReadEveryStoredEventOnceInOrder(instance.jdbc());
    }

    /**
     * A restock of the product appended as the event store appends it, in a transaction left open: its position is
     * taken, its event not yet visible. Stamped by the writers' clock, as Axon stamps events.
     */
    private long appendRestock(Connection transaction, String productId) throws Exception {
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                        + " payload, payloadrevision, payloadtype, timestamp)"
                        + " SELECT aggregateidentifier, sequencenumber + 1, type, ?, metadata, ?, '1', ?, ?"
                        + " FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                new String[] {"globalindex"})) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setBytes(
                    2, ("{\"productId\":\"" + productId + "\",\"quantity\":1}").getBytes(StandardCharsets.UTF_8));
            insert.setString(3, "io.sourced.api.inventory.ProductRestockedEvent");
            insert.setString(4, GenericEventMessage.clock.instant().toString());
            insert.setString(5, productId);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                return keys.getLong(1);
            }
        }
    }

    private long positionOf(String productId) {
        Long position = instance.jdbc()
                .queryForObject(
                        "SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                        Long.class,
                        productId);
        return position == null ? -1 : position;
    }
}
