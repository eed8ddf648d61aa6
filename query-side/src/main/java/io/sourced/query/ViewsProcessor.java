package io.sourced.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one event processor that keeps the views kept in tables for the API and the pages: orders, order history,
 * products, customers and the event log. Each is a processing group of its own, with its own sequencing policy and
 * dead-letter queue, but they follow the log together: one stream, one transaction and one token write for a batch of
 * events, where each group on its own would read, track and commit every batch again. What that costs: they lag
 * together, a rebuild rebuilds them together, and an event the event log cannot index (it stops rather than skip one)
 * holds all of them back until it can. The reports and the data lake call or write outside systems and keep
 * processors of their own.
 */
public final class ViewsProcessor {

    public static final String NAME = "views";

    /** The processors the views' groups were before they shared this one. */
    static final List<String> FORMER_PROCESSORS =
            List.of("orders-view", "order-history", "products-view", "customers-view", "event-log");

    private static final String SEGMENTS_OF =
            "SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?";

    private ViewsProcessor() {}

    /** Puts the processing group's handlers in this processor. */
    public static void assign(EventProcessingConfigurer eventProcessing, String processingGroup) {
        eventProcessing.assignProcessingGroup(processingGroup, NAME);
    }

    /**
     * Gives this processor the tokens of the processors its groups were, once: a token at the lowest position any of
     * them had handled everything up to, with their segments (as the orders view had split them), and removes theirs.
     * The groups that were further on see again the events between: each view is written to apply an event once,
     * however often it is delivered (dead letters are retried the same way). Nothing to do on a new database.
     */
    public static void mergeTokens(Connection connection) throws SQLException {
        if (!segments(connection, NAME).isEmpty()) {
            return;
        }
        List<Integer> segments = segments(connection, FORMER_PROCESSORS.get(0));
        OptionalLong lowest = OptionalLong.empty();
        boolean any = false;
        for (String former : FORMER_PROCESSORS) {
            for (Stored stored : stored(connection, former)) {
                any = true;
                OptionalLong handled = handledUpTo(stored);
                if (handled.isEmpty()) {
                    // it had not started, or was replaying: this one starts from the first event
                    delete(connection);
                    return;
                }
                lowest = OptionalLong.of(Math.min(handled.getAsLong(), lowest.orElse(Long.MAX_VALUE)));
            }
        }
        if (!any) {
            return;
        }
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        SerializedObject<byte[]> token = serializer.serialize(
                GapAwareTrackingToken.newInstance(lowest.getAsLong(), new TreeSet<>()), byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tokenentry"
                + " (processorname, segment, token, tokentype, timestamp, owner) VALUES (?, ?, ?, ?, ?, NULL)")) {
            for (int segment : segments.isEmpty() ? List.of(0) : segments) {
                insert.setString(1, NAME);
                insert.setInt(2, segment);
                insert.setBytes(3, token.getData());
                insert.setString(4, token.getType().getName());
                insert.setString(5, Instant.now().toString());
                insert.executeUpdate();
            }
        }
        delete(connection);
    }

    private record Stored(byte[] token, String type) {}

    private static OptionalLong handledUpTo(Stored stored) {
        if (stored.token() == null || stored.type() == null) {
            return OptionalLong.empty();
        }
        ObjectMapper lenient = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        TrackingToken token = JacksonSerializer.builder()
                .objectMapper(lenient)
                .build()
                .deserialize(new SimpleSerializedObject<>(stored.token(), byte[].class, stored.type(), null));
        if (token instanceof ReplayToken replay) {
            token = replay.getCurrentToken();
        }
        if (!(token instanceof GapAwareTrackingToken gapAware)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(
                gapAware.getGaps().isEmpty()
                        ? gapAware.getIndex()
                        : gapAware.getGaps().first() - 1);
    }

    private static List<Integer> segments(Connection connection, String processor) throws SQLException {
        List<Integer> segments = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SEGMENTS_OF)) {
            select.setString(1, processor);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    segments.add(rows.getInt(1));
                }
            }
        }
        return segments;
    }

    private static List<Stored> stored(Connection connection, String processor) throws SQLException {
        List<Stored> stored = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SEGMENTS_OF)) {
            select.setString(1, processor);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(new Stored(rows.getBytes(2), rows.getString(3)));
                }
            }
        }
        return stored;
    }

    private static void delete(Connection connection) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM tokenentry WHERE processorname IN (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < FORMER_PROCESSORS.size(); i++) {
                delete.setString(i + 1, FORMER_PROCESSORS.get(i));
            }
            delete.executeUpdate();
        }
    }
}
